// A cancel racing a resting order's fill, on real PostgreSQL and Redis, with two execution processes
// (one cancels, one crosses the book): whichever writes second finds the order's version moved, re-reads
// it and decides again, so the order never ends canceled with its fill's quantity lost, nor filled after
// it was canceled. The interleavings are forced by holding one write until the other has committed, or
// until the other is blocked on the first's row lock; then the two are simply run at once, many times.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { StreamPublisher, writeBook, type Fill, type Order, type RedisPubSub } from '@aitrader/platform';
import { createPrismaClient } from '@aitrader/prisma';
import { ExecutionService } from '../../../subgraphs/execution/src/application/execution-service';
import { OrdersStore } from '../../../subgraphs/execution/src/storage/orders-store';
import { DATABASE_URL, fieldsOf, REDIS_URL, uniquePrefix, waitFor } from '../support/env';

const prefix = uniquePrefix('execution-cancel-race');
const redis = new Redis(REDIS_URL);
const prisma = createPrismaClient(DATABASE_URL);
const run = randomBytes(3).toString('hex');
const accountId = `cancel-race-${run}`;
// A symbol of this run alone: crossing resting orders takes every open order of the symbol in the database.
const symbol = `CR${run.toUpperCase()}`;

/** A store whose next match write (of any order) first waits for `hold` (before its transaction, or inside it after the versioned update). */
class GatedStore extends OrdersStore {
  gate: { hold: Promise<void>; inside: boolean; reached: () => void } | null = null;

  override async recordMatch(...args: Parameters<OrdersStore['recordMatch']>): ReturnType<OrdersStore['recordMatch']> {
    const gate = this.gate;
    this.gate = null;
    if (!gate) return super.recordMatch(...args);
    const [order, fills, version, announce] = args;
    if (!gate.inside) {
      gate.reached();
      await gate.hold;
      return super.recordMatch(...args);
    }
    return super.recordMatch(order, fills, version, async (tx, row) => {
      await announce?.(tx, row);
      gate.reached();
      await gate.hold; // the row stays locked by this transaction meanwhile
    });
  }
}

function gated(store: GatedStore, inside = false) {
  let release!: () => void;
  let reached!: () => void;
  const hold = new Promise<void>((resolve) => (release = resolve));
  const atGate = new Promise<void>((resolve) => (reached = resolve));
  store.gate = { hold, inside, reached };
  return { release, atGate };
}

function executionProcess(store: OrdersStore): ExecutionService {
  return new ExecutionService({
    store,
    redis,
    publisher: new StreamPublisher(redis, { prefix }),
    events: { pubsub: { publish: async () => undefined } as unknown as RedisPubSub, channel: (name) => `${prefix}${name}` },
    clock: () => new Date('2026-01-05T15:00:00Z'),
    isKnownSymbol: async () => true,
    prefix,
  });
}

const cancelStore = new GatedStore(prisma);
const crossStore = new GatedStore(prisma);
const canceller = executionProcess(cancelStore);
const crosser = executionProcess(crossStore);
let seq = 0;

beforeAll(async () => {
  await prisma.account.create({ data: { id: accountId, name: 'cancel race test', cash: '1000000', startingCash: '1000000' } });
});
afterAll(async () => {
  await redis.quit();
  await prisma.$disconnect();
});

/** A LIMIT BUY 40 @ 100 resting on a book above it, then a book whose ask (25 @ 99.9) crosses it. */
async function restingThenCrossed(): Promise<string> {
  seq += 1;
  await writeBook(redis, { symbol, bids: [[100.4, 100]], asks: [[100.5, 100]], seq, timestamp: '2026-01-05T15:00:00Z' }, prefix);
  const message: Order = { clientOrderId: `race-${seq}-${run}`, accountId, symbol, side: 'BUY', type: 'LIMIT', quantity: 40, limitPrice: 100, timestamp: '2026-01-05T15:00:00Z' };
  const order = await canceller.place(message);
  expect(order.status).toBe('NEW');
  seq += 1;
  await writeBook(redis, { symbol, bids: [[99.8, 100]], asks: [[99.9, 25]], seq, timestamp: '2026-01-05T15:00:00Z' }, prefix);
  return order.orderId;
}

