// The marketdata pipeline over the `ticks` stream: quotes and depth go through the book builder (book
// updates published to `book`, latest book and top of book saved for readers), trades update the last
// trade and the candle aggregator, whose closed candles are persisted. One consumer keeps tick order.
import { BookBuilder, type Logger, type StreamPublisher, type Tick } from '@aitrader/platform';
import { CandleAggregator, type Candle, type CandleInterval } from './domain';
import type { CandlesStore } from './storage/candles-store';
import { MarketState, STORED_BOOK_DEPTH } from './storage/market-state';

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

  async handle(tick: Tick): Promise<void> {
    if (tick.kind === 'trade') {
      await this.state.saveTrade(tick);
      await this.candleStore.upsert(this.candles.addTrade(tick));
    } else {
      const update = this.books.apply(tick);
      if (update) {
        // Saved before it is announced, so a reader reacting to the update sees this book or a newer one.
        await this.state.saveBook(this.books.book(tick.symbol, STORED_BOOK_DEPTH)!);
        await this.publisher.publish('book', update);
      }
    }
    this.handled += 1;
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
