// graphql-ws subscriptions at the gateway on real Redis and PostgreSQL: fills, order updates, ticks,
// signals and decisions arrive with fields of other subgraphs resolved, and every event reaches clients
// of two gateway processes.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import { WebSocket } from 'ws';
import { createLogger, StreamPublisher } from '@aitrader/platform';
import { startGateway, type RunningGateway } from '../../../gateway/src/server';
import { REDIS_URL, authConnectionParams, gql, uniquePrefix, waitFor } from '../support/env';
import { startStack, type Stack } from '../support/stack';

const prefix = uniquePrefix('subscriptions');
const redis = new Redis(REDIS_URL);
const run = randomBytes(3).toString('hex');
const accountId = `subs-${run}`;
let stack: Stack;
let second: RunningGateway;
const clients: Client[] = [];

type Event = ExecutionResult<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Subscribes at a gateway and collects every result it sends. */
function subscribe(gatewayUrl: string, query: string, variables: Record<string, unknown> = {}): Event[] {
  const client = createClient({ url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: authConnectionParams });
  clients.push(client);
  const events: Event[] = [];
  client.subscribe({ query, variables }, { next: (e) => void events.push(e as Event), error: (e) => void events.push({ errors: Array.isArray(e) ? e : [{ message: String(e) }] } as never), complete: () => undefined });
  return events;
}

/**
 * Subscriptions open asynchronously (client → gateway → subgraph), so a test first sends harmless probe
 * events until every subscriber has received one, and only then the event it checks.
 */
async function untilListening(streams: Event[][], probe: () => Promise<unknown>, what: string) {
  await waitFor(async () => {
    await probe();
    await new Promise((r) => setTimeout(r, 100));
    return streams.every((s) => s.length > 0);
  }, 15_000, `${what} subscriptions`);
}

beforeAll(async () => {
  stack = await startStack({ REDIS_PREFIX: prefix });
  second = await startGateway(stack.config, createLogger('gateway-2', stack.config), 0);
  const created = await gql(stack.gateway.url, `mutation { createAccount(input: { id: "${accountId}", name: "subscriptions test", startingCash: 1000000 }) { error { code } } }`);
  expect(created.data?.createAccount.error).toBeNull();
  const ticks = [
    { type: 'quote', timestamp: '2025-10-06T13:30:00Z', symbol: 'MSFT', bid: 410.0, ask: 410.02, bid_size: 300, ask_size: 400 },
  ];
  await gql(stack.gateway.url, 'mutation($c: String!) { startReplay(input: { source: INLINE, format: NDJSON, content: $c, asFastAsPossible: true }) { error { code } } }', { c: ticks.map((t) => JSON.stringify(t)).join('\n') });
  await waitFor(async () => (await gql(stack.gateway.url, '{ orderBook(symbol: "MSFT") { asks { price } } }')).data?.orderBook?.asks?.length === 1, 10_000, 'book');
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await second?.close();
  await stack?.close();
  await redis.quit();
});

test('a client on either gateway receives the fill and the order updates of an order it placed, with other subgraphs’ fields resolved', async () => {
  const FILL = `subscription($a: ID!) { fillReceived(accountId: $a) { tradeId price qty fee instrument { name quote { bid ask } } account { id cash } } }`;
  const ORDER = `subscription($a: ID!) { update: orderUpdated(accountId: $a, symbol: "MSFT") { status filledQuantity leavesQuantity averageFillPrice instrument { name } order { id status } } }`;
  const fills = [subscribe(stack.gateway.url, FILL, { a: accountId }), subscribe(second.url, FILL, { a: accountId })];
  const updates = [subscribe(stack.gateway.url, ORDER, { a: accountId }), subscribe(second.url, ORDER, { a: accountId })];
  // Probe: a fill event for a trade nobody booked reaches the subscribers (its lookup finds nothing).
  const probe = { tradeId: `probe-${run}`, orderId: 'probe', clientOrderId: 'probe', accountId, symbol: 'MSFT', side: 'BUY', quantity: 1, price: 1, fee: 0, timestamp: new Date().toISOString() };
  await untilListening(fills, () => redis.publish(`${prefix}fills:updates`, JSON.stringify(probe)), 'fill');
  const orderProbe = { orderId: 'probe', accountId, symbol: 'MSFT', status: 'NEW', filledQuantity: 0, leavesQuantity: 1, averageFillPrice: null, updatedAt: new Date().toISOString() };
  await untilListening(updates, () => redis.publish(`${prefix}orders:updates`, JSON.stringify(orderProbe)), 'order');
  const seen = fills.map((f) => f.length);
  const seenUpdates = updates.map((u) => u.length);

  const placed = await gql(second.url, `mutation { placeOrder(input: { accountId: "${accountId}", clientOrderId: "sub-${run}", symbol: "MSFT", side: "BUY", type: MARKET, quantity: 10 }) { order { id status } error { code } } }`.replace('"BUY"', 'BUY'));
  expect(placed.data?.placeOrder.error).toBeNull();
  const orderId = placed.data!.placeOrder.order.id as string;

  for (const [i, stream] of fills.entries()) {
    await waitFor(() => stream.length > seen[i]!, 10_000, `fill on gateway ${i + 1}`);
    const event = stream[seen[i]!]!;
    expect(event.errors).toBeUndefined();
    expect(event.data?.fillReceived).toMatchObject({ price: 410.02, qty: 10, instrument: { name: expect.any(String), quote: { bid: 410, ask: 410.02 } }, account: { id: accountId, cash: expect.any(Number) } });
  }
  expect(fills[0]![seen[0]!]!.data).toEqual(fills[1]![seen[1]!]!.data);

  for (const [i, stream] of updates.entries()) {
    await waitFor(() => stream.slice(seenUpdates[i]!).some((e) => e.data?.update?.status === 'FILLED'), 10_000, `order update on gateway ${i + 1}`);
    const filled = stream.slice(seenUpdates[i]!).find((e) => e.data?.update?.status === 'FILLED')!;
    expect(filled.data!.update).toEqual({ status: 'FILLED', filledQuantity: 10, leavesQuantity: 0, averageFillPrice: 410.02, instrument: { name: expect.any(String) }, order: { id: orderId, status: 'FILLED' } });
  }
});

