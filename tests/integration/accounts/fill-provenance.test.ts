// Accounts applies only fills the execution engine recorded, on real Redis and PostgreSQL: a forged fill
// (no execution row), a fill that disagrees with its row and another version of an applied trade id are
// dead-lettered to `fills:dlq` with their reason and change no account; a genuine fill, placed through
// the execution service, is applied exactly once however often its message arrives.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { createLogger, startService, StreamPublisher, writeBook, type Fill, type RedisPubSub, type RunningService } from '@aitrader/platform';
import { exact } from '@aitrader/platform/decimal';
import { createPrismaClient } from '@aitrader/prisma';
import { definition, type AccountsServices } from '../../../subgraphs/accounts/src';
import { ExecutionService } from '../../../subgraphs/execution/src/application/execution-service';
import { OrdersStore } from '../../../subgraphs/execution/src/storage/orders-store';
import { DATABASE_URL, REDIS_URL, fieldsOf, testConfig, uniquePrefix, waitFor } from '../support/env';
import { closeRecordedFills, ledgerEntriesFor, recordFill } from '../support/recorded-fill';

const prefix = uniquePrefix('accounts-provenance');
const redis = new Redis(REDIS_URL);
const prisma = createPrismaClient(DATABASE_URL);
const publisher = new StreamPublisher(redis, { prefix });
const run = randomBytes(3).toString('hex');
const START = 100_000;
let svc: RunningService<AccountsServices>;

const execution = new ExecutionService({
  store: new OrdersStore(prisma),
  redis,
  publisher,
  events: { pubsub: { publish: async () => 0 } as unknown as RedisPubSub, channel: (name) => `${prefix}${name}` },
  clock: () => new Date('2026-01-05T15:00:00Z'),
  isKnownSymbol: async () => true,
  prefix,
});

beforeAll(async () => {
  const config = testConfig({ REDIS_PREFIX: prefix, DEFAULT_ACCOUNT_ID: `default-${run}`, EQUITY_SNAPSHOT_INTERVAL_MS: '0' });
  svc = await startService(definition, { config, port: 0, logger: createLogger('accounts', config) });
  await writeBook(redis, { symbol: 'AAPL', bids: [[99.99, 1_000]], asks: [[100.01, 1_000]], seq: 1, timestamp: '2026-01-05T15:00:00Z' }, prefix);
});
afterAll(async () => {
  await svc?.close();
  await closeRecordedFills();
  await prisma.$disconnect();
  await redis.quit();
});

async function newAccount(label: string): Promise<string> {
  const id = `prov-${run}-${label}`;
  await svc.ctx.services.accounts.create({ id, name: `provenance ${label}`, startingCash: START });
  return id;
}

/** Cash and positions (flat ones too) as the store holds them, figures as text. */
async function holdings(id: string) {
  const { store } = svc.ctx.services.accounts;
  const account = await store.get(id);
  const positions = await store.positions(id, true);
  return { cash: account!.cash.toString(), positions: positions.map((p) => ({ symbol: p.symbol, quantity: p.quantity.toString() })) };
}

async function drained() {
  await waitFor(async () => {
    const groups = (await redis.xinfo('GROUPS', `${prefix}fills`)) as unknown[][];
    const info = fieldsOf(groups[0] as unknown[]);
    return info.pending === 0 && (info.lag === 0 || info.lag === null);
  }, 10_000, 'fills consumed');
}

/** The dead-letter entries of a trade id: their reason and error. */
async function deadLettered(tradeId: string): Promise<{ reason: string; error: string }[]> {
  const entries = await redis.xrange(`${prefix}fills:dlq`, '-', '+');
  return entries.map(([, f]) => fieldsOf(f)).filter((e) => (JSON.parse(e.data) as Fill).tradeId === tradeId).map((e) => ({ reason: e.reason, error: e.error }));
}

const forged = (accountId: string, over: Partial<Fill> = {}): Fill => ({
  tradeId: `forged-${run}-${randomBytes(3).toString('hex')}`, orderId: `forged-order-${run}-${randomBytes(3).toString('hex')}`, clientOrderId: `forged-${run}`,
  accountId, symbol: 'AAPL', side: 'BUY', quantity: 10, price: 100, fee: 0, timestamp: '2026-01-05T15:00:00.000Z', ...over,
});

