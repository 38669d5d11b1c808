// How a client's subscription is split into the upstream subscription (key only) and the lookup query
// (the whole selection, aliases, fragments and the variables it uses).
import { parse, print } from 'graphql';
import { BridgeError, bridgeSubscription } from './operations';
import type { SubscriptionRoute } from './routes';

const fill: SubscriptionRoute = { field: 'fillReceived', service: 'execution', typeName: 'Fill', lookupField: 'fill', keyArg: 'tradeId' };
const routes = new Map([[fill.field, fill]]);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('bridgeSubscription', () => {
  it('subscribes upstream for the key with the client arguments and looks the event up with the client selection', () => {
    const doc = parse(`
      subscription Fills($account: ID, $depth: Int, $unused: String) {
        f: fillReceived(accountId: $account, symbol: "AAPL") {
          price qty
          instrument { orderBook(depth: $depth) { bids { price } } }
          ...Acct
        }
      }
      fragment Acct on Fill { account { cash } }
      fragment Other on Fill { fee }
    `);
    const bridged = bridgeSubscription(doc, 'Fills', routes);
    expect(bridged.responseKey).toBe('f');
    expect(squash(print(bridged.upstream))).toBe(squash('subscription Fills($account: ID) { fillReceived(accountId: $account, symbol: "AAPL") { tradeId } }'));
    expect(squash(print(bridged.lookup))).toBe(
      squash(`query Fills($__eventKey: ID!, $depth: Int) { f: fill(tradeId: $__eventKey) { price qty instrument { orderBook(depth: $depth) { bids { price } } } ...Acct } }
              fragment Acct on Fill { account { cash } }`),
    );
  });

  it('refuses what it cannot bridge', () => {
    expect(() => bridgeSubscription(parse('query { a }'), undefined, routes)).toThrow(BridgeError);
    expect(() => bridgeSubscription(parse('subscription { other { id } }'), undefined, routes)).toThrow(/no route/);
    expect(() => bridgeSubscription(parse('subscription { ...F } fragment F on Subscription { fillReceived { price } }'), undefined, routes)).toThrow(/exactly one root field/);
  });
});
