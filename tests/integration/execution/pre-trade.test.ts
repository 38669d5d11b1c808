// The execution engine's pre-trade checks on a real stack, for every way an order arrives: placeOrder
// through the gateway and the `orders` stream. The cases — 1e9 shares at 0.01, an order beyond
// buying power, beyond the notional limit, a limit far from the market — are refused with a typed error
// naming the field, and nothing is stored; a stream order beyond buying power is dead-lettered with the
// code instead of filling the account negative; an order within the limits still fills.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { REDIS_URL, fieldsOf, gql, uniquePrefix, waitFor } from '../support/env';
import { startStack, type Stack } from '../support/stack';

const run = randomBytes(4).toString('hex');
const prefix = uniquePrefix('pretrade');
const poor = `pretrade-poor-${run}`; // 40,600 of cash, as in the issue
const rich = `pretrade-rich-${run}`;
const redis = new Redis(REDIS_URL);
let stack: Stack;

const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status filledQuantity } error { code message field } } }';
const place = async (accountId: string, input: Record<string, unknown>) => {
  const r = await gql(stack.gateway.url, PLACE, { input: { accountId, clientOrderId: `${input.type}-${randomBytes(4).toString('hex')}`, symbol: 'AAPL', ...input } });
  expect(r.errors).toBeUndefined();
  return r.data!.placeOrder;
};
const ordersOf = async (accountId: string) => (await gql(stack.gateway.url, `{ orders(accountId: "${accountId}", first: 50) { edges { node { id } } } }`)).data!.orders.edges as unknown[];

beforeAll(async () => {
  stack = await startStack({ REDIS_PREFIX: prefix, EXECUTION_MAX_ORDER_NOTIONAL: '200000' });
  for (const [id, cash] of [[poor, 40_600], [rich, 1_000_000]] as const) {
    const created = await gql(stack.gateway.url, `mutation { createAccount(input: { id: "${id}", name: "${id}", startingCash: ${cash} }) { error { code } } }`);
    expect(created.data?.createAccount.error).toBeNull();
  }
  const ticks = [{ type: 'quote', timestamp: '2025-10-03T13:30:00Z', symbol: 'AAPL', bid: 99.9, ask: 100.1, bid_size: 5000, ask_size: 5000 }];
  const r = await gql(stack.gateway.url, 'mutation($c: String!) { startReplay(input: { source: INLINE, format: NDJSON, content: $c, asFastAsPossible: true }) { error { code } } }', { c: ticks.map((t) => JSON.stringify(t)).join('\n') });
  expect(r.data?.startReplay.error).toBeNull();
  await waitFor(async () => (await gql(stack.gateway.url, '{ orderBook(symbol: "AAPL") { asks { price } } }')).data?.orderBook?.asks?.length === 1, 10_000, 'book');
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await redis.quit();
});

test('refused with a typed error beside its field, nothing stored', async () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    [poor, { side: 'BUY', type: 'LIMIT', quantity: 1e9, limitPrice: 0.01 }, 'MAX_QUANTITY_EXCEEDED', 'quantity'],
    [poor, { side: 'BUY', type: 'LIMIT', quantity: 10, limitPrice: 0.01 }, 'PRICE_OUTSIDE_COLLAR', 'limitPrice'],
    [poor, { side: 'SELL', type: 'LIMIT', quantity: 10, limitPrice: 150 }, 'PRICE_OUTSIDE_COLLAR', 'limitPrice'],
    [poor, { side: 'BUY', type: 'MARKET', quantity: 1000 }, 'INSUFFICIENT_BUYING_POWER', 'quantity'],
    [poor, { side: 'SELL', type: 'MARKET', quantity: 1000 }, 'INSUFFICIENT_BUYING_POWER', 'quantity'], // a short opens exposure too
    [rich, { side: 'BUY', type: 'LIMIT', quantity: 2100, limitPrice: 100 }, 'MAX_NOTIONAL_EXCEEDED', 'quantity'],
  ];
  for (const [account, input, code, field] of cases) {
    const r = await place(account, input);
    expect([input, r.order, r.error?.code, r.error?.field]).toEqual([input, null, code, field]);
  }
  expect((await place(poor, { side: 'BUY', type: 'MARKET', quantity: 1000 })).error.message).toBe('order needs 100100 of buying power; the account has 40600');
  expect(await ordersOf(poor)).toEqual([]);
  expect(await ordersOf(rich)).toEqual([]);
});

test('within the limits an order is booked and fills', async () => {
  const r = await place(poor, { side: 'BUY', type: 'MARKET', quantity: 300 });
  expect(r.error).toBeNull();
  expect(r.order).toMatchObject({ status: 'FILLED', filledQuantity: 300 });
});

test('a stream order beyond buying power is dead-lettered with its code, not filled into negative cash', async () => {
  const order = { clientOrderId: `stream-${run}`, accountId: poor, symbol: 'AAPL', side: 'BUY', type: 'MARKET', quantity: 1_500, timestamp: '2025-10-03T13:30:01Z' };
  const dlq = `${prefix}orders:dlq`;
  const before = await redis.xlen(dlq);
  await redis.xadd(`${prefix}orders`, '*', 'data', JSON.stringify(order));
  await waitFor(async () => (await redis.xlen(dlq)) === before + 1, 10_000, 'the dead letter');
  const [, fields] = (await redis.xrevrange(dlq, '+', '-', 'COUNT', 1))[0]!;
  expect(fieldsOf(fields)).toMatchObject({ reason: 'rejected', error: expect.stringMatching(/^INSUFFICIENT_BUYING_POWER: order needs/) });
  expect(await ordersOf(poor)).toHaveLength(1); // only the order of the test before
  const cash = (await gql(stack.gateway.url, `{ account(id: "${poor}") { cash } }`)).data!.account.cash;
  expect(cash).toBeGreaterThan(0);
});
