// Latest market state in Redis, shared with every service: top of book and last trade per symbol (the
// platform's quote hash, used for marks and decisions) and the current L2 book for `orderBook` queries.
import type { Redis } from 'ioredis';
import { readBook, readQuotes, writeBook, writeLastTrade, writeTopOfBook, type BookView, type LatestQuote, type StoredBook, type TradeTick } from '@aitrader/platform';

/** Levels kept in the stored book: deep enough for any `orderBook(depth)` the API allows. */
export const STORED_BOOK_DEPTH = 50;

export type { StoredBook };

export class MarketState {
  constructor(private readonly redis: Redis, private readonly prefix = '') {}

  async saveBook(view: BookView): Promise<void> {
    const stored: StoredBook = { symbol: view.symbol, bids: view.bids, asks: view.asks, seq: view.seq, timestamp: view.timestamp };
    await Promise.all([
      writeBook(this.redis, stored, this.prefix),
      writeTopOfBook(this.redis, view.symbol, {
        bid: view.bestBid?.[0] ?? null,
        bidSize: view.bestBid?.[1] ?? null,
        ask: view.bestAsk?.[0] ?? null,
        askSize: view.bestAsk?.[1] ?? null,
        timestamp: view.timestamp,
      }, this.prefix),
    ]);
  }

  async saveTrade(trade: TradeTick): Promise<void> {
    await writeLastTrade(this.redis, trade.symbol, trade, this.prefix);
  }

  async book(symbol: string, depth: number): Promise<StoredBook | null> {
    const book = await readBook(this.redis, symbol, this.prefix);
    if (!book) return null;
    return { ...book, bids: book.bids.slice(0, depth), asks: book.asks.slice(0, depth) };
  }

  async quote(symbol: string): Promise<LatestQuote | null> {
    return (await this.quotes([symbol])).get(symbol) ?? null;
  }

  /** Latest quotes of many symbols in one Redis round trip (symbols without one are absent). */
  async quotes(symbols: readonly string[]): Promise<Map<string, LatestQuote>> {
    return readQuotes(this.redis, [...symbols], this.prefix);
  }
}
