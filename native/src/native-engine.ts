// PatternEngine on the native backend: wraps the napi-rs class, applies the same JS-level
// argument checks as the reference and turns binding errors into NativeInputError. Measured
// N-API costs shape it: a live tick is written into the thread's tick slot (a Float64Array
// over Rust memory) and `tickFromSlot()` is called without arguments, since converting
// arguments costs more than the engine's work (see binding/src/live_slot.rs; `tickById`
// with an interned symbol id where the runtime cannot share the slot), and batch signals
// come back as columns that are turned into objects here (N-API object creation costs more
// than the batch).

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
  /** This engine's number in the tick slot's registry. */
  private readonly slotNumber: number;
  private readonly slot: Float64Array | undefined;

  constructor(binding: typeof Binding, config?: EngineConfig) {
    const input = normalizeConfig(config);
    this.binding = binding;
    try {
      this.engine = new binding.PatternEngine(input as Binding.EngineConfigInput);
    } catch (err) {
      translateNativeError(err);
    }
    this.handle = this.engine.handle();
    this.slotNumber = this.engine.slotNumber();
    this.slot = sharedSlot(binding);
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
      const slot = this.slot;
      if (slot === undefined) {
        return (this.binding.tickById(this.handle, id, ts, price, size, bidSize, askSize) as Signal[] | null) ?? [];
      }
      slot[0] = this.slotNumber;
      slot[1] = id;
      slot[2] = ts;
      slot[3] = price;
      slot[4] = size;
      let present = 0;
      if (bidSize != null) {
        slot[5] = bidSize;
        present |= 1;
      }
      if (askSize != null) {
        slot[6] = askSize;
        present |= 2;
      }
      slot[7] = present;
      return (this.binding.tickFromSlot() as Signal[] | null) ?? [];
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

const slots = new WeakMap<object, Float64Array | null>();

/**
 * The binding's tick slot for this thread, or undefined where the runtime copies external
 * buffers (then a write here would not reach Rust): a value written from JS must read back
 * from Rust.
 */
function sharedSlot(binding: typeof Binding): Float64Array | undefined {
  let slot = slots.get(binding);
  if (slot === undefined) {
    const candidate = binding.tickSlot();
    const probe = binding.tickSlotProbe() + 1; // differs from what Rust holds now
    candidate[0] = probe;
    slot = binding.tickSlotProbe() === probe ? candidate : null;
    slots.set(binding, slot);
  }
  return slot ?? undefined;
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