/** The order as stored, its fill rows and the fill messages sent for it. */
async function stored(orderId: string) {
  const row = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { fills: true } });
  const sent = (await redis.xrange(`${prefix}fills`, '-', '+')).map(([, f]) => JSON.parse(fieldsOf(f).data) as Fill).filter((f) => f.orderId === orderId);
  return { status: row.status, filled: row.filledQuantity.toNumber(), fills: row.fills.map((f) => f.quantity.toNumber()), sent: sent.map((f) => f.quantity) };
}

/** What must hold however the two interleave: the order's filled quantity is its fills', and each fill was sent once. */
function consistent(s: Awaited<ReturnType<typeof stored>>) {
  expect(s.filled).toBe(s.fills.reduce((a, b) => a + b, 0));
  expect(s.sent).toEqual(s.fills);
  expect(['CANCELED', 'PARTIALLY_FILLED']).toContain(s.status);
}

test('the fill commits while the cancel is deciding: the cancel re-reads and cancels the rest, keeping the fill', async () => {
  const orderId = await restingThenCrossed();
  const gate = gated(cancelStore);
  const cancel = canceller.cancel(orderId); // reads the order NEW, then waits before writing
  await gate.atGate;
  expect(await crosser.crossResting(symbol)).toBe(1);
  gate.release();
  const canceled = await cancel;
  expect(canceled).toMatchObject({ status: 'CANCELED' });
  expect(canceled.filledQuantity.toNumber()).toBe(25);
  expect(canceled.leavesQuantity.toNumber()).toBe(15);
  expect(await stored(orderId)).toEqual({ status: 'CANCELED', filled: 25, fills: [25], sent: [25] });
});

test('the cancel commits while the fill is deciding: the fill re-reads the order, now canceled, and fills nothing', async () => {
  const orderId = await restingThenCrossed();
  const gate = gated(crossStore);
  const cross = crosser.crossResting(symbol); // reads the order NEW and plans its fill, then waits before writing
  await gate.atGate;
  expect((await canceller.cancel(orderId)).status).toBe('CANCELED');
  gate.release();
  expect(await cross).toBe(0);
  expect(await stored(orderId)).toEqual({ status: 'CANCELED', filled: 0, fills: [], sent: [] });
});

test('the cancel waits on the fill transaction\'s row lock, then finds the version moved and cancels what is left', async () => {
  const orderId = await restingThenCrossed();
  const gate = gated(crossStore, true);
  const cross = crosser.crossResting(symbol);
  await gate.atGate; // the fill's transaction holds the order row (updated, not committed)
  const cancel = canceller.cancel(orderId);
  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  try {
    // Wait until the cancel's versioned update is blocked on that row lock in PostgreSQL.
    await waitFor(async () => (await pg.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0 AND query ILIKE 'UPDATE "public"."orders"%'`)).rowCount! > 0, 10_000, 'the cancel blocked on the row lock');
  } finally {
    await pg.end();
  }
  gate.release();
  expect(await cross).toBe(1);
  const canceled = await cancel;
  expect(canceled.status).toBe('CANCELED');
  expect(await stored(orderId)).toEqual({ status: 'CANCELED', filled: 25, fills: [25], sent: [25] });
});

test('a cancel and a fill run at once, many times: the order always agrees with its fills, each sent once', async () => {
  for (let i = 0; i < 15; i += 1) {
    const orderId = await restingThenCrossed();
    const [canceled, crossed] = await Promise.all([canceller.cancel(orderId), crosser.crossResting(symbol)]);
    expect(canceled.status).toBe('CANCELED');
    const s = await stored(orderId);
    consistent(s);
    expect(s.status).toBe('CANCELED');
    expect(s.fills).toEqual(crossed === 1 ? [25] : []);
    expect(canceled.filledQuantity.toNumber()).toBe(s.filled);
  }
});
