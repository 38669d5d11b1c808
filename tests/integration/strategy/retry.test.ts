// The strategy service when a step fails half-way or the process restarts, on real Redis and
// PostgreSQL: the signal is not lost (the consumer's retry handles it again), not decided twice (a
// decision already stored — by this process or by one before a restart — keeps its row, and a racing
// process's insert loses to the unique key), and its order goes out once (queued in the outbox with the
// decision, relayed after the commit or, after a crash, by the next process). The failures are injected
// into the real store and publisher; the neighbouring services (signals, inference, sentiment,
// accounts) are answered in-process.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import pino, { type Logger } from 'pino';
import { signalIdOf, StreamPublisher, type Signal } from '@aitrader/platform';
import { createPrismaClient } from '@aitrader/prisma';
import type { StrategyClients } from '../../../subgraphs/strategy/src/storage/service-clients';
import { loadStrategyConfig } from '../../../subgraphs/strategy/src/domain';
import { DecisionsStore } from '../../../subgraphs/strategy/src/storage/decisions-store';
import { StrategyService } from '../../../subgraphs/strategy/src/application/strategy-service';
import { DATABASE_URL, fieldsOf, REDIS_URL, uniquePrefix } from '../support/env';
import { faults } from '../support/faults';

const redis = new Redis(REDIS_URL);
const prisma = createPrismaClient(DATABASE_URL);
afterAll(async () => {
  await redis.quit();
  await prisma.$disconnect();
});

const { failing, failIfAsked } = faults(['record', 'publish', 'onDecision']);

class FlakyStore extends DecisionsStore {
  /** Lookups that find no stored decision: a process that looked just before another one's commit. */
  blindLookups = 0;

  override async record(...args: Parameters<DecisionsStore['record']>): ReturnType<DecisionsStore['record']> {
    failIfAsked('record');
    return super.record(...args);
  }

  override async decisionFor(...args: Parameters<DecisionsStore['decisionFor']>): Promise<string | null> {
    if (this.blindLookups > 0) {
      this.blindLookups -= 1;
      return null;
    }
    return super.decisionFor(...args);
  }
}

class FlakyPublisher extends StreamPublisher {
  override async publish(...args: Parameters<StreamPublisher['publish']>): Promise<string> {
    failIfAsked('publish');
    return super.publish(...args);
  }
}

const clients: StrategyClients = {
  indicators: async () => null,
  forecast: async () => null,
  sentiment: async () => null,
  account: async () => ({ cash: 1_000_000, buyingPower: 1_000_000, equity: 1_000_000, positions: new Map(), dailyRealizedPnl: 0, startingCash: 1_000_000 }),
};

/** Log messages of a logger made by `capture`. */
function capture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line).msg) }), lines };
}

/**
 * One strategy process. Processes given the same `prefix` and `strategyName` are the same deployment's
 * strategy: a second one is what runs after a restart (or beside the first), with an empty memory.
 */
async function service(options: { logger?: Logger; prefix?: string; strategyName?: string; accountId?: string } = {}) {
  const prefix = options.prefix ?? uniquePrefix('strategy-retry');
  const publisher = new FlakyPublisher(redis, { prefix });
  const events: string[] = [];
  const store = new FlakyStore(prisma);
  const strategy = new StrategyService({
    store,
    clients,
    publisher,
    redis,
    config: loadStrategyConfig({ strategyName: options.strategyName ?? `retry-${randomBytes(3).toString('hex')}` }),
    accountId: options.accountId ?? 'retry-account',
    clock: () => new Date('2026-01-05T15:00:00Z'),
    prefix,
    logger: options.logger,
    onDecision: async ({ id }) => {
      failIfAsked('onDecision');
      events.push(id);
    },
  });
  await strategy.init();
  const orders = async () => (await redis.xrange(publisher.streamName('orders'), '-', '+')).map(([, f]) => JSON.parse(fieldsOf(f).data));
  return { strategy, store, events, orders, prefix, strategyName: strategy.config.strategyName };
}

let n = 0;
function strongSignal(): Signal {
  n += 1;
  const history = Array.from({ length: 30 }, (_, i) => 100 + i * 0.1);
  return {
    symbol: 'AAPL', score: 0.95, timestamp: `2026-01-05T15:00:${String(n).padStart(2, '0')}Z`,
    indicators: { sma20: 101, rsi14: 55, atr14: 0.5, history },
  };
}

/** This test's strategy's decisions on `signal` (the signal id is derived from its content, so earlier runs share it). */
const decisionsFor = (strategy: StrategyService, signal: Signal) =>
  prisma.strategyDecision.findMany({ where: { signalId: signalIdOf(signal), strategyId: strategy.strategy.id } });

test('the order send fails after the decision is stored: the order waits in the outbox, the retry sends it once, and the decision is recorded once', async () => {
  const { strategy, events, orders } = await service();
  const signal = strongSignal();
  failing.publish = 1;
  const outcome = await strategy.onSignal(signal); // the decision and its order are committed; only the relay failed
  expect(outcome?.order).not.toBeNull();
  expect(await orders()).toHaveLength(0);
  // The same signal again (a redelivery): nothing is decided again, and the queued order goes out.
  expect(await strategy.onSignal(signal)).toBeNull();
  const rows = await decisionsFor(strategy, signal);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.action).toBe('BUY');
  const sent = await orders();
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ clientOrderId: rows[0]!.clientOrderId, decisionId: rows[0]!.id, side: 'BUY' });
  expect(events).toEqual([rows[0]!.id]);
  expect(await strategy.onSignal(signal)).toBeNull(); // handled: a later arrival changes nothing
  expect(await orders()).toHaveLength(1);
});

