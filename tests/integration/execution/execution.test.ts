// The execution engine on real Redis and PostgreSQL, through the gateway: market orders walk the book,
// limit orders rest and fill when crossed, fills reach the `fills` stream, the seed's `executions` table
// and the account's positions; placeOrder is idempotent under 100 concurrent calls; a stream order's
// decisionId is stored with it; typed errors.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { StreamPublisher } from '@aitrader/platform';
import { createPrismaClient } from '@aitrader/prisma';
import { OrdersStore, toAggregate } from '../../../subgraphs/execution/src/storage/orders-store';
import { DATABASE_URL, REDIS_URL, gql, uniquePrefix, waitFor } from '../support/env';
import { startStack, type Stack } from '../support/stack';

const prefix = uniquePrefix('execution');
const redis = new Redis(REDIS_URL);
const run = randomBytes(3).toString('hex');
const accountId = `exec-${run}`;
let stack: Stack;

const ORDER = 'order { id status quantity filledQuantity leavesQuantity averageFillPrice reason fills { tradeId qty price fee liquidity } }';

async function replay(ticks: object[]) {
  const r = await gql(stack.gateway.url, 'mutation($c: String!) { startReplay(input: { source: INLINE, format: NDJSON, content: $c, asFastAsPossible: true }) { error { code message } } }', { c: ticks.map((t) => JSON.stringify(t)).join('\n') });
  expect(r.data?.startReplay.error).toBeNull();
  await waitFor(async () => (await gql(stack.gateway.url, '{ replay { state } }')).data?.replay.state === 'FINISHED', 10_000, 'replay');
}

async function place(input: Record<string, unknown>) {
  const r = await gql(stack.gateway.url, `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ${ORDER} error { code message } } }`, { input: { accountId, ...input } });
  expect(r.errors).toBeUndefined();
  return r.data!.placeOrder;
}

beforeAll(async () => {
  stack = await startStack({ REDIS_PREFIX: prefix });
  const created = await gql(stack.gateway.url, `mutation { createAccount(input: { id: "${accountId}", name: "execution test", startingCash: 1000000 }) { error { code } } }`);
  expect(created.data?.createAccount.error).toBeNull();
  await replay([
    { type: 'quote', timestamp: '2025-10-03T13:30:00Z', symbol: 'AAPL', bid: 255.0, ask: 255.02, bid_size: 300, ask_size: 100 },
    { type: 'depth', timestamp: '2025-10-03T13:30:00Z', symbol: 'AAPL', side: 'ask', price: 255.03, size: 200 },
    { type: 'depth', timestamp: '2025-10-03T13:30:00Z', symbol: 'AAPL', side: 'ask', price: 255.05, size: 500 },
  ]);
  await waitFor(async () => (await gql(stack.gateway.url, '{ orderBook(symbol: "AAPL") { asks { price } } }')).data?.orderBook?.asks?.length === 3, 10_000, 'book');
});
afterAll(async () => {
  await stack?.close();
  await redis.quit();
});

