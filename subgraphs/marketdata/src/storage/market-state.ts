// Latest market state in Redis, shared with every service: top of book and last trade per symbol (the
// platform's quote hash, used for marks and decisions) and the current L2 book for `orderBook` queries.
import type { Redis } from 'ioredis';
import { readQuotes, writeLastTrade, writeTopOfBook, type LatestQuote, type TradeTick } from '@aitrader/platform';
import type { BookView } from '../domain';

/** Levels kept in the stored book: deep enough for any `orderBook(depth)` the API allows. */
export const STORED_BOOK_DEPTH = 50;

export interface StoredBook {
  symbol: string;
  bids: [number, number][];
  asks: [number, number][];
  seq: number;
  timestamp: string;
}

export class MarketState {
  constructor(private readonly redis: Redis, private readonly prefix = '') {}

  private bookKey(symbol: string) {
    return `${this.prefix}book:${symbol}`;
  }

  async saveBook(view: BookView): Promise<void> {
    const stored: StoredBook = { symbol: view.symbol, bids: view.bids, asks: view.asks, seq: view.seq, timestamp: view.timestamp };
    await Promise.all([
      this.redis.set(this.bookKey(view.symbol), JSON.stringify(stored)),
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
    const raw = await this.redis.get(this.bookKey(symbol));
    if (!raw) return null;
    const book = JSON.parse(raw) as StoredBook;
    return { ...book, bids: book.bids.slice(0, depth), asks: book.asks.slice(0, depth) };
  }

  async quote(symbol: string): Promise<LatestQuote | null> {
    return (await readQuotes(this.redis, [symbol], this.prefix)).get(symbol) ?? null;
  }
}
