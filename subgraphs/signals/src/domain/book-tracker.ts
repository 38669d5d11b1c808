// The L2 books behind the bid/ask sizes the signals service gives the pattern engine: one OrderBook per
// symbol (the platform's, the same code marketdata's BookBuilder runs) rebuilt from the quote and depth
// ticks of `ticks` in stream order, so a trade sees exactly the book as of that trade. They are not read
// from the `book` stream: a second consumer would race the `ticks` one and the sizes would depend on timing.
import { OrderBook, type Level } from '@aitrader/platform/book';
import { type Tick } from '@aitrader/platform/messages';
import { entryAfter } from './entry-ids';

export interface BookSizes {
  bidSize: number;
  askSize: number;
}

interface SymbolState {
  /** Undefined before the symbol's first quote or depth tick; emptied when time goes back. */
  book: OrderBook | undefined;
  /** Last applied entry id, any tick kind: an entry at or before it is a redelivery. */
  lastEntry: string;
  /** Time of the last applied tick, any kind (epoch ms). */
  time: number;
}

const total = (levels: Level[]): number => levels.reduce((sum, [, size]) => sum + size, 0);

export class BookTracker {
  private readonly states = new Map<string, SymbolState>();

  /**
   * Takes every tick of `ticks` (entry `entryId`) in stream order: quote and depth ticks change the book
   * as BookBuilder does; trades only mark the time. A redelivered entry changes nothing (returns false).
   * A tick earlier than the symbol's last one means a replay started over or sought back: as the pattern
   * engine restarts the symbol then, its book starts afresh (empty, as BookBuilder publishes it), so
   * replaying the same data again gives the same books (and signals). A crossed quote throws BookError and changes nothing.
   */
  apply(tick: Tick, entryId: string): boolean {
    const state = this.states.get(tick.symbol);
    if (state !== undefined && !entryAfter(entryId, state.lastEntry)) return false;
    const time = Date.parse(tick.timestamp);
    // Emptied, not dropped: marketdata's BookBuilder publishes the emptied book as a snapshot then.
    let book = state?.book !== undefined && time < state.time ? new OrderBook(tick.symbol) : state?.book;
    if (tick.kind !== 'trade') {
      book ??= new OrderBook(tick.symbol);
      if (tick.kind === 'quote') book.applyQuote(tick);
      else book.applyDepth(tick);
    }
    this.states.set(tick.symbol, { book, lastEntry: entryId, time });
    return true;
  }

  /** Sizes summed over the best `depth` levels of each side; undefined while the symbol has no book. */
  sizes(symbol: string, depth: number): BookSizes | undefined {
    const book = this.states.get(symbol)?.book;
    return book && { bidSize: total(book.levels('bid', depth)), askSize: total(book.levels('ask', depth)) };
  }

  /** Every level (bids high to low, asks low to high); undefined while the symbol has no book. */
  levels(symbol: string): { bids: Level[]; asks: Level[] } | undefined {
    const book = this.states.get(symbol)?.book;
    return book && { bids: book.levels('bid'), asks: book.levels('ask') };
  }
}
