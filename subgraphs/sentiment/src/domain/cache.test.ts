// Tests for the sentiment cache policy: key layout, invalidation sets, TTLs and the cached value's
// round trip, including the age check that keeps an expired-but-present entry from being served.
import { aggregateSentiment } from './aggregate';
import {
  decodeCachedSentiment,
  encodeCachedSentiment,
  invalidationKeysForSymbols,
  sentimentCacheKey,
  sentimentCacheTtlMs,
  sentimentCacheTtlSeconds,
  sentimentInvalidationKeys,
  toCachedSentiment,
} from './cache';

const now = new Date('2025-01-02T15:00:00.000Z');

describe('cache keys', () => {
  it('name the symbol and window under a versioned namespace and the deployment prefix', () => {
    expect(sentimentCacheKey('AAPL', '1h')).toBe('sentiment:v1:AAPL:1h');
    expect(sentimentCacheKey(' aapl ', '15m', 'test42:')).toBe('test42:sentiment:v1:AAPL:15m');
  });

  it('invalidate every window of a symbol', () => {
    expect(sentimentInvalidationKeys('TSLA', 'p:')).toEqual(['p:sentiment:v1:TSLA:15m', 'p:sentiment:v1:TSLA:1h', 'p:sentiment:v1:TSLA:1d']);
  });

  it('invalidate the union for a batch of symbols, sorted and without repeats', () => {
    expect(invalidationKeysForSymbols(['MSFT', 'AAPL', 'MSFT'])).toEqual([
      'sentiment:v1:AAPL:15m',
      'sentiment:v1:AAPL:1d',
      'sentiment:v1:AAPL:1h',
      'sentiment:v1:MSFT:15m',
      'sentiment:v1:MSFT:1d',
      'sentiment:v1:MSFT:1h',
    ]);
    expect(invalidationKeysForSymbols([])).toEqual([]);
  });
});

describe('cache TTL', () => {
  it('is window / 60, between 1 s and 60 s', () => {
    expect(sentimentCacheTtlMs(15 * 60_000)).toBe(15_000);
    expect(sentimentCacheTtlMs(60 * 60_000)).toBe(60_000);
    expect(sentimentCacheTtlMs(24 * 60 * 60_000)).toBe(60_000);
    expect(sentimentCacheTtlMs(10_000)).toBe(1_000);
    expect(sentimentCacheTtlSeconds(15 * 60_000)).toBe(15);
    expect(sentimentCacheTtlSeconds(90_000)).toBe(2);
    expect(() => sentimentCacheTtlMs(0)).toThrow(RangeError);
  });
});

describe('cached value', () => {
  const aggregate = aggregateSentiment(
    [{ publishedAt: new Date(now.getTime() - 60_000), probabilities: { positive: 0.9, negative: 0.05, neutral: 0.05 }, model: 'finbert@1' }],
    { now, windowMs: 3_600_000 },
  );
  const raw = encodeCachedSentiment(toCachedSentiment('aapl', '1h', aggregate));
  const expected = { symbol: 'AAPL', window: '1h' as const };

  it('round-trips with its asOf', () => {
    expect(decodeCachedSentiment(raw, { ...expected, now })).toEqual({
      symbol: 'AAPL',
      window: '1h',
      score: aggregate.score,
      count: 1,
      weightTotal: aggregate.weightTotal,
      asOf: '2025-01-02T15:00:00.000Z',
      models: ['finbert@1'],
    });
  });

  it('is a miss once older than the TTL, even if Redis still holds it', () => {
    expect(decodeCachedSentiment(raw, { ...expected, now: new Date(now.getTime() + 60_000) })).not.toBeNull();
    expect(decodeCachedSentiment(raw, { ...expected, now: new Date(now.getTime() + 60_001) })).toBeNull();
    expect(decodeCachedSentiment(raw, { ...expected, now: new Date(now.getTime() - 60_001) })).toBeNull();
  });

  it('is a miss when absent, unparseable, malformed or for another key', () => {
    expect(decodeCachedSentiment(null, { ...expected, now })).toBeNull();
    expect(decodeCachedSentiment('{', { ...expected, now })).toBeNull();
    expect(decodeCachedSentiment(JSON.stringify({ ...JSON.parse(raw), score: 2 }), { ...expected, now })).toBeNull();
    expect(decodeCachedSentiment(raw, { symbol: 'MSFT', window: '1h', now })).toBeNull();
    expect(decodeCachedSentiment(raw, { symbol: 'AAPL', window: '1d', now })).toBeNull();
  });
});
