// The execution service's fills survive a crash between the commit and the send, on real Redis and
// PostgreSQL with the real accounts service consuming `fills`: a resting LIMIT fill committed by a
// process that died before sending it (nothing else would ever send it again: the order is no longer
// open) is sent by the next process's outbox relay, and a fill sent twice (the process died after the
// send, before marking it sent) is still applied once: one ledger entry per trade id.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { createLogger, startService, StreamPublisher, writeBook, type Fill, type Order, type RedisPubSub, type RunningService } from '@aitrader/platform';
import { createPrismaClient } from '@aitrader/prisma';
import { definition as accountsDefinition, type AccountsServices } from '../../../subgraphs/accounts/src';
import { ExecutionService } from '../../../subgraphs/execution/src/application/execution-service';
import { OrdersStore } from '../../../subgraphs/execution/src/storage/orders-store';
import { DATABASE_URL, fieldsOf, REDIS_URL, testConfig, uniquePrefix, waitFor } from '../support/env';

const prefix = uniquePrefix('execution-outbox');
const redis = new Redis(REDIS_URL);
const prisma = createPrismaClient(DATABASE_URL);
const run = randomBytes(3).toString('hex');
// A symbol of this run alone: crossing resting orders takes every open order of the symbol in the database.
const symbol = `OB${run.toUpperCase()}`;
let accounts: RunningService<AccountsServices>;

/** A process that dies while sending fills: its publisher never gets one onto the stream. */
class DeadPublisher extends StreamPublisher {
  override async publish(...args: Parameters<StreamPublisher['publish']>): Promise<string> {
    if (args[0] === 'fills') throw new Error('process died before the send');
    return super.publish(...args);
  }
}

/** A process that dies right after sending a fill, before the relay marks it sent. */
class DiesAfterSendPublisher extends StreamPublisher {
  override async publish(...args: Parameters<StreamPublisher['publish']>): Promise<string> {
    const id = await super.publish(...args);
    if (args[0] === 'fills') throw new Error('process died after the send');
    return id;
  }
}

/** One execution process (its own service and outbox) of this test's deployment. */
function executionProcess(publisher: StreamPublisher): ExecutionService {
  return new ExecutionService({
    store: new OrdersStore(prisma),
    redis,
    publisher,
    events: { pubsub: { publish: async () => undefined } as unknown as RedisPubSub, channel: (name) => `${prefix}${name}` },
    clock: () => new Date('2026-01-05T15:00:00Z'),
    isKnownSymbol: async () => true,
    prefix,
  });
}

beforeAll(async () => {
  const config = testConfig({ REDIS_PREFIX: prefix, DEFAULT_ACCOUNT_ID: `default-${run}`, EQUITY_SNAPSHOT_INTERVAL_MS: '0' });
  accounts = await startService(accountsDefinition, { config, port: 0, logger: createLogger('accounts', config) });
});
afterAll(async () => {
  await accounts?.close();
  await prisma.$disconnect();
  await redis.quit();
});

async function newAccount(label: string): Promise<string> {
  const id = `outbox-${run}-${label}`;
  await accounts.ctx.services.accounts.create({ id, name: `outbox ${label}`, startingCash: 100_000 });
  return id;
}

const book = (ask: number, seq: number) => writeBook(redis, { symbol, bids: [[ask - 0.02, 1_000]], asks: [[ask, 1_000]], seq, timestamp: '2026-01-05T15:00:00Z' }, prefix);
const order = (accountId: string, over: Partial<Order>): Order => ({ clientOrderId: `c-${randomBytes(4).toString('hex')}`, accountId, symbol, side: 'BUY', type: 'MARKET', quantity: 10, timestamp: '2026-01-05T15:00:00Z', ...over });
const streamFills = async (tradeId: string) =>
  (await redis.xrange(`${prefix}fills`, '-', '+')).map(([, f]) => JSON.parse(fieldsOf(f).data) as Fill).filter((f) => f.tradeId === tradeId);
const ledger = (tradeId: string) => prisma.ledgerEntry.count({ where: { tradeId } });

/** Every `fills` entry so far handled (acked) by the accounts consumer group. */
async function drained() {
  await waitFor(async () => {
    const info = fieldsOf(((await redis.xinfo('GROUPS', `${prefix}fills`)) as unknown[][])[0] as unknown[]);
    return info.pending === 0 && (info.lag === 0 || info.lag === null);
  }, 10_000, 'fills consumed');
}

test('a resting LIMIT fill committed by a process that died before sending it: the next process relays it, and accounts applies it once', async () => {
  const accountId = await newAccount('resting');
  const crashed = executionProcess(new DeadPublisher(redis, { prefix }));
  await book(100.5, 1);
  const resting = await crashed.place(order(accountId, { type: 'LIMIT', limitPrice: 100 }));
  expect(resting.status).toBe('NEW');

  await book(99.5, 2);
  expect(await crashed.crossResting(symbol)).toBe(1); // committed; the send died with the process
  const [fill] = await prisma.fill.findMany({ where: { orderId: resting.orderId } });
  expect(fill).toBeDefined();
  expect(await streamFills(fill!.tradeId)).toEqual([]);
  // The order is FILLED now: a retried book update crosses nothing, so only the outbox still has the fill.
  expect(await crashed.crossResting(symbol)).toBe(0);

  const next = executionProcess(new StreamPublisher(redis, { prefix }));
  await next.outbox.start(); // what index.ts does first
  try {
    await waitFor(async () => (await ledger(fill!.tradeId)) === 1, 10_000, 'the fill applied');
    await drained();
    expect(await streamFills(fill!.tradeId)).toHaveLength(1);
    expect(await ledger(fill!.tradeId)).toBe(1);
    const positions = await accounts.ctx.services.accounts.store.positions(accountId, true);
    expect(positions.map((p) => [p.symbol, p.quantity.toNumber()])).toEqual([[symbol, 10]]);
  } finally {
    await next.outbox.stop();
  }
});

test('a fill sent but never marked sent (the process died in between) is sent again by the next process and still applied once', async () => {
  const accountId = await newAccount('twice');
  await book(101, 3);
  const crashed = executionProcess(new DiesAfterSendPublisher(redis, { prefix }));
  const filled = await crashed.place(order(accountId, {}));
  expect(filled.status).toBe('FILLED');
  const tradeId = filled.fills[0]!.tradeId;
  await waitFor(async () => (await ledger(tradeId)) === 1, 10_000, 'the first delivery applied');
  const cash = (await accounts.ctx.services.accounts.store.get(accountId))!.cash.toString();

  const next = executionProcess(new StreamPublisher(redis, { prefix }));
  await next.outbox.start();
  try {
    await waitFor(async () => (await streamFills(tradeId)).length === 2, 10_000, 'the second delivery');
    await drained();
    expect(await ledger(tradeId)).toBe(1); // at least once on the stream, exactly once in the ledger
    expect((await accounts.ctx.services.accounts.store.get(accountId))!.cash.toString()).toBe(cash);
    expect(await prisma.outboxMessage.count({ where: { relay: `${prefix}execution`, sentAt: null } })).toBe(0);
  } finally {
    await next.outbox.stop();
  }
});
