// The L2 order book: one OrderBook per symbol built from quote and depth ticks, and a BookBuilder over
// many symbols that turns each change into a BookUpdate (snapshot or delta) for the `book` stream.
//
// Rules (the book is never crossed: best bid <= best ask; a locked book, bid = ask, is allowed because
// the platform allows locked quotes):
//  - quote: the quote is the new top of book. Bid levels above `bid` and ask levels below `ask` are
//    removed, then (bid, bidSize) and (ask, askSize) are set; a size of 0 removes that level.
//  - depth: sets one level (size 0 deletes it). If the new level crosses the other side, the other
//    side's crossed levels are removed: the newest information wins (a bid at p removes asks below p).
//  - ticks are applied in arrival order; trades do not touch the book.
import type { BookUpdate, DepthTick, QuoteTick, Tick } from '../messages';
import { BookSideLevels, type BookSide, type Level } from './book-side';
import { BookError } from './errors';

export type { BookSide, Level } from './book-side';

export interface LevelChange {
  side: BookSide;
  price: number;
  /** 0 when the level was removed. */
  size: number;
}

/** Prices are doubles; mid and spread are rounded to 1e-8 so 255.13 - 255.12 reads 0.01. */
const clean = (x: number): number => Math.round(x * 1e8) / 1e8;

export class OrderBook {
  private readonly bids = new BookSideLevels('bid');
  private readonly asks = new BookSideLevels('ask');

  constructor(readonly symbol: string) {}

  applyQuote(quote: QuoteTick): LevelChange[] {
    if (!(quote.bid <= quote.ask)) throw new BookError(`crossed quote for ${quote.symbol}: bid ${quote.bid} > ask ${quote.ask}`);
    return this.track((edit) => {
      edit.removeBetterThan(this.bids, quote.bid);
      edit.set(this.bids, quote.bid, quote.bidSize);
      edit.removeBetterThan(this.asks, quote.ask);
      edit.set(this.asks, quote.ask, quote.askSize);
    });
  }

  applyDepth(depth: DepthTick): LevelChange[] {
    const [own, other] = depth.side === 'bid' ? [this.bids, this.asks] : [this.asks, this.bids];
    return this.track((edit) => {
      edit.set(own, depth.price, depth.size);
      if (depth.size > 0) edit.removeBetterThan(other, depth.price);
    });
  }

  levels(side: BookSide, depth = Number.POSITIVE_INFINITY): Level[] {
    return (side === 'bid' ? this.bids : this.asks).top(depth);
  }

  sizeAt(side: BookSide, price: number): number {
    return (side === 'bid' ? this.bids : this.asks).sizeAt(price);
  }

  bestBid(): Level | undefined {
    return this.bids.best();
  }

  bestAsk(): Level | undefined {
    return this.asks.best();
  }

  mid(): number | undefined {
    const [bid, ask] = [this.bids.best(), this.asks.best()];
    return bid && ask ? clean((bid[0] + ask[0]) / 2) : undefined;
  }

  spread(): number | undefined {
    const [bid, ask] = [this.bids.best(), this.asks.best()];
    return bid && ask ? clean(ask[0] - bid[0]) : undefined;
  }

  isEmpty(): boolean {
    return this.bids.size === 0 && this.asks.size === 0;
  }

  clear(): void {
    this.bids.clear();
    this.asks.clear();
  }

  /** Runs an edit and reports the levels whose size differs from before it (removed-then-restored is no change). */
  private track(run: (edit: BookEdit) => void): LevelChange[] {
    // Keyed by signed price (bids +p, asks -p: prices are positive), cheaper than building string keys.
    const before = new Map<number, LevelChange>();
    const remember = (side: BookSide, price: number, size: number): void => {
      const key = side === 'bid' ? price : -price;
      if (!before.has(key)) before.set(key, { side, price, size });
    };
    run({
      set: (levels, price, size) => {
        remember(levels.side, price, levels.sizeAt(price));
        levels.set(price, size);
      },
      removeBetterThan: (levels, price) => {
        for (const [p, size] of levels.removeBetterThan(price)) remember(levels.side, p, size);
      },
    });
    const changes: LevelChange[] = [];
    for (const { side, price, size } of before.values()) {
      const now = (side === 'bid' ? this.bids : this.asks).sizeAt(price);
      if (now !== size) changes.push({ side, price, size: now });
    }
    return changes;
  }
}

interface BookEdit {
  set(levels: BookSideLevels, price: number, size: number): void;
  removeBetterThan(levels: BookSideLevels, price: number): void;
}

export interface BookBuilderOptions {
  /** A full snapshot replaces the delta every this many updates per symbol (default 100). */
  snapshotEvery?: number;
}

/** What `book(symbol)` shows: top levels plus the derived figures. */
export interface BookView {
  symbol: string;
  bids: Level[];
  asks: Level[];
  bestBid: Level | null;
  bestAsk: Level | null;
  mid: number | null;
  spread: number | null;
  /** seq of the last BookUpdate emitted for this symbol. */
  seq: number;
  timestamp: string;
}