test('the decision write fails: the retry decides and records it, and the order goes out once', async () => {
  const { strategy, orders } = await service();
  const signal = strongSignal();
  failing.record = 1;
  await expect(strategy.onSignal(signal)).rejects.toThrow('record failed');
  expect(await decisionsFor(strategy, signal)).toHaveLength(0);
  expect(await orders()).toHaveLength(0);
  await strategy.onSignal(signal);
  expect(await decisionsFor(strategy, signal)).toHaveLength(1);
  expect(await orders()).toHaveLength(1);
});

test('the decision event fails: the retry announces the recorded decision; its order went out once', async () => {
  const { strategy, events, orders } = await service();
  const signal = strongSignal();
  failing.onDecision = 1;
  await expect(strategy.onSignal(signal)).rejects.toThrow('onDecision failed');
  expect(await orders()).toHaveLength(1); // committed with the decision and relayed before the event
  await strategy.onSignal(signal);
  const rows = await decisionsFor(strategy, signal);
  expect(rows).toHaveLength(1);
  expect(events).toEqual([rows[0]!.id]);
  expect(await orders()).toHaveLength(1);
});

test('a repeated signal is said out loud: "already decided: <decision id>", and nothing is decided again', async () => {
  const { logger, lines } = capture();
  const { strategy, orders } = await service({ logger });
  const signal = strongSignal();
  const outcome = await strategy.onSignal(signal);
  expect(await strategy.onSignal(signal)).toBeNull();
  expect(lines).toContain(`already decided: ${outcome!.decisionId}`);
  expect(await decisionsFor(strategy, signal)).toHaveLength(1);
  expect(await orders()).toHaveLength(1);
});

test('a restarted strategy (a new process, empty memory) given the same signal stores no second decision and sends no second order', async () => {
  const first = await service();
  const signal = strongSignal();
  const outcome = await first.strategy.onSignal(signal);
  expect(await first.orders()).toHaveLength(1);

  const { logger, lines } = capture();
  const restarted = await service({ logger, prefix: first.prefix, strategyName: first.strategyName });
  expect(await restarted.strategy.onSignal(signal)).toBeNull();
  expect(lines).toContain(`already decided: ${outcome!.decisionId}`);
  expect(await decisionsFor(restarted.strategy, signal)).toHaveLength(1);
  expect(await restarted.orders()).toHaveLength(1);
  expect(restarted.events).toEqual([]);
});

test('the process stops after storing the decision, before its order went out: the next process sends it, once', async () => {
  const crashed = await service();
  const signal = strongSignal();
  failing.publish = 1;
  await crashed.strategy.onSignal(signal);
  expect(await crashed.orders()).toHaveLength(0);

  // What index.ts does at start: the relay sends what the outbox still holds.
  const next = await service({ prefix: crashed.prefix, strategyName: crashed.strategyName });
  await next.strategy.outbox.start();
  await next.strategy.outbox.stop();
  const rows = await decisionsFor(next.strategy, signal);
  expect(rows).toHaveLength(1);
  expect((await next.orders()).map((o) => o.decisionId)).toEqual([rows[0]!.id]);
  // The redelivered signal changes nothing.
  expect(await next.strategy.onSignal(signal)).toBeNull();
  expect(await next.orders()).toHaveLength(1);
});

test('two processes deciding one signal at once store one decision and send one order: the second insert loses to the unique key', async () => {
  const a = await service();
  const { logger, lines } = capture();
  const b = await service({ logger, prefix: a.prefix, strategyName: a.strategyName });
  b.store.blindLookups = 1; // b looked before a's commit, so it decides too
  const signal = strongSignal();
  const outcome = await a.strategy.onSignal(signal);
  expect(await b.strategy.onSignal(signal)).toBeNull();
  expect(lines).toContain(`already decided: ${outcome!.decisionId}`);
  expect(await decisionsFor(a.strategy, signal)).toHaveLength(1);
  expect(await a.orders()).toHaveLength(1);
  expect(b.events).toEqual([]);

  // And truly at once: however the two interleave, one decision and one order.
  const c = await service({ prefix: a.prefix, strategyName: a.strategyName });
  const d = await service({ prefix: a.prefix, strategyName: a.strategyName });
  const raced = strongSignal();
  const results = await Promise.all([c.strategy.onSignal(raced), d.strategy.onSignal(raced)]);
  expect(results.filter((r) => r !== null)).toHaveLength(1);
  expect(await decisionsFor(c.strategy, raced)).toHaveLength(1);
  expect((await c.orders()).filter((o) => o.decisionId === results.find((r) => r !== null)!.decisionId)).toHaveLength(1);
  expect(await c.orders()).toHaveLength(2);
});

test('the same signal for another account (another deployment running the strategy) is decided for that account', async () => {
  const first = await service();
  const signal = strongSignal();
  await first.strategy.onSignal(signal);
  const other = await service({ strategyName: first.strategyName, accountId: 'retry-other-account' });
  const outcome = await other.strategy.onSignal(signal);
  expect(outcome?.order).not.toBeNull();
  const rows = await decisionsFor(first.strategy, signal);
  expect(rows.map((r) => r.accountId).sort()).toEqual(['retry-account', 'retry-other-account']);
  expect(await other.orders()).toHaveLength(1);
});
