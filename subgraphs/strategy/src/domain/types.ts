// Shapes that go into and come out of the strategy's pure decision: what the service layer gathers
// (signal, indicators, model outputs) and the explained Decision it gets back.
import type { ForecastRule } from './config';

export type Side = 'BUY' | 'SELL';

export interface SignalInput {
  symbol: string;
  score: number;
  /** ISO-8601 time the signal was produced (the signals subgraph's DateTime). */
  timestamp: string;
  id?: string;
}

export interface IndicatorsInput {
  sma20: number | null;
  rsi14: number | null;
  atr14: number | null;
  /** Recent closes, oldest first; the last element is the reference "last price". */
  history: readonly number[];
}

export interface ForecastInput {
  forecast: readonly number[];
  confidence: readonly number[];
}

/** Which inputs actually arrived; null inputs are reported as unavailable rather than silently zeroed. */
export interface DecisionSources {
  forecast: 'model' | 'unavailable';
  sentiment: 'service' | 'unavailable';
  indicators: 'signals' | 'unavailable';
}

/** The seed's factor dictionary, keys kept in snake_case so stored/logged factors match the Python's. */
export interface DecisionFactors {
  signal_score: number;
  /** +1 bullish, −1 bearish, 0 no view (forecast unavailable or equal to the last price). */
  forecast_direction: number;
  forecast_confidence: number;
  sentiment: number;
  rsi_filter: number;
  volatility: number;
}

/** Each factor's weighted share of combinedScore; they sum to it. */
export interface FactorContributions {
  signal: number;
  forecast: number;
  sentiment: number;
  rsi: number;
}

interface DecisionBase {
  symbol: string;
  signalId: string | undefined;
  signalTimestamp: string;
  factors: DecisionFactors;
  contributions: FactorContributions;
  combinedScore: number;
  sources: DecisionSources;
  forecastRule: ForecastRule;
  /** Human explanation, e.g. "skipped: |score| 0.12 < 0.3". */
  reason: string;
}

export interface TradeDecision extends DecisionBase {
  action: Side;
  side: Side;
  quantity: number;
}

export interface NoTradeDecision extends DecisionBase {
  /** SKIP: the signal was too weak (or invalid) to consider; HOLD: considered, score inside the thresholds. */
  action: 'SKIP' | 'HOLD';
  side: null;
  quantity: 0;
}

export type Decision = TradeDecision | NoTradeDecision;
