// The subscription routes read off the committed supergraph, and the refusal of a subscription whose
// owner offers no way to look an event up by key.
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH } from '../server';
import { subscriptionRoutes, SubscriptionRouteError } from './routes';

describe('subscription routes', () => {
  it('finds the owner and the by-key lookup of every subscription in the supergraph', () => {
    const routes = subscriptionRoutes(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    expect(routes.sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'decisionMade', service: 'strategy', typeName: 'Decision', lookupField: 'decision', keyArg: 'id' },
      { field: 'fillReceived', service: 'execution', typeName: 'Fill', lookupField: 'fill', keyArg: 'tradeId' },
      { field: 'orderUpdated', service: 'execution', typeName: 'OrderUpdate', lookupField: 'orderUpdate', keyArg: 'id' },
      { field: 'sentimentChanged', service: 'sentiment', typeName: 'SymbolSentiment', lookupField: 'sentimentById', keyArg: 'id' },
      { field: 'signalEmitted', service: 'signals', typeName: 'Signal', lookupField: 'signal', keyArg: 'id' },
      { field: 'tickReceived', service: 'marketdata', typeName: 'Tick', lookupField: 'tick', keyArg: 'id' },
    ]);
  });

  it('refuses a subscription without a lookup in its subgraph', () => {
    const sdl = `
      enum join__Graph { A @join__graph(name: "a", url: "http://a") B @join__graph(name: "b", url: "http://b") }
      type Query @join__type(graph: A) @join__type(graph: B) { thing(id: ID!): Thing @join__field(graph: B) }
      type Subscription @join__type(graph: A) { thingHappened: Thing! @join__field(graph: A) }
      type Thing @join__type(graph: A) @join__type(graph: B) { id: ID! }
    `;
    expect(() => subscriptionRoutes(sdl)).toThrow(SubscriptionRouteError);
    expect(() => subscriptionRoutes(sdl)).toThrow(/subgraph a has no query field returning Thing/);
  });

  it('has no routes without a Subscription type', () => {
    expect(subscriptionRoutes('type Query { a: Int }')).toEqual([]);
  });
});
