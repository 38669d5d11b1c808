// Application layer of the signals service: feeds ticks to the pattern engine (Rust binding, or the
// TypeScript reference where it is absent), then stores each signal and publishes it to the `signals`
// stream and the seed's `signals` pub/sub channel. Knows nothing of GraphQL.
import { backend, createPatternEngine, NativeInputError, type EngineConfig, type PatternEngine, type Signal as EngineSignal } from '@aitrader/native';
import type { Logger, Signal, SignalIndicators, StreamPublisher, Tick } from '@aitrader/platform';
import type { SignalsStore } from './storage/signals-store';

export type EmittedSignal = Signal & { id: string; detector: string; reason: string };

/** Stream entry ids ("ms-seq") compared numerically: redelivered entries must not update state twice. */
function entryAfter(a: string, b: string | undefined): boolean {
  if (b === undefined) return true;
  const [am, as] = a.split('-').map(Number) as [number, number];
  const [bm, bs] = b.split('-').map(Number) as [number, number];
  return am > bm || (am === bm && as > bs);
}

export class SignalEngineService {
  readonly backend = backend;
  private engine: PatternEngine;
  private readonly topOfBook = new Map<string, { bidSize: number; askSize: number }>();
  private readonly lastEntry = new Map<string, string>();
  /** Signals of the last processed entry, re-published if that entry is redelivered. */
  private lastOutput?: { entryId: string; signals: EmittedSignal[] };
  emitted = 0;

  constructor(
    private readonly publisher: StreamPublisher,
    private readonly store: SignalsStore,
    private readonly logger?: Logger,
    config: EngineConfig = {},
  ) {
    this.engine = createPatternEngine(config);
  }

  currentConfig() {
    return this.engine.config();
  }

  /** Replaces the parameters (validated by building the engine); all symbol state restarts. */
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
    if (tick.kind === 'quote') {
      this.topOfBook.set(tick.symbol, { bidSize: tick.bidSize, askSize: tick.askSize });
      return [];
    }
    if (tick.kind !== 'trade') return [];
    let signals: EmittedSignal[];
    if (this.lastOutput?.entryId === entryId) {
      signals = this.lastOutput.signals; // redelivery after a failed publish: state already advanced
    } else if (!entryAfter(entryId, this.lastEntry.get(tick.symbol))) {
      return []; // already processed and published
    } else {
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

  private run(tick: Extract<Tick, { kind: 'trade' }>): EngineSignal[] {
    const book = this.topOfBook.get(tick.symbol);
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
