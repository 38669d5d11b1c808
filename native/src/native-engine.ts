// PatternEngine on the native backend: wraps the napi-rs class, applies the same JS-level
// argument checks as the reference and turns binding errors into NativeInputError. Two
// measured N-API costs shape it: live ticks go through the free function `tickById` with
// an interned symbol id (a class-method call costs ~4x a free-function call in napi-rs 3,
// and passing the symbol string costs more again), and batch signals come back as columns
// that are turned into objects here (N-API object creation costs more than the batch).

import type * as Binding from '../binding';
import { assertBatchArgs, assertSymbolArg, assertTickArgs, normalizeConfig } from './reference/args';
import { DETECTOR_NAMES } from './reference/kinds';
import { translateNativeError } from './native-errors';
import type {
  BatchOutput,
  BatchSignal,
  EngineConfig,
  IndicatorSnapshot,
  PatternEngine,
  ResolvedEngineConfig,
  Signal,
} from './types';

export class NativePatternEngine implements PatternEngine {
  readonly backend = 'native' as const;
  private readonly resolved: Readonly<ResolvedEngineConfig>;
  private readonly binding: typeof Binding;
  private readonly engine: Binding.PatternEngine;
  private readonly handle: ReturnType<Binding.PatternEngine['handle']>;
  /** symbol → id from `symbolId` (ids stay valid across `reset`). */
  private readonly ids = new Map<string, number>();

  constructor(binding: typeof Binding, config?: EngineConfig) {
    const input = normalizeConfig(config);
    this.binding = binding;
    try {
      this.engine = new binding.PatternEngine(input as Binding.EngineConfigInput);
    } catch (err) {
      translateNativeError(err);
    }
    this.handle = this.engine.handle();
    this.resolved = this.engine.config() as ResolvedEngineConfig;
  }

  /** A fresh copy each call, so callers cannot alter the engine's own. */
  config(): ResolvedEngineConfig {
    return { ...this.resolved, indicators: [...this.resolved.indicators], detectors: [...this.resolved.detectors] };
  }

  onTick(symbol: string, ts: number, price: number, size: number, bidSize?: number, askSize?: number): Signal[] {
    assertTickArgs(symbol, ts, price, size, bidSize, askSize);
    try {
      let id = this.ids.get(symbol);
      if (id === undefined) {
        id = this.engine.symbolId(symbol); // validates the symbol first, like onTick(symbol)
        this.ids.set(symbol, id);
      }
      return (this.binding.tickById(this.handle, id, ts, price, size, bidSize, askSize) as Signal[] | null) ?? [];
    } catch (err) {
      return translateNativeError(err);
    }
  }

  runBatch(
    symbol: string,
    ts: Float64Array,
    price: Float64Array,
    size: Float64Array,
    bidSize?: Float64Array,
    askSize?: Float64Array,
    withIndicators = false,
  ): BatchOutput {
    assertBatchArgs(symbol, ts, price, size, bidSize, askSize);
    let out: Binding.BatchColumns;
    try {
      out = this.engine.runBatchColumns(symbol, ts, price, size, bidSize, askSize, withIndicators);
    } catch (err) {
      return translateNativeError(err);
    }
    return { ticks: out.ticks, signals: signalObjects(out.signals), bars: out.bars };
  }

  indicators(symbol: string): IndicatorSnapshot | null {
    assertSymbolArg(symbol);
    return this.engine.indicators(symbol);
  }

  reset(symbol?: string): void {
    if (symbol != null) assertSymbolArg(symbol);
    this.engine.reset(symbol);
  }
}

/** Builds the BatchSignal objects from the binding's signal columns. */
function signalObjects(c: Binding.SignalColumns): BatchSignal[] {
  const n = c.index.length;
  const reasons = n === 0 ? [] : c.reasons.split('\n');
  const signals: BatchSignal[] = new Array<BatchSignal>(n);
  for (let i = 0; i < n; i++) {
    signals[i] = {
      index: c.index[i]!,
      detector: DETECTOR_NAMES[c.detector[i]!]!,
      score: c.score[i]!,
      reason: reasons[i]!,
      ts: c.ts[i]!,
      price: c.price[i]!,
      barStart: c.barStart[i]!,
    };
  }
  return signals;
}
