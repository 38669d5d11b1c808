// The bus through faults, against a real Redis: an outage (a dependency that cannot answer) is waited out
// however long it lasts and never dead-letters the message; a group lost with Redis's data is made again;
// a restarted consumer rebuilds its state from what its group already handled; and a service cut off from
// Redis and PostgreSQL reports `degraded`, keeps answering and is `ok` again when they return.
import Redis from 'ioredis';
import { DependencyUnavailableError, StreamPublisher, createLogger, startService, topicConsumer, type Signal, type StreamConsumer } from '@aitrader/platform';
import { definition as accounts } from '../../../subgraphs/accounts/src';
import { startFaultProxy, viaPort } from '../../chaos/fault-proxy';
import { DATABASE_URL, REDIS_URL, testConfig, uniquePrefix, waitFor } from '../support/env';

const redis = new Redis(REDIS_URL);
const consumers: StreamConsumer<unknown>[] = [];
afterEach(async () => {
  await Promise.all(consumers.splice(0).map((c) => c.stop().catch(() => undefined)));
});
afterAll(() => redis.quit());

const fast = { blockMs: 50, retryDelayMs: 20, claimIntervalMs: 50, startId: '0' as const, maxDeliveries: 3 };
const signal = (i: number): Signal => ({ symbol: 'AAPL', score: 0.5, timestamp: new Date(Date.UTC(2025, 8, 27, 10, 0, i)).toISOString(), detector: `t${i}` });
function track<T>(c: StreamConsumer<T>): StreamConsumer<T> {
  consumers.push(c as StreamConsumer<unknown>);
  return c;
}

test('an outage longer than maxDeliveries retries is waited out: handled once, in order, nothing dead-lettered', async () => {
  const prefix = uniquePrefix('outage');
  let down = 8;
  const handled: string[] = [];
  await track(topicConsumer('signals', {
    prefix, redis, group: 'g', consumer: 'c', ...fast,
    handler: async (m) => {
      if (m.detector === 't1' && down-- > 0) throw new DependencyUnavailableError('accounts did not answer');
      handled.push(m.detector!);
    },
  })).start();
  await new StreamPublisher(redis, { prefix }).publishMany('signals', [signal(1), signal(2)]);
  await waitFor(() => handled.length === 2, 20_000, 'both handled');
  expect(handled).toEqual(['t1', 't2']);
  expect(await redis.xlen(`${prefix}signals:dlq`)).toBe(0);
});

test('a message that keeps failing for itself is still dead-lettered after maxDeliveries', async () => {
  const prefix = uniquePrefix('poison');
  await track(topicConsumer('signals', { prefix, redis, group: 'g', consumer: 'c', ...fast, handler: async () => { throw new Error('bad data'); } })).start();
  await new StreamPublisher(redis, { prefix }).publish('signals', signal(1));
  await waitFor(async () => (await redis.xlen(`${prefix}signals:dlq`)) === 1, 10_000, 'dead letter');
});

test('a consumer group lost with Redis data (NOGROUP) is made again and consumption goes on', async () => {
  const prefix = uniquePrefix('nogroup');
  const handled: string[] = [];
  await track(topicConsumer('signals', { prefix, redis, group: 'g', consumer: 'c', ...fast, handler: async (m) => void handled.push(m.detector!) })).start();
  const publisher = new StreamPublisher(redis, { prefix });
  await publisher.publish('signals', signal(1));
  await waitFor(() => handled.length === 1, 10_000, 'first');
  await redis.xgroup('DESTROY', `${prefix}signals`, 'g');
  await publisher.publish('signals', signal(2));
  await waitFor(() => handled.includes('t2'), 10_000, 'after the group was lost');
});

test('a restarted consumer rebuilds its state from the entries its group handled, then consumes the rest', async () => {
  const prefix = uniquePrefix('restore');
  const publisher = new StreamPublisher(redis, { prefix });
  const first: string[] = [];
  const c1 = topicConsumer('signals', { prefix, redis, group: 'g', consumer: 'c', ...fast, handler: async (m) => void first.push(m.detector!), restore: () => { throw new Error('nothing to restore on a new group'); } });
  await c1.start();
  await publisher.publishMany('signals', [signal(1), signal(2), signal(3)]);
  await waitFor(() => first.length === 3, 10_000, 'first three');
  c1.kill();
  await publisher.publish('signals', signal(4));

  const restored: string[] = [];
  const handled: string[] = [];
  await track(topicConsumer('signals', { prefix, redis, group: 'g', consumer: 'c', ...fast, handler: async (m) => void handled.push(m.detector!), restore: (m) => void restored.push(m.detector!) })).start();
  await waitFor(() => handled.length === 1, 10_000, 'the new entry');
  expect(restored).toEqual(['t1', 't2', 't3']);
  expect(handled).toEqual(['t4']);
});

test('cut off from Redis and PostgreSQL a service is degraded, still answers, and is ok when they return', async () => {
  const redisProxy = await startFaultProxy(Number(new URL(REDIS_URL).port || 6379));
  const pgProxy = await startFaultProxy(Number(new URL(DATABASE_URL).port || 5432));
  const config = testConfig({ REDIS_URL: viaPort(REDIS_URL, redisProxy.port), DATABASE_URL: viaPort(DATABASE_URL, pgProxy.port), REDIS_PREFIX: uniquePrefix('degraded'), HEALTH_TIMEOUT_MS: '500', EQUITY_SNAPSHOT_INTERVAL_MS: '0' });
  const service = await startService(accounts, { config, port: 0, logger: createLogger('accounts', config) });
  const health = async () => (await fetch(`${service.url}/health`)).json() as Promise<{ status: string; dependencies: Record<string, { status: string }> }>;
  try {
    expect((await health()).status).toBe('ok');
    const outage = Promise.all([redisProxy.outage(3_000), pgProxy.outage(3_000)]);
    await new Promise((r) => setTimeout(r, 800));
    const during = await health();
    expect(during.status).toBe('degraded');
    expect([during.dependencies.redis!.status, during.dependencies.postgres!.status]).toEqual(['down', 'down']);
    await outage;
    await waitFor(async () => (await health()).status === 'ok', 20_000, 'ok again');
  } finally {
    await service.close();
    await redisProxy.close();
    await pgProxy.close();
  }
});