test('ticks, signals and decisions arrive at the gateway with fields from other subgraphs', async () => {
  const TICKS = `subscription { tickReceived(symbol: "GOOGL", kinds: [TRADE]) { id kind price size instrument { symbol name indicators { backend } } } }`;
  const SIGNALS = `subscription { signalEmitted(symbol: "GOOGL") { id symbol score detector instrument { name } } }`;
  const DECISIONS = `subscription { decisionMade(symbol: "GOOGL") { action reason signalId instrument { name } } }`;
  const ticks = [subscribe(stack.gateway.url, TICKS), subscribe(second.url, TICKS)];
  const signals = [subscribe(stack.gateway.url, SIGNALS), subscribe(second.url, SIGNALS)];
  const decisions = [subscribe(stack.gateway.url, DECISIONS), subscribe(second.url, DECISIONS)];

  const publisher = new StreamPublisher(redis, { prefix });
  let n = 0;
  await untilListening(ticks, () => publisher.publish('ticks', { kind: 'trade', symbol: 'GOOGL', timestamp: new Date(Date.UTC(2023, 0, 9, 14, 0, n++)).toISOString(), price: 180 + n / 100, size: 5 }), 'tick');
  for (const stream of ticks) {
    expect(stream[0]!.errors).toBeUndefined();
    expect(stream[0]!.data?.tickReceived).toMatchObject({ kind: 'TRADE', size: 5, instrument: { symbol: 'GOOGL', name: expect.any(String) } });
    // `tick(id)` gives back the same event.
    const again = await gql(stack.gateway.url, 'query($id: ID!) { tick(id: $id) { price size } }', { id: stream[0]!.data!.tickReceived.id });
    expect(again.data?.tick).toEqual({ price: stream[0]!.data!.tickReceived.price, size: 5 });
  }

  // The seed's own message on the seed's channel (no id): below the strategy's threshold, so a HOLD.
  // (GOOGL in 2023: no other test stores signals there.)
  let second_ = 0;
  const seedSignal = () => redis.publish(`${prefix}signals`, JSON.stringify({ symbol: 'GOOGL', score: 0.1, timestamp: new Date(Date.UTC(2023, 0, 9, 15, 0, second_++)).toISOString() }));
  await untilListening([...signals, ...decisions], seedSignal, 'signal and decision');
  for (const stream of signals) {
    const event = stream[0]!;
    expect(event.errors).toBeUndefined();
    expect(event.data?.signalEmitted).toMatchObject({ symbol: 'GOOGL', score: 0.1, detector: 'external', instrument: { name: expect.any(String) } });
    expect(event.data?.signalEmitted.id).toMatch(/^ext:/);
  }
  for (const stream of decisions) {
    const event = stream[0]!;
    expect(event.errors).toBeUndefined();
    expect(event.data?.decisionMade).toMatchObject({ action: 'HOLD', instrument: { name: expect.any(String) } });
    expect(event.data?.decisionMade.signalId).toMatch(/^ext:/);
  }
});

test('a subscription the schema does not have is refused with a GraphQL error', async () => {
  const events = subscribe(stack.gateway.url, 'subscription { nothing { id } }');
  await waitFor(() => events.length > 0, 5_000, 'refusal');
  expect(events[0]!.errors?.[0]?.message).toMatch(/Cannot query field "nothing" on type "Subscription"/);
});