test('a market order walks the book; its fills reach the stream, the executions table and the account', async () => {
  const r = await place({ clientOrderId: `mkt-${run}`, symbol: 'AAPL', side: 'BUY', type: 'MARKET', quantity: 150 });
  expect(r.error).toBeNull();
  expect(r.order).toMatchObject({ status: 'FILLED', quantity: 150, filledQuantity: 150, leavesQuantity: 0 });
  // 100 @ 255.02 + 50 @ 255.03 → VWAP 255.0233333333; taker fee 1 bp per fill
  expect(r.order.averageFillPrice).toBeCloseTo(255.0233333333, 9);
  expect(r.order.fills.map((f: { qty: number; price: number; fee: number; liquidity: string }) => [f.qty, f.price, f.fee, f.liquidity])).toEqual([
    [100, 255.02, 2.5502, 'TAKER'],
    [50, 255.03, 1.27515, 'TAKER'],
  ]);

  const stream = (await redis.xrange(`${prefix}fills`, '-', '+')).map(([, f]) => JSON.parse(f[1]!));
  expect(stream.filter((f) => f.orderId === r.order.id).map((f) => f.quantity)).toEqual([100, 50]);

  // The stored fills read back through `fill` and the paged `fills` as the order showed them.
  const first = r.order.fills[0].tradeId;
  const FILL = 'tradeId orderId side qty price fee liquidity executedAt';
  const one = (await gql(stack.gateway.url, `{ fill(tradeId: "${first}") { ${FILL} } }`)).data!.fill;
  expect(one).toMatchObject({ tradeId: first, orderId: r.order.id, side: 'BUY', qty: 100, price: 255.02, fee: 2.5502, liquidity: 'TAKER' });
  expect(Number.isNaN(Date.parse(one.executedAt))).toBe(false);
  const page1 = (await gql(stack.gateway.url, `{ fills(accountId: "${accountId}", first: 1) { edges { node { ${FILL} } } pageInfo { hasNextPage endCursor } } }`)).data!.fills;
  expect(page1.pageInfo.hasNextPage).toBe(true);
  const page2 = (await gql(stack.gateway.url, `{ fills(accountId: "${accountId}", first: 5, after: "${page1.pageInfo.endCursor}") { edges { node { ${FILL} } } pageInfo { hasNextPage } } }`)).data!.fills;
  expect(page2.pageInfo.hasNextPage).toBe(false);
  const paged = [...page1.edges, ...page2.edges].map((e: { node: { tradeId: string } }) => e.node);
  expect(paged.map((f: { tradeId: string }) => f.tradeId).sort()).toEqual(r.order.fills.map((f: { tradeId: string }) => f.tradeId).sort());
  expect(paged.find((f: { tradeId: string }) => f.tradeId === first)).toEqual(one);

  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  try {
    const { rows } = await pg.query("SELECT * FROM executions WHERE symbol='AAPL' ORDER BY created_at DESC LIMIT 5;");
    const mine = rows.filter((row) => row.order_id === r.order.id);
    expect(mine.map((row) => Number(row.quantity)).sort()).toEqual([100, 50].sort());
    expect(mine.every((row) => row.side === 'BUY' && Number(row.notional) > 0)).toBe(true);
  } finally {
    await pg.end();
  }

  // The accounts subgraph applies the fills from the stream.
  await waitFor(async () => (await gql(stack.gateway.url, `{ account(id: "${accountId}") { positions { quantity } } }`)).data?.account.positions[0]?.quantity === 150, 10_000, 'position');
  const account = (await gql(stack.gateway.url, `{ account(id: "${accountId}") { cash orders { status } } }`)).data!.account;
  expect(account.cash).toBeCloseTo(1_000_000 - 25_502 - 12_751.5 - 2.5502 - 1.27515, 6);
  expect(account.orders.map((o: { status: string }) => o.status)).toContain('FILLED');
});

test('100 concurrent placeOrder calls with one client order id give exactly one order', async () => {
  const input = { clientOrderId: `dup-${run}`, symbol: 'AAPL', side: 'BUY', type: 'LIMIT', quantity: 5, limitPrice: 250 };
  const results = await Promise.all(Array.from({ length: 100 }, () => place(input)));
  expect(results.every((r) => r.error === null)).toBe(true);
  expect(new Set(results.map((r) => r.order.id)).size).toBe(1);
  const orders = (await gql(stack.gateway.url, `{ orders(accountId: "${accountId}", first: 500) { edges { node { clientOrderId } } } }`)).data!.orders.edges;
  expect(orders.filter((e: { node: { clientOrderId: string } }) => e.node.clientOrderId === input.clientOrderId)).toHaveLength(1);
});