interface SymbolState {
  book: OrderBook;
  /** seq of the last emitted update; -1 before the first. */
  seq: number;
  updatesSinceSnapshot: number;
  needsSnapshot: boolean;
  timestamp: string;
  /** Time of the symbol's last tick, any kind (epoch ms): one earlier than it rewinds the book. */
  time: number;
}

export class BookBuilder {
  private readonly states = new Map<string, SymbolState>();
  private readonly snapshotEvery: number;

  constructor(options: BookBuilderOptions = {}) {
    const every = options.snapshotEvery ?? 100;
    if (!Number.isInteger(every) || every < 1) throw new RangeError(`snapshotEvery must be a positive integer, got ${every}`);
    this.snapshotEvery = every;
  }

  /**
   * Applies a tick. Returns the update to publish, or null when nothing changed (and for trades). The
   * first update of a symbol, and every `snapshotEvery`-th after a snapshot, is a snapshot; seq counts
   * emitted updates per symbol from 0 with no gaps. A tick (of any kind) earlier than the symbol's last
   * one means the replay started over or sought back: the book starts afresh, and a book already
   * published is published emptied at once, as a snapshot, so no consumer keeps the old run's levels.
   */
  apply(tick: Tick): BookUpdate | null {
    const state = this.stateOf(tick.symbol);
    const time = Date.parse(tick.timestamp);
    const rewound = time < state.time;
    state.time = time;
    if (rewound) {
      state.book.clear();
      state.needsSnapshot = true;
    }
    const changes = tick.kind === 'trade' ? [] : tick.kind === 'quote' ? state.book.applyQuote(tick) : state.book.applyDepth(tick);
    if (changes.length === 0 && !(rewound && state.seq >= 0)) return null;
    state.seq += 1;
    state.timestamp = tick.timestamp;
    const snapshot = state.needsSnapshot || state.updatesSinceSnapshot + 1 >= this.snapshotEvery;
    state.needsSnapshot = false;
    state.updatesSinceSnapshot = snapshot ? 0 : state.updatesSinceSnapshot + 1;
    const { symbol, timestamp, seq } = { symbol: tick.symbol, timestamp: tick.timestamp, seq: state.seq };
    if (snapshot) return { symbol, timestamp, kind: 'snapshot', bids: state.book.levels('bid'), asks: state.book.levels('ask'), seq };
    const side = (s: BookSide): Level[] =>
      changes
        .filter((c) => c.side === s)
        .sort((a, b) => (s === 'bid' ? b.price - a.price : a.price - b.price))
        .map((c) => [c.price, c.size]);
    return { symbol, timestamp, kind: 'delta', bids: side('bid'), asks: side('ask'), seq };
  }

  /** Top `depth` levels (bids high to low, asks low to high); undefined for a symbol never updated. */
  book(symbol: string, depth = 10): BookView | undefined {
    const state = this.states.get(symbol);
    if (state === undefined || state.seq < 0) return undefined;
    const { book } = state;
    return {
      symbol,
      bids: book.levels('bid', depth),
      asks: book.levels('ask', depth),
      bestBid: book.bestBid() ?? null,
      bestAsk: book.bestAsk() ?? null,
      mid: book.mid() ?? null,
      spread: book.spread() ?? null,
      seq: state.seq,
      timestamp: state.timestamp,
    };
  }

  bestBid(symbol: string): Level | undefined {
    return this.states.get(symbol)?.book.bestBid();
  }

  bestAsk(symbol: string): Level | undefined {
    return this.states.get(symbol)?.book.bestAsk();
  }

  mid(symbol: string): number | undefined {
    return this.states.get(symbol)?.book.mid();
  }

  spread(symbol: string): number | undefined {
    return this.states.get(symbol)?.book.spread();
  }

  symbols(): string[] {
    return [...this.states.keys()].filter((s) => (this.states.get(s)?.seq ?? -1) >= 0).sort();
  }

  /**
   * Empties the books (of one symbol, or all) — e.g. when a replay seeks — and makes the next update a
   * snapshot. seq keeps counting so consumers never see it go backwards.
   */
  reset(symbol?: string): void {
    const targets = symbol === undefined ? [...this.states.values()] : [this.states.get(symbol)].filter((s) => s !== undefined);
    for (const state of targets) {
      state.book.clear();
      state.needsSnapshot = true;
    }
  }

  private stateOf(symbol: string): SymbolState {
    let state = this.states.get(symbol);
    if (state === undefined) {
      state = { book: new OrderBook(symbol), seq: -1, updatesSinceSnapshot: 0, needsSnapshot: true, timestamp: '', time: Number.NEGATIVE_INFINITY };
      this.states.set(symbol, state);
    }
    return state;
  }
}
