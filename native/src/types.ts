// Public types of @aitrader/native's pattern engine, shared by the native wrapper and the
// TypeScript reference so both backends expose exactly the same interface.

import type { DetectorName, IndicatorName } from './reference/kinds';

export type { DetectorName, IndicatorName };

export type Backend = 'native' | 'typescript';

/** Engine configuration; every field optional (defaults in native/README.md). */
export interface EngineConfig {
  /** Bar length in ms (UTC-aligned), integer 1..86_400_000. Default 1000. */
  barMs?: number;
  /** Closes kept in `IndicatorSnapshot.history`. Default 60. */
  historyLength?: number;
  /** Fast SMA period (crossover). Default 10; must be < smaSlowPeriod. */
  smaFastPeriod?: number;
  /** Slow SMA period. Default 20. */
  smaSlowPeriod?: number;
  /** EMA period. Default 20. */
  emaPeriod?: number;
  /** RSI period (Wilder). Default 14. */
  rsiPeriod?: number;
  /** ATR period (Wilder). Default 14. */
  atrPeriod?: number;
  /** Bollinger window. Default 20. */
  bollingerPeriod?: number;
  /** Bollinger width in population standard deviations (> 0). Default 2. */
  bollingerK?: number;
  /** Window of the close-price z-score. Default 20. */
  zscorePeriod?: number;
  /** SMA gap (in ATR) at which a crossover scores ±1 (> 0). Default 0.5. */
  crossoverFullScoreAtr?: number;
  /** RSI oversold level, in (0, 100) and < rsiOverbought. Default 30. */
  rsiOversold?: number;
  /** RSI overbought level, in (0, 100). Default 70. */
  rsiOverbought?: number;
  /** Bars whose high/low a breakout must exceed. Default 20. */
  breakoutBars?: number;
  /** Breakout volume must be ≥ this × the average volume of those bars (≥ 0). Default 1.5. */
  breakoutVolumeFactor?: number;
  /** |close − VWAP| beyond this many ATR fires the VWAP detector (> 0). Default 2. */
  vwapDeviationAtr?: number;
  /** Window of the bar-volume z-score. Default 20. */
  volumeSpikePeriod?: number;
  /** Volume z-score above which a spike fires (> 0). Default 3. */
  volumeSpikeZ?: number;
  /** |book imbalance| above which the imbalance detector fires, in [0, 1). Default 0.6. */
  imbalanceThreshold?: number;
  /** Bars a detector stays silent after firing, integer 0..100_000. Default 5. */
  cooldownBars?: number;
  /** Indicators to maintain. Default: all. */
  indicators?: readonly IndicatorName[];
  /** Detectors to run at each bar close. Default: all. */
  detectors?: readonly DetectorName[];
}

/** The configuration in effect (defaults applied, validated). */
export type ResolvedEngineConfig = {
  [K in Exclude<keyof EngineConfig, 'indicators' | 'detectors'>]-?: number;
} & {
  indicators: IndicatorName[];
  detectors: DetectorName[];
};

/** A scored signal, emitted when a bar closes. */
export interface Signal {
  detector: DetectorName;
  /** In [-1, 1]; positive = bullish. */
  score: number;
  /** Short explanation, identical on both backends. */
  reason: string;
  /** Timestamp of the tick that closed the bar. */
  ts: number;
  /** Close of the bar that produced the signal. */
  price: number;
  /** Start (ms, UTC-aligned) of that bar. */
  barStart: number;
}

/** A signal from `runBatch`, with the index of the tick that produced it. */
export interface BatchSignal extends Signal {
  index: number;
}

/** Closed bars of a batch and the indicators at each close (NaN = not available). */
export interface BarSeries {
  closeIndex: Float64Array;
  start: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  bidSize: Float64Array;
  askSize: Float64Array;
  smaFast: Float64Array;
  smaSlow: Float64Array;
  ema: Float64Array;
  rsi: Float64Array;
  atr: Float64Array;
  /** VWAP the detectors saw at the close (before the closing tick). */
  vwap: Float64Array;
  bollingerUpper: Float64Array;
  bollingerMiddle: Float64Array;
  bollingerLower: Float64Array;
  zscore: Float64Array;
}

export interface BatchOutput {
  /** Ticks processed (the input length). */
  ticks: number;
  signals: BatchSignal[];
  /** Present when `withIndicators` was true. */
  bars: BarSeries | null;
}

/** Current indicators of one symbol; null while not warm or not enabled. */
export interface IndicatorSnapshot {
  symbol: string;
  /** Timestamp and price of the last tick. */
  ts: number;
  lastPrice: number;
  barsClosed: number;
  smaFast: number | null;
  smaSlow: number | null;
  ema: number | null;
  rsi: number | null;
  atr: number | null;
  /** VWAP of the current UTC day, as of the last tick. */
  vwap: number | null;
  bollingerUpper: number | null;
  bollingerMiddle: number | null;
  bollingerLower: number | null;
  zscore: number | null;
  /** Closes of the last `historyLength` closed bars, oldest first. */
  history: number[];
}

/** The pattern engine, identical on the native and TypeScript backends. */
export interface PatternEngine {
  readonly backend: Backend;
  /** The configuration in effect (defaults applied). */
  config(): ResolvedEngineConfig;
  /** Live path: one trade tick; returns the signals of the bar it closed (usually none). */
  onTick(symbol: string, ts: number, price: number, size: number, bidSize?: number, askSize?: number): Signal[];
  /** Replays / backtests: validates the whole batch, then processes it (continuing live state). */
  runBatch(
    symbol: string,
    ts: Float64Array,
    price: Float64Array,
    size: Float64Array,
    bidSize?: Float64Array,
    askSize?: Float64Array,
    withIndicators?: boolean,
  ): BatchOutput;
  /** Current indicators of `symbol`, or null if it has had no tick (since a reset). */
  indicators(symbol: string): IndicatorSnapshot | null;
  /** Forgets one symbol's state, or every symbol's. */
  reset(symbol?: string): void;
}

/** Aliases under the names the signals service imports. */
export type EngineConfigInput = EngineConfig;
export type PatternEngineApi = PatternEngine;
export type EngineSignal = Signal;
