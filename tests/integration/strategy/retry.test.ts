// The strategy service when a step fails half-way, on real Redis and PostgreSQL: the signal is not lost
// (the consumer's retry handles it again) and not decided twice (a decision already recorded keeps its
// row; only its event and order are sent again). The failures are injected into the real store and
// publisher; the neighbouring services (signals, inference, sentiment, accounts) are answered in-process.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import pino, { type Logger } from 'pino';
import { signalIdOf, StreamPublisher, type Signal } from '@aitrader/platform';
import { createPrismaClient } from '@aitrader/prisma';
import type { StrategyClients } from '../../../subgraphs/strategy/src/storage/service-clients';
import { loadStrategyConfig } from '../../../subgraphs/strategy/src/domain';
import { DecisionsStore, type DecisionRecord } from '../../../subgraphs/strategy/src/storage/decisions-store';
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
  override async record(r: DecisionRecord): Promise<string> {
    failIfAsked('record');
    return super.record(r);
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

async function service(logger?: Logger) {
  const prefix = uniquePrefix('strategy-retry');
  const publisher = new FlakyPublisher(redis, { prefix });
  const events: string[] = [];
  const strategy = new StrategyService({
    store: new FlakyStore(prisma),
    clients,
    publisher,
    redis,
    config: loadStrategyConfig({ strategyName: `retry-${randomBytes(3).toString('hex')}` }),
    accountId: 'retry-account',
    clock: () => new Date('2026-01-05T15:00:00Z'),
    prefix,
    logger,
    onDecision: async ({ id }) => {
      failIfAsked('onDecision');
      events.push(id);
    },
  });
  await strategy.init();
  const orders = async () => (await redis.xrange(publisher.streamName('orders'), '-', '+')).map(([, f]) => JSON.parse(fieldsOf(f).data));
  return { strategy, events, orders };
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

test('the order send fails: the retry sends the same order, and the decision is recorded once', async () => {
  const { strategy, events, orders } = await service();
  const signal = strongSignal();
  failing.publish = 1;
  await expect(strategy.onSignal(signal)).rejects.toThrow('publish failed');
  const outcome = await strategy.onSignal(signal);
  expect(outcome?.order).not.toBeNull();
  const rows = await decisionsFor(strategy, signal);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.action).toBe('BUY');
  const sent = await orders();
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ clientOrderId: rows[0]!.clientOrderId, decisionId: rows[0]!.id, side: 'BUY' });
  expect(events).toEqual([rows[0]!.id, rows[0]!.id]); // the event went out before the failed send, and again
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

test('the decision event fails: the retry announces the recorded decision and sends its order', async () => {
  const { strategy, events, orders } = await service();
  const signal = strongSignal();
  failing.onDecision = 1;
  await expect(strategy.onSignal(signal)).rejects.toThrow('onDecision failed');
  expect(await orders()).toHaveLength(0);
  await strategy.onSignal(signal);
  const rows = await decisionsFor(strategy, signal);
  expect(rows).toHaveLength(1);
  expect(events).toEqual([rows[0]!.id]);
  expect(await orders()).toHaveLength(1);
});

test('a repeated signal is said out loud: "already decided: <decision id>", and nothing is decided again', async () => {
  const lines: string[] = [];
  const { strategy, orders } = await service(pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line).msg) }));
  const signal = strongSignal();
  const outcome = await strategy.onSignal(signal);
  expect(await strategy.onSignal(signal)).toBeNull();
  expect(lines).toContain(`already decided: ${outcome!.decisionId}`);
  expect(await decisionsFor(strategy, signal)).toHaveLength(1);
  expect(await orders()).toHaveLength(1);
});
