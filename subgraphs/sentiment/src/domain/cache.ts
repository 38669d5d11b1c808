// Redis cache policy for aggregated scores: the key of a (symbol, window), the keys that news for a
// symbol invalidates, how long an entry may live, and the cached value's encoding (which carries asOf,
// so a reader can always tell how old the number is).
//
// TTL = window / 60, capped at 60 s and at least 1 s: 15m → 15 s, 1h → 60 s, 1d → 60 s.
//   New news invalidates explicitly, so the TTL only bounds the other source of staleness: the passage
//   of time. With exponential decay every weight shrinks by the same factor as time passes, which leaves
//   the weighted mean unchanged, so time only moves the score when an item leaves the window's tail
//   (or a future-dated item enters it). The tail item weighs a quarter of a fresh one (half-life =
//   window / 2), so a TTL of 1/60 of the window keeps that error small; the 60 s cap also bounds the
//   damage of a missed invalidation (e.g. news written while an older value was being recomputed and
//   stored after the delete).
import { z } from 'zod';
import type { SentimentAggregate } from './aggregate';
import { SENTIMENT_WINDOWS, WINDOW_MS, isSentimentWindow, type SentimentWindow } from './window';

/** Bump the version when the cached value's shape changes, so old entries are simply never read. */
export const SENTIMENT_CACHE_NAMESPACE = 'sentiment:v1:';

const TTL_FRACTION_OF_WINDOW = 1 / 60;
export const CACHE_TTL_MAX_MS = 60_000;
export const CACHE_TTL_MIN_MS = 1_000;

/** `${prefix}sentiment:v1:${symbol}:${window}`; prefix is the deployment's REDIS_PREFIX. */
export function sentimentCacheKey(symbol: string, window: SentimentWindow, prefix = ''): string {
  return `${prefix}${SENTIMENT_CACHE_NAMESPACE}${symbol.trim().toUpperCase()}:${window}`;
}

/** Every key that news for `symbol` makes stale: one per window. */
export function sentimentInvalidationKeys(symbol: string, prefix = ''): string[] {
  return SENTIMENT_WINDOWS.map((w) => sentimentCacheKey(symbol, w, prefix));
}

/** The keys to delete after ingesting news tagged with `symbols` (any order, duplicates fine); sorted. */
export function invalidationKeysForSymbols(symbols: Iterable<string>, prefix = ''): string[] {
  const keys = new Set<string>();
  for (const symbol of symbols) for (const key of sentimentInvalidationKeys(symbol, prefix)) keys.add(key);
  return [...keys].sort();
}

/** How long a cached score for a window of `windowMs` may live (see the policy at the top). */
export function sentimentCacheTtlMs(windowMs: number): number {
  if (!(Number.isFinite(windowMs) && windowMs > 0)) throw new RangeError(`windowMs must be a positive finite number, got ${windowMs}`);
  return Math.min(CACHE_TTL_MAX_MS, Math.max(CACHE_TTL_MIN_MS, Math.round(windowMs * TTL_FRACTION_OF_WINDOW)));
}

/** The TTL in whole seconds, rounded up, for Redis `SET … EX`. */
export function sentimentCacheTtlSeconds(windowMs: number): number {
  return Math.ceil(sentimentCacheTtlMs(windowMs) / 1000);
}

/** What is stored under a key: the aggregate's numbers and the instant they were valid for. */
export interface CachedSentiment {
  symbol: string;
  window: SentimentWindow;
  score: number;
  count: number;
  weightTotal: number;
  /** ISO-8601 instant the score was computed for. */
  asOf: string;
  models: string[];
}

const CachedSentimentSchema = z.object({
  symbol: z.string().min(1),
  window: z.string().refine(isSentimentWindow),
  score: z.number().min(-1).max(1),
  count: z.number().int().min(0),
  weightTotal: z.number().min(0),
  asOf: z.iso.datetime({ offset: true }),
  models: z.array(z.string()),
});

export function toCachedSentiment(symbol: string, window: SentimentWindow, aggregate: SentimentAggregate): CachedSentiment {
  return {
    symbol: symbol.trim().toUpperCase(),
    window,
    score: aggregate.score,
    count: aggregate.count,
    weightTotal: aggregate.weightTotal,
    asOf: aggregate.asOf.toISOString(),
    models: [...aggregate.models],
  };
}

export function encodeCachedSentiment(value: CachedSentiment): string {
  return JSON.stringify(value);
}

/**
 * The cached value, or null (a miss) when there is none, it does not parse, it is for another key, or
 * its asOf is further than its window's TTL from `now` (so an entry whose Redis expiry was lost, or a reader with
 * a different clock, still cannot serve an old score).
 */
export function decodeCachedSentiment(
  raw: string | null | undefined,
  expected: { symbol: string; window: SentimentWindow; now: Date },
): CachedSentiment | null {
  if (raw === null || raw === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = CachedSentimentSchema.safeParse(json);
  if (!parsed.success) return null;
  const value = parsed.data as CachedSentiment;
  if (value.symbol !== expected.symbol.trim().toUpperCase() || value.window !== expected.window) return null;
  const age = expected.now.getTime() - Date.parse(value.asOf);
  // A little negative age is a writer whose clock runs ahead of ours; beyond the TTL either way, a miss.
  if (Math.abs(age) > sentimentCacheTtlMs(WINDOW_MS[expected.window])) return null;
  return value;
}
