// Application layer of the signals service: keeps each symbol's L2 book from the quote and depth ticks
// (BookTracker), feeds trades with the book's bid/ask sizes as of that trade to the pattern engine (Rust
// binding, or the TypeScript reference where it is absent), then stores each signal and publishes it to
// the `signals` stream and the seed's `signals` pub/sub channel. Knows nothing of GraphQL.
import { backend, createPatternEngine, NativeInputError, type EngineConfig, type PatternEngine, type Signal as EngineSignal } from '@aitrader/native';
import { BookError, RejectedMessageError, type Logger, type Signal, type SignalIndicators, type StreamPublisher, type Tick } from '@aitrader/platform';
import { BookTracker, entryAfter } from '../domain';
import type { SignalsStore } from '../storage/signals-store';

export type EmittedSignal = Signal & { id: string; detector: string; reason: string };

export interface SignalEngineOptions {
  /** Levels of each book side summed into the sizes the engine gets (SIGNALS_BOOK_DEPTH). */
  bookDepth: number;
  logger?: Logger;
  config?: EngineConfig;
}

export class SignalEngineService {
  readonly backend = backend;
  private engine: PatternEngine;
  /** Market state, not engine state: kept across configure(). */
  private readonly books = new BookTracker();
  private readonly bookDepth: number;
  private readonly logger?: Logger;
  /** Last trade entry run through the engine, per symbol (engine state; the BookTracker keeps its own marks). */
  private readonly lastEntry = new Map<string, string>();
  /** Signals of the last processed entry, re-published if that entry is redelivered. */
  private lastOutput?: { entryId: string; signals: EmittedSignal[] };
  emitted = 0;

  constructor(
    private readonly publisher: StreamPublisher,
    private readonly store: SignalsStore,
    options: SignalEngineOptions,
  ) {
    if (!Number.isInteger(options.bookDepth) || options.bookDepth < 1) throw new RangeError(`bookDepth must be a positive integer, got ${options.bookDepth}`);
    this.bookDepth = options.bookDepth;
    this.logger = options.logger;
    this.engine = createPatternEngine(options.config ?? {});
  }

  currentConfig() {
    return this.engine.config();
  }

  /**
   * Replaces the parameters (validated by building the engine); all engine state restarts. The books do
   * not: they are market state, built from quote/depth ticks already consumed and never read again, so
   * clearing them would lose levels that no later tick restores. Their redelivery marks stay with them,
   * so a redelivered quote/depth is still not applied twice.
   */
  configure(config: EngineConfig): void {
    this.engine = createPatternEngine(config); // throws NativeInputError (INVALID_CONFIG) first
    this.lastEntry.clear();
    this.lastOutput = undefined;
    this.logger?.info({ config }, 'pattern engine reconfigured');
  }

  indicators(symbol: string) {
    return this.engine.indicators(symbol);
  }

  async handle(tick: Tick, entryId: string): Promise<EmittedSignal[]> {
    if (tick.kind !== 'trade') {
      this.applyToBook(tick, entryId);
      return [];
    }
    let signals: EmittedSignal[];
    if (this.lastOutput?.entryId === entryId) {
      signals = this.lastOutput.signals; // redelivery after a failed publish: state already advanced
    } else if (!entryAfter(entryId, this.lastEntry.get(tick.symbol))) {
      return []; // already processed and published
    } else {
      this.applyToBook(tick, entryId); // marks the trade's time: a replay that starts over restarts the book
      const raw = this.run(tick);
      const indicators = raw.length > 0 ? this.snapshot(tick.symbol) : undefined;
      signals = raw.map((s) => this.toMessage(tick.symbol, s, indicators));
      this.lastEntry.set(tick.symbol, entryId);
      this.lastOutput = { entryId, signals };
    }
    if (signals.length > 0) {
      await this.store.save(signals);
      for (const signal of signals) {
        await this.publisher.publish('signals', signal);
        await this.publisher.broadcast('signals', signal);
      }
      this.emitted += signals.length;
    }
    return signals;
  }

  /**
   * Rebuilds the books and the engine's state from a tick handled before this process restarted (the
   * stream consumer's restore): the same state changes as handle(), but nothing is stored or published
   * again. A tick the book refused then is refused again, and skipped.
   */
  restore(tick: Tick, entryId: string): void {
    try {
      if (tick.kind !== 'trade') return this.applyToBook(tick, entryId);
      if (!entryAfter(entryId, this.lastEntry.get(tick.symbol))) return;
      this.applyToBook(tick, entryId);
      this.run(tick);
      this.lastEntry.set(tick.symbol, entryId);
    } catch (err) {
      if (!(err instanceof RejectedMessageError)) throw err;
    }
  }

  /**
   * A tick the book cannot apply (a crossed quote: the `ticks` schema already dead-letters those) fails
   * the same way on every delivery, so it is dead-lettered at once rather than retried; as in marketdata's
   * book builder, the book stays as it was and the consumer carries on with the next tick.
   */
  private applyToBook(tick: Tick, entryId: string): void {
    try {
      this.books.apply(tick, entryId);
    } catch (err) {
      if (err instanceof BookError) throw new RejectedMessageError(err.message);
      throw err;
    }
  }

  private run(tick: Extract<Tick, { kind: 'trade' }>): EngineSignal[] {
    const book = this.books.sizes(tick.symbol, this.bookDepth);
    const ts = Date.parse(tick.timestamp);
    try {
      return this.engine.onTick(tick.symbol, ts, tick.price, tick.size, book?.bidSize, book?.askSize);
    } catch (err) {
      // A replay that starts over (or seeks back) rewinds time: start the symbol afresh, so replaying the
      // same data again gives the same signals.
      if (!(err instanceof NativeInputError) || err.code !== 'TIME_WENT_BACKWARDS') throw err;
      this.logger?.info({ symbol: tick.symbol, timestamp: tick.timestamp }, 'time went backwards; symbol state reset');
      this.engine.reset(tick.symbol);
      return this.engine.onTick(tick.symbol, ts, tick.price, tick.size, book?.bidSize, book?.askSize);
    }
  }

  /** The indicators as of this tick, carried on the signals it produced (see SignalIndicators). */
  private snapshot(symbol: string): SignalIndicators | undefined {
    const ind = this.engine.indicators(symbol);
    return ind ? { sma20: ind.smaSlow, rsi14: ind.rsi, atr14: ind.atr, history: ind.history.slice(-240) } : undefined;
  }

  private toMessage(symbol: string, s: EngineSignal, indicators: SignalIndicators | undefined): EmittedSignal {
    return {
      // Deterministic: one signal per symbol, detector and bar.
      id: `${symbol}:${s.detector}:${s.barStart}`,
      symbol,
      score: s.score,
      timestamp: new Date(s.ts).toISOString(),
      detector: s.detector,
      reason: s.reason,
      price: s.price,
      ...(indicators ? { indicators } : {}),
    };
  }
}