test('a forged fill (no execution row) changes no account and is dead-lettered as UNRECORDED_FILL', async () => {
  const id = await newAccount('forged');
  const before = await holdings(id);
  // What minted money before: a SELL of nothing for a large price credits the cash.
  const fill = forged(id, { side: 'SELL', quantity: 1_000, price: 100 });
  await publisher.publish('fills', fill);
  await drained();
  expect(await holdings(id)).toEqual(before);
  expect(await ledgerEntriesFor(fill.tradeId)).toBe(0);
  expect(await deadLettered(fill.tradeId)).toEqual([{ reason: 'rejected', error: `UNRECORDED_FILL: no execution fill with trade id ${fill.tradeId}` }]);
});

test('a fill that disagrees with its execution row is dead-lettered as FILL_MISMATCH; the recorded one still applies', async () => {
  const id = await newAccount('mismatch');
  const before = await holdings(id);
  const recorded = forged(id, { quantity: 5, price: 100 });
  await recordFill(recorded);

  await publisher.publish('fills', { ...recorded, quantity: 10 });
  await publisher.publish('fills', { ...recorded, price: 1 });
  await drained();
  expect(await holdings(id)).toEqual(before);
  expect(await ledgerEntriesFor(recorded.tradeId)).toBe(0);
  expect(await deadLettered(recorded.tradeId)).toEqual([
    { reason: 'rejected', error: `FILL_MISMATCH: quantity 10 ≠ recorded 5 (trade id ${recorded.tradeId})` },
    { reason: 'rejected', error: `FILL_MISMATCH: price 1 ≠ recorded 100 (trade id ${recorded.tradeId})` },
  ]);

  await publisher.publish('fills', recorded);
  await drained();
  expect(await holdings(id)).toEqual({ cash: String(START - 500), positions: [{ symbol: 'AAPL', quantity: '5' }] });
});

test('a genuine fill from the execution engine is applied once; another version of its trade id is CONFLICTING_DUPLICATE', async () => {
  const id = await newAccount('genuine');
  const order = await execution.place({ clientOrderId: `genuine-${run}`, accountId: id, symbol: 'AAPL', side: 'BUY', type: 'MARKET', quantity: 10, timestamp: '2026-01-05T15:00:00Z' });
  expect(order.status).toBe('FILLED');
  const published = (await redis.xrange(`${prefix}fills`, '-', '+')).map(([, f]) => JSON.parse(fieldsOf(f).data) as Fill).filter((f) => f.orderId === order.orderId);
  expect(published).toHaveLength(1);
  const fill = published[0]!;
  await drained();
  const applied = { cash: exact(START).minus(exact(fill.quantity).times(fill.price)).minus(fill.fee).toString(), positions: [{ symbol: 'AAPL', quantity: '10' }] };
  expect(await holdings(id)).toEqual(applied);

  // The same message again (a producer retry, a replayed stream): acknowledged, nothing changes.
  await publisher.publish('fills', fill);
  await drained();
  expect(await holdings(id)).toEqual(applied);
  expect(await ledgerEntriesFor(fill.tradeId)).toBe(1);
  expect(await deadLettered(fill.tradeId)).toEqual([]);

  // Another quantity under the applied trade id: dead-lettered, nothing changes.
  await publisher.publish('fills', { ...fill, quantity: 1_000 });
  await publisher.publish('fills', { ...fill, side: 'SELL' });
  await drained();
  expect(await holdings(id)).toEqual(applied);
  expect(await ledgerEntriesFor(fill.tradeId)).toBe(1);
  expect(await deadLettered(fill.tradeId)).toEqual([
    { reason: 'rejected', error: `CONFLICTING_DUPLICATE: quantity 1000 ≠ applied 10 (trade id ${fill.tradeId})` },
    { reason: 'rejected', error: `CONFLICTING_DUPLICATE: side SELL ≠ applied BUY (trade id ${fill.tradeId})` },
  ]);
});
