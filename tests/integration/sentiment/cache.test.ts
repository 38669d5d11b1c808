// The Redis cache of aggregates on a real Redis: keys under the deployment prefix with the domain TTL,
// live and pinned (asOf) entries kept apart, invalidation of both, and the generation check that stops
// a value computed before news arrived from being written after it.
import Redis from 'ioredis';
import { SentimentCache } from '../../../subgraphs/sentiment/src/storage/sentiment-cache';
import type { CachedSentiment } from '../../../subgraphs/sentiment/src/domain';
import { REDIS_URL, uniquePrefix } from '../support/env';

const redis = new Redis(REDIS_URL);
const prefix = uniquePrefix('sentiment-cache');
const cache = new SentimentCache(redis, prefix);
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const value = (asOf: string, score = 0.25): CachedSentiment => ({ symbol: 'AAPL', window: '1h', score, count: 2, weightTotal: 1.2, asOf, models: ['m@1'] });

test('a live entry is served within its TTL and lives under the prefix with the domain TTL', async () => {
  const now = new Date();
  const miss = await cache.lookup('AAPL', '1h', now);
  expect(miss.value).toBeNull();
  expect(await cache.store(value(now.toISOString()), miss.generation, false, now)).toEqual({ written: true });
  const ttl = await redis.pttl(`${prefix}sentiment:v1:AAPL:1h`);
  expect(ttl).toBeGreaterThan(55_000);
  expect(ttl).toBeLessThanOrEqual(60_000);
  expect((await cache.lookup('AAPL', '1h', new Date(now.getTime() + 30_000))).value).toMatchObject({ score: 0.25 });
  // Past the TTL the value is refused even if Redis still had it.
  expect((await cache.lookup('AAPL', '1h', new Date(now.getTime() + 61_000))).value).toBeNull();
});

test('pinned entries are per instant and do not displace the live one', async () => {
  const at = new Date('2011-03-04T05:06:07Z');
  const miss = await cache.lookup('AAPL', '1h', at, at);
  expect(miss.value).toBeNull();
  expect(await cache.store(value(at.toISOString(), -0.5), miss.generation, true, at)).toEqual({ written: true });
  expect((await cache.lookup('AAPL', '1h', at, at)).value).toMatchObject({ score: -0.5 });
  expect((await cache.lookup('AAPL', '1h', new Date(at.getTime() + 1000), new Date(at.getTime() + 1000))).value).toBeNull();
  expect((await cache.lookup('AAPL', '1h', new Date())).value).toMatchObject({ score: 0.25 });
});

test('news invalidates live and pinned entries, and a value computed before it is not written after it', async () => {
  const at = new Date('2011-03-04T05:06:07Z');
  const now = new Date();
  const before = await cache.lookup('AAPL', '1h', now); // a reader starts computing…
  await cache.invalidate(['aapl', 'MSFT']); // …news arrives…
  expect((await cache.lookup('AAPL', '1h', now)).value).toBeNull();
  expect((await cache.lookup('AAPL', '1h', at, at)).value).toBeNull();
  expect(await cache.store(value(now.toISOString(), 0.9), before.generation, false, now)).toEqual({ written: false, existing: null }); // …and its stale value is dropped
  expect((await cache.lookup('AAPL', '1h', now)).value).toBeNull();
  const fresh = await cache.lookup('AAPL', '1h', now);
  expect(await cache.store(value(now.toISOString(), 0.1), fresh.generation, false, now)).toEqual({ written: true });
  expect((await cache.lookup('AAPL', '1h', now)).value).toMatchObject({ score: 0.1 });
});

test('of two readers that missed at once, the second gets the first one’s value back instead of overwriting it', async () => {
  const now = new Date();
  await cache.invalidate(['NVDA']);
  const a = await cache.lookup('NVDA', '1h', now);
  const b = await cache.lookup('NVDA', '1h', now);
  const first = { ...value(now.toISOString(), 0.30000000000000004), symbol: 'NVDA' };
  const second = { ...value(new Date(now.getTime() + 5).toISOString(), 0.3), symbol: 'NVDA' };
  expect(await cache.store(first, a.generation, false, now)).toEqual({ written: true });
  expect(await cache.store(second, b.generation, false, now)).toEqual({ written: false, existing: first });
  expect((await cache.lookup('NVDA', '1h', now)).value).toEqual(first);
});
