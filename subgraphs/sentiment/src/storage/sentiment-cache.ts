// Redis cache of aggregated scores, with the domain's keys, TTLs and encoding (domain/cache.ts), under
// the deployment's REDIS_PREFIX.
//  - Live reads (asOf = the service clock) use the (symbol, window) key; an entry serves until its TTL.
//  - Pinned reads (an explicit asOf, for replays and backtests) live in one hash per (symbol, window),
//    field = the asOf instant, so they never displace the live entry.
//  - News for a symbol deletes both, and bumps the symbol's generation counter first: a value computed
//    from rows read before the news is only written if the generation is still the one read before the
//    computation (checked atomically in Lua), so a slow reader cannot put a stale score back.
import type { Redis } from 'ioredis';
import {
  SENTIMENT_CACHE_NAMESPACE,
  SENTIMENT_WINDOWS,
  WINDOW_MS,
  decodeCachedSentiment,
  encodeCachedSentiment,
  sentimentCacheKey,
  sentimentCacheTtlMs,
  type CachedSentiment,
  type SentimentWindow,
} from '../domain';

/** Generation counters outlive any entry (max TTL 60 s) by far; they expire only to not pile up under test prefixes. */
const GENERATION_TTL_MS = 7 * 24 * 60 * 60_000;

// KEYS[1] generation, KEYS[2] target; ARGV: generation read before computing, value, ttl ms, hash field
// ('' = plain key). Returns 1 when written, 0 when news arrived meanwhile (nothing written), or the value
// another reader wrote first: concurrent misses converge on one cached value instead of overwriting each
// other with numbers that differ in the last bits (computed at slightly different instants).
const SET_IF_GENERATION = `
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return 0 end
if ARGV[4] == '' then
  local existing = redis.call('GET', KEYS[2])
  if existing then return existing end
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
else
  local existing = redis.call('HGET', KEYS[2], ARGV[4])
  if existing then return existing end
  redis.call('HSET', KEYS[2], ARGV[4], ARGV[2])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
end
return 1`;

/** What store() did: wrote the value, dropped it (news arrived meanwhile), or found another reader's value there first. */
export type StoreResult = { written: true } | { written: false; existing: CachedSentiment | null };

export interface CacheLookup {
  /** The cached value, or null on a miss. */
  value: CachedSentiment | null;
  /** The symbol's generation as read with the lookup; pass it to store(). */
  generation: string;
}

export class SentimentCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private generationKey(symbol: string): string {
    return `${this.prefix}${SENTIMENT_CACHE_NAMESPACE}${symbol.trim().toUpperCase()}:generation`;
  }

  private pinnedKey(symbol: string, window: SentimentWindow): string {
    return `${sentimentCacheKey(symbol, window, this.prefix)}:at`;
  }

  /** Reads the entry for (symbol, window) — the live one, or the one pinned at `pinnedAsOf` — and the generation. */
  async lookup(symbol: string, window: SentimentWindow, now: Date, pinnedAsOf?: Date): Promise<CacheLookup> {
    const pipeline = this.redis.pipeline().get(this.generationKey(symbol));
    if (pinnedAsOf) pipeline.hget(this.pinnedKey(symbol, window), pinnedAsOf.toISOString());
    else pipeline.get(sentimentCacheKey(symbol, window, this.prefix));
    const results = (await pipeline.exec()) ?? [];
    for (const [err] of results) if (err) throw err;
    const generation = (results[0]?.[1] as string | null) ?? '';
    const raw = results[1]?.[1] as string | null;
    const value = decodeCachedSentiment(raw, { symbol, window, now });
    // A pinned entry must be for exactly that instant (decode allows TTL-sized drift for live reads).
    if (value && pinnedAsOf && Date.parse(value.asOf) !== pinnedAsOf.getTime()) return { value: null, generation };
    return { value, generation };
  }

  /**
   * Writes a computed value unless news for the symbol arrived since `generation` was read, or another
   * reader already cached one (then that one is returned, so concurrent readers agree).
   */
  async store(value: CachedSentiment, generation: string, pinned: boolean, now: Date): Promise<StoreResult> {
    const ttl = sentimentCacheTtlMs(WINDOW_MS[value.window]);
    const key = pinned ? this.pinnedKey(value.symbol, value.window) : sentimentCacheKey(value.symbol, value.window, this.prefix);
    const reply = (await this.redis.eval(
      SET_IF_GENERATION, 2, this.generationKey(value.symbol), key,
      generation, encodeCachedSentiment(value), String(ttl), pinned ? value.asOf : '',
    )) as number | string;
    if (reply === 1) return { written: true };
    if (typeof reply !== 'string') return { written: false, existing: null };
    return { written: false, existing: decodeCachedSentiment(reply, { symbol: value.symbol, window: value.window, now }) };
  }

  /** News arrived for these symbols: bump their generations, then drop their live and pinned entries. */
  async invalidate(symbols: Iterable<string>): Promise<void> {
    const unique = [...new Set([...symbols].map((s) => s.trim().toUpperCase()))].sort();
    if (unique.length === 0) return;
    const multi = this.redis.multi();
    for (const symbol of unique) multi.incr(this.generationKey(symbol)).pexpire(this.generationKey(symbol), GENERATION_TTL_MS);
    const keys = unique.flatMap((symbol) => SENTIMENT_WINDOWS.flatMap((w) => [sentimentCacheKey(symbol, w, this.prefix), this.pinnedKey(symbol, w)]));
    multi.del(...keys);
    const results = (await multi.exec()) ?? [];
    for (const [err] of results) if (err) throw err;
  }
}
