// The TypeScript reference PatternEngine; mirror of native/core/src/engine/mod.rs (same
// validation order, same batch atomicity: a bad batch leaves the state untouched).

import type { BatchOutput, BatchSignal, EngineConfig, IndicatorSnapshot, PatternEngine, ResolvedEngineConfig, Signal } from '../../types';
import { assertBatchArgs, assertSymbolArg, assertTickArgs, normalizeConfig } from '../args';
import { resolveConfig } from '../config';
import { emptyInput, lengthMismatch, timeBackwards } from '../errors';
import { checkSymbol, checkTick } from '../validate';
import { BarRows } from './bar-rows';
import { SymbolState } from './symbol-state';

export class ReferencePatternEngine implements PatternEngine {
  readonly backend = 'typescript' as const;
  private readonly resolved: Readonly<ResolvedEngineConfig>;
  private readonly states = new Map<string, SymbolState>();

  constructor(config?: EngineConfig) {
    this.resolved = resolveConfig(normalizeConfig(config));
  }

  private state(symbol: string): SymbolState {
    let state = this.states.get(symbol);
    if (state === undefined) {
      state = new SymbolState(this.resolved);
      this.states.set(symbol, state);
    }
    return state;
  }

  /** A fresh copy each call, so callers cannot alter the engine's own. */
  config(): ResolvedEngineConfig {
    return { ...this.resolved, indicators: [...this.resolved.indicators], detectors: [...this.resolved.detectors] };
  }

  onTick(symbol: string, ts: number, price: number, size: number, bidSize?: number, askSize?: number): Signal[] {
    assertTickArgs(symbol, ts, price, size, bidSize, askSize);
    const bid = bidSize ?? undefined; // null counts as absent, as in the native binding
    const ask = askSize ?? undefined;
    checkSymbol(symbol);
    checkTick(undefined, ts, price, size, bid, ask);
    const state = this.state(symbol);
    state.checkTime(undefined, ts);
    const signals: Signal[] = [];
    state.processTick(ts, price, size, bid, ask, signals);
    return signals;
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
    const bid = bidSize ?? undefined;
    const ask = askSize ?? undefined;
    checkSymbol(symbol);
    const existing = this.states.get(symbol);
    validateBatch(existing?.hasTick ? existing.lastTs : undefined, ts, price, size, bid, ask);
    const state = existing ?? this.state(symbol);
    const signals: BatchSignal[] = [];
    const rows = withIndicators ? new BarRows() : undefined;
    const scratch: Signal[] = [];
    for (let i = 0; i < ts.length; i++) {
      const closed = state.processTick(ts[i]!, price[i]!, size[i]!, bid?.[i], ask?.[i], scratch);
      if (!closed) continue;
      for (const s of scratch) signals.push({ index: i, ...s });
      scratch.length = 0;
      if (rows !== undefined) state.pushRow(rows, i);
    }
    return { ticks: ts.length, signals, bars: rows === undefined ? null : rows.toSeries() };
  }

  indicators(symbol: string): IndicatorSnapshot | null {
    assertSymbolArg(symbol);
    const state = this.states.get(symbol);
    if (state === undefined || !state.hasTick) return null;
    const v = state.values();
    return {
      symbol,
      ts: state.lastTs,
      lastPrice: state.lastPrice,
      barsClosed: state.barsClosed,
      smaFast: v.smaFast ?? null,
      smaSlow: v.smaSlow ?? null,
      ema: v.ema ?? null,
      rsi: v.rsi ?? null,
      atr: v.atr ?? null,
      vwap: v.vwap ?? null,
      bollingerUpper: v.bollingerUpper ?? null,
      bollingerMiddle: v.bollingerMiddle ?? null,
      bollingerLower: v.bollingerLower ?? null,
      zscore: v.zscore ?? null,
      history: state.history.toChronologicalArray(),
    };
  }

  reset(symbol?: string): void {
    if (symbol != null) assertSymbolArg(symbol);
    if (symbol == null) this.states.clear();
    else this.states.delete(symbol);
  }
}

/** Checks a whole batch: lengths (vs ts), emptiness, then each tick's fields and time order. */
function validateBatch(
  lastTs: number | undefined,
  ts: Float64Array,
  price: Float64Array,
  size: Float64Array,
  bidSize: Float64Array | undefined,
  askSize: Float64Array | undefined,
): void {
  const n = ts.length;
  const columns: Array<[string, Float64Array | undefined]> = [
    ['price', price],
    ['size', size],
    ['bidSize', bidSize],
    ['askSize', askSize],
  ];
  for (const [field, column] of columns) {
    if (column !== undefined && column.length !== n) throw lengthMismatch(field, n, column.length);
  }
  if (n === 0) throw emptyInput();
  let last = lastTs;
  for (let i = 0; i < n; i++) {
    const t = ts[i]!;
    checkTick(i, t, price[i]!, size[i]!, bidSize?.[i], askSize?.[i]);
    if (last !== undefined && t < last) throw timeBackwards(i, t, last);
    last = t;
  }
}
