// Latest market state shared through Redis: the marketdata service writes each symbol's top of book and
// last trade to one hash, and any service (accounts for marks, strategy, execution) reads it.
import type { Redis } from 'ioredis';

export interface LatestQuote {
  symbol: string;
  bid: number | null;
  ask: number | null;
  bidSize: number | null;
  askSize: number | null;
  last: number | null;
  lastSize: number | null;
  /** ISO time of the newest update that touched this hash. */
  timestamp: string;
}

export const quoteKey = (symbol: string, prefix = '') => `${prefix}quote:${symbol}`;

const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

export async function writeTopOfBook(redis: Redis, symbol: string, top: { bid: number | null; ask: number | null; bidSize: number | null; askSize: number | null; timestamp: string }, prefix = ''): Promise<void> {
  await redis.hset(quoteKey(symbol, prefix), {
    bid: top.bid ?? '', ask: top.ask ?? '', bidSize: top.bidSize ?? '', askSize: top.askSize ?? '', timestamp: top.timestamp,
  });
}

export async function writeLastTrade(redis: Redis, symbol: string, trade: { price: number; size: number; timestamp: string }, prefix = ''): Promise<void> {
  await redis.hset(quoteKey(symbol, prefix), { last: trade.price, lastSize: trade.size, lastTimestamp: trade.timestamp, timestamp: trade.timestamp });
}

export async function readQuotes(redis: Redis, symbols: string[], prefix = ''): Promise<Map<string, LatestQuote>> {
  const out = new Map<string, LatestQuote>();
  if (symbols.length === 0) return out;
  const pipeline = redis.pipeline();
  for (const s of symbols) pipeline.hgetall(quoteKey(s, prefix));
  const rows = (await pipeline.exec()) ?? [];
  symbols.forEach((symbol, i) => {
    const [err, raw] = rows[i] ?? [null, null];
    const h = (err ? {} : raw ?? {}) as Record<string, string>;
    if (!h.timestamp) return;
    out.set(symbol, {
      symbol, bid: num(h.bid), ask: num(h.ask), bidSize: num(h.bidSize), askSize: num(h.askSize), last: num(h.last), lastSize: num(h.lastSize), timestamp: h.timestamp,
    });
  });
  return out;
}

/** Rounds a derived price to 1e-8 so binary noise ((180.01 + 180.03) / 2 = 180.01999…) never shows. */
export const roundPrice = (x: number) => Math.round(x * 1e8) / 1e8;

export function midPrice(q: Pick<LatestQuote, 'bid' | 'ask'>): number | null {
  return q.bid !== null && q.ask !== null ? roundPrice((q.bid + q.ask) / 2) : null;
}

/** The price positions are marked at: the mid when both sides are quoted, else the last trade. */
export function markPrice(q: LatestQuote | undefined): number | null {
  if (!q) return null;
  return midPrice(q) ?? q.last;
}

/** The latest L2 book of a symbol as the marketdata service stores it (best levels first). */
export interface StoredBook {
  symbol: string;
  bids: [number, number][];
  asks: [number, number][];
  seq: number;
  timestamp: string;
}

export const bookKey = (symbol: string, prefix = '') => `${prefix}book:${symbol}`;

export async function writeBook(redis: Redis, book: StoredBook, prefix = ''): Promise<void> {
  await redis.set(bookKey(book.symbol, prefix), JSON.stringify(book));
}

export async function readBook(redis: Redis, symbol: string, prefix = ''): Promise<StoredBook | null> {
  const raw = await redis.get(bookKey(symbol, prefix));
  return raw ? (JSON.parse(raw) as StoredBook) : null;
}