test('a limit order rests, then fills as maker when the book crosses it', async () => {
  const r = await place({ clientOrderId: `lmt-${run}`, symbol: 'AAPL', side: 'BUY', type: 'LIMIT', quantity: 40, limitPrice: 254.9 });
  expect(r.order).toMatchObject({ status: 'NEW', filledQuantity: 0 });
  await replay([{ type: 'quote', timestamp: '2025-10-03T13:31:00Z', symbol: 'AAPL', bid: 254.8, ask: 254.85, bid_size: 100, ask_size: 25 }]);
  await waitFor(async () => (await gql(stack.gateway.url, `{ order(id: "${r.order.id}") { status } }`)).data?.order.status === 'PARTIALLY_FILLED', 10_000, 'cross');
  const order = (await gql(stack.gateway.url, `{ order(id: "${r.order.id}") { filledQuantity leavesQuantity fills { qty price liquidity fee } } }`)).data!.order;
  expect(order).toEqual({ filledQuantity: 25, leavesQuantity: 15, fills: [{ qty: 25, price: 254.9, liquidity: 'MAKER', fee: 0 }] });
  const canceled = (await gql(stack.gateway.url, `mutation { cancelOrder(id: "${r.order.id}") { order { status leavesQuantity } error { code } } }`)).data!.cancelOrder;
  expect(canceled).toEqual({ order: { status: 'CANCELED', leavesQuantity: 15 }, error: null });
});

test('orders from the `orders` stream are executed, keeping their decisionId; bad ones are refused with typed errors', async () => {
  const decisionId = `decision-${run}`;
  await new StreamPublisher(redis, { prefix }).publish('orders', { clientOrderId: `stream-${run}`, accountId, symbol: 'AAPL', side: 'SELL', type: 'MARKET', quantity: 10, decisionId, timestamp: '2025-10-03T13:32:00Z' });
  let streamOrderId = '';
  await waitFor(async () => {
    const r = await gql(stack.gateway.url, `{ orders(accountId: "${accountId}", status: FILLED, first: 50) { edges { node { id clientOrderId side } } } }`);
    const node = r.data?.orders.edges.map((e: { node: { id: string; clientOrderId: string } }) => e.node).find((n: { clientOrderId: string }) => n.clientOrderId === `stream-${run}`);
    streamOrderId = node?.id ?? '';
    return node !== undefined;
  }, 10_000, 'stream order');

  // Reloaded from the database, the order still names the decision that produced it.
  const prisma = createPrismaClient(DATABASE_URL);
  try {
    const reloaded = toAggregate((await new OrdersStore(prisma).get(streamOrderId))!);
    expect(reloaded).toMatchObject({ clientOrderId: `stream-${run}`, status: 'FILLED', decisionId });
  } finally {
    await prisma.$disconnect();
  }

  expect((await place({ clientOrderId: `x1-${run}`, symbol: 'AAPL', side: 'BUY', type: 'LIMIT', quantity: 1 })).error.code).toBe('INVALID_ORDER');
  expect((await place({ clientOrderId: `x2-${run}`, symbol: 'AAPL', side: 'BUY', type: 'LIMIT', quantity: 1, limitPrice: 255.001 })).error.code).toBe('INVALID_ORDER');
  expect((await place({ clientOrderId: `x3-${run}`, symbol: 'ZZZZ', side: 'BUY', type: 'MARKET', quantity: 1 })).error.code).toBe('UNKNOWN_SYMBOL');
  const unknown = await gql(stack.gateway.url, `mutation { placeOrder(input: { accountId: "nobody-${run}", clientOrderId: "x4", symbol: "AAPL", side: BUY, type: MARKET, quantity: 1 }) { error { code } } }`);
  expect(unknown.data!.placeOrder.error.code).toBe('UNKNOWN_ACCOUNT');
  const filled = (await gql(stack.gateway.url, `{ orders(accountId: "${accountId}", status: FILLED, first: 1) { edges { node { id } } } }`)).data!.orders.edges[0].node.id;
  const terminal = await gql(stack.gateway.url, `mutation { cancelOrder(id: "${filled}") { error { code } } }`);
  expect(terminal.data!.cancelOrder.error.code).toBe('ORDER_TERMINAL');
});
