// The execution service when placing an order fails half-way, on real Redis and PostgreSQL: a failed
// send loses nothing (fills and events wait in the outbox, committed with the match, and go out on the
// next relay pass, once), the retry of the same order message (what the `orders` consumer does) matches
// a stored, unmatched MARKET order, and duplicates racing for one MARKET order give one set of fills.
// Failures are injected into the real publisher, event channel and store.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { StreamPublisher, writeBook, type Order, type RedisPubSub } from '@aitrader/platform';
import { createPrismaClient } from '@aitrader/prisma';
import { ExecutionService } from '../../../subgraphs/execution/src/application/execution-service';
import { OrdersStore } from '../../../subgraphs/execution/src/storage/orders-store';
import { DATABASE_URL, REDIS_URL, uniquePrefix } from '../support/env';
import { faults } from '../support/faults';

const redis = new Redis(REDIS_URL);
const prisma = createPrismaClient(DATABASE_URL);
const run = randomBytes(3).toString('hex');
const accountId = `exec-retry-${run}`;

const { failing, failIfAsked } = faults(['fills', 'events', 'match']);

class FlakyPublisher extends StreamPublisher {
  override async publish(...args: Parameters<StreamPublisher['publish']>): Promise<string> {
    if (args[0] === 'fills') failIfAsked('fills');
    return super.publish(...args);
  }
}

/** Fails the match write before anything of it is stored (the order itself is). */
class FlakyStore extends OrdersStore {
  override async recordMatch(...args: Parameters<OrdersStore['recordMatch']>): ReturnType<OrdersStore['recordMatch']> {
    failIfAsked('match');
    return super.recordMatch(...args);
  }
}

const prefix = uniquePrefix('execution-retry');
const publisher = new FlakyPublisher(redis, { prefix });
/** Order updates sent on the event channel: [order id, status]. */
const updates: [string, string][] = [];
const events = {
  publish: async (channel: string, payload: { orderId: string; status: string }) => {
    failIfAsked('events');
    if (channel === `${prefix}orders:updates`) updates.push([payload.orderId, payload.status]);
  },
} as unknown as RedisPubSub;
const execution = new ExecutionService({
  store: new FlakyStore(prisma),
  redis,
  publisher,
  events: { pubsub: events, channel: (name) => `${prefix}${name}` },
  clock: () => new Date('2026-01-05T15:00:00Z'),
  isKnownSymbol: async () => true,
  prefix,
});

beforeAll(async () => {
  await prisma.account.create({ data: { id: accountId, name: 'execution retry test', cash: '1000000', startingCash: '1000000' } });
  await writeBook(redis, { symbol: 'AAPL', bids: [[99.99, 1_000]], asks: [[100.01, 1_000]], seq: 1, timestamp: '2026-01-05T15:00:00Z' }, prefix);
});
afterAll(async () => {
  await redis.quit();
  await prisma.$disconnect();
});

const marketBuy = (clientOrderId: string): Order => ({ clientOrderId, accountId, symbol: 'AAPL', side: 'BUY', type: 'MARKET', quantity: 10, timestamp: '2026-01-05T15:00:00Z' });
const streamFills = async (orderId: string) =>
  (await redis.xrange(publisher.streamName('fills'), '-', '+')).map(([, f]) => JSON.parse(f[1]!)).filter((f) => f.orderId === orderId);

test('the fill send fails after the match is stored: the fill waits in the outbox and the next pass sends it once', async () => {
  failing.fills = 1;
  const order = await execution.place(marketBuy(`fills-${run}`));
  expect(order.status).toBe('FILLED'); // the match is committed; only its relay failed
  expect(order.fills).toHaveLength(1);
  expect(await streamFills(order.orderId)).toEqual([]);
  // The consumer's retry of the same order message (or the relay's next interval pass) sends it.
  const again = await execution.place(marketBuy(`fills-${run}`));
  expect(again).toMatchObject({ orderId: order.orderId, status: 'FILLED' });
  expect((await streamFills(order.orderId)).map((f) => f.tradeId)).toEqual([order.fills[0]!.tradeId]);
  await execution.place(marketBuy(`fills-${run}`));
  expect(await streamFills(order.orderId)).toHaveLength(1); // sent once, however often the order is retried
});

test('the event send fails: the order is matched and its events go out, in order, on the next pass', async () => {
  failing.events = 1;
  const order = await execution.place(marketBuy(`event-${run}`));
  expect(order.status).toBe('FILLED');
  expect(updates.filter(([id]) => id === order.orderId)).toEqual([]); // the first event (NEW) failed: nothing after it went out
  expect(await streamFills(order.orderId)).toEqual([]);
  await execution.outbox.flush();
  expect(updates.filter(([id]) => id === order.orderId)).toEqual([[order.orderId, 'NEW'], [order.orderId, 'FILLED']]);
  expect(await streamFills(order.orderId)).toHaveLength(1);
});

test('the match write fails: the retry matches the stored MARKET order', async () => {
  failing.match = 1;
  await expect(execution.place(marketBuy(`match-${run}`))).rejects.toThrow('match failed');
  const stored = await prisma.order.findFirstOrThrow({ where: { accountId, clientOrderId: `match-${run}` } });
  expect(stored.status).toBe('NEW'); // stored, not matched
  const order = await execution.place(marketBuy(`match-${run}`));
  expect(order).toMatchObject({ orderId: stored.id, status: 'FILLED' });
  expect(order.filledQuantity.toNumber()).toBe(10);
  expect(await streamFills(order.orderId)).toHaveLength(1);
});

test('duplicates racing for a stored, unmatched MARKET order give one set of fills', async () => {
  failing.match = 1;
  await expect(execution.place(marketBuy(`race-${run}`))).rejects.toThrow('match failed');
  const results = await Promise.all(Array.from({ length: 8 }, () => execution.place(marketBuy(`race-${run}`))));
  const orderId = results[0]!.orderId;
  expect(results.every((o) => o.orderId === orderId && o.status === 'FILLED')).toBe(true);
  expect(await prisma.fill.count({ where: { orderId } })).toBe(1);
  expect(await prisma.execution.count({ where: { orderId } })).toBe(1);
  expect(await streamFills(orderId)).toHaveLength(1);
});
