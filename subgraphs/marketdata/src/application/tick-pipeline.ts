// The marketdata pipeline over the `ticks` stream: quotes and depth go through the book builder (book
// updates published to `book`, latest book and top of book saved for readers), trades update the last
// trade and the candle aggregator, whose closed candles are persisted. One consumer keeps tick order.
// Each tick changes the in-memory books and candles exactly once: when its I/O fails, the consumer
// retries the same entry, and the retry only redoes that I/O (same book update, same seq).
import { BookBuilder, BookError, type Logger, type StreamPublisher, type Tick } from '@aitrader/platform';
import { CandleAggregator, type Candle, type CandleInterval } from '../domain';
import type { CandlesStore } from '../storage/candles-store';
import { MarketState, STORED_BOOK_DEPTH } from '../storage/market-state';

export class TickPipeline {
  readonly books = new BookBuilder();
  readonly candles = new CandleAggregator();
  handled = 0;

  constructor(
    private readonly publisher: StreamPublisher,
    private readonly state: MarketState,
    private readonly candleStore: CandlesStore,
    private readonly logger?: Logger,
  ) {}

  /** The entry whose in-memory effects are applied but whose I/O has not yet succeeded. */
  private unfinished: { entryId: string; io: () => Promise<void> } | undefined;

  /**
   * Applies one tick. `entryId` (the stream entry id) lets a retry of a failed entry skip the
   * in-memory part it already did: adding the trade to a candle twice would double its volume.
   */
  async handle(tick: Tick, entryId?: string): Promise<void> {
    const io = entryId !== undefined && this.unfinished?.entryId === entryId ? this.unfinished.io : this.apply(tick);
    this.unfinished = entryId === undefined ? undefined : { entryId, io };
    await io();
    this.unfinished = undefined;
    this.handled += 1;
  }

  /**
   * Rebuilds the books and open candles from a tick handled before this process restarted (the stream
   * consumer's restore): its I/O was done then and is not redone. A tick refused then is skipped.
   */
  restore(tick: Tick): void {
    try {
      this.apply(tick);
    } catch (err) {
      if (!(err instanceof BookError)) throw err;
    }
  }

  /** Updates the books or candles with `tick`; returns the I/O that makes the result visible. */
  private apply(tick: Tick): () => Promise<void> {
    if (tick.kind === 'trade') {
      const closed = this.candles.addTrade(tick);
      return async () => {
        await this.state.saveTrade(tick);
        await this.candleStore.upsert(closed);
      };
    }
    const update = this.books.apply(tick);
    if (!update) return async () => {};
    const view = this.books.book(tick.symbol, STORED_BOOK_DEPTH)!;
    return async () => {
      // Saved before it is announced, so a reader reacting to the update sees this book or a newer one.
      await this.state.saveBook(view);
      await this.publisher.publish('book', update);
    };
  }

  /** The candle still being built, if any (not yet in the database). */
  openCandle(symbol: string, interval: CandleInterval): Candle | undefined {
    return this.candles.current(symbol, interval);
  }

  /** Persists the open candles (on shutdown) so a restart loses no volume. */
  async flush(): Promise<void> {
    const open = this.candles.flush();
    await this.candleStore.upsert(open);
    this.logger?.info({ candles: open.length }, 'open candles persisted');
  }
}
