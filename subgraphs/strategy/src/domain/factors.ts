// The seed's multi-factor arithmetic (service-map.md §3), one small function per factor so each rule
// and each deliberate deviation is documented where it lives. Operation order matches the Python so
// the floating-point results are bit-for-bit the same.
import type { ForecastRule, StrategyConfig } from './config';
import type { DecisionFactors, FactorContributions } from './types';

/** The seed's `rsi14 or 50`: a missing RSI counts as neutral. */
export const NEUTRAL_RSI = 50;
const RSI_FILTER_NOT_OVERBOUGHT = 1.0;
const RSI_FILTER_OVERBOUGHT = -0.5;

/** Python's `x or fallback` also replaces 0; we additionally replace non-finite values (the seed would propagate NaN). */
function orFallback(value: number | null | undefined, fallback: number): number {
  return value === null || value === undefined || value === 0 || !Number.isFinite(value) ? fallback : value;
}

export function rsiFilter(rsi14: number | null | undefined, rsiOverbought: number): number {
  return orFallback(rsi14, NEUTRAL_RSI) < rsiOverbought ? RSI_FILTER_NOT_OVERBOUGHT : RSI_FILTER_OVERBOUGHT;
}

/** ATR, or the fallback when missing. ATR cannot be negative, so ≤ 0 is treated as missing too. */
export function volatilityOf(atr14: number | null | undefined, fallbackVolatility: number): number {
  return atr14 !== null && atr14 !== undefined && Number.isFinite(atr14) && atr14 > 0 ? atr14 : fallbackVolatility;
}

/**
 * Direction of the model's first forecast step.
 *
 * 'seed': `1 if forecast > 0 else -1`, the Python's rule. It only makes sense if the model forecast a
 * return; N-BEATS is fed raw prices and forecasts price levels, which are always > 0, so under this
 * rule every forecast reads as bullish (and a zero/placeholder forecast as bearish).
 *
 * 'vs_last_price' (default): compare the forecast price with the last observed price: above → +1,
 * below → −1, equal → 0. Without a usable last price there is no reference, so no view (0).
 */
export function forecastDirection(firstForecast: number, lastPrice: number | undefined, rule: ForecastRule): number {
  if (rule === 'seed') return firstForecast > 0 ? 1 : -1;
  if (lastPrice === undefined || !Number.isFinite(lastPrice) || lastPrice <= 0) return 0;
  return Math.sign(firstForecast - lastPrice);
}

export function contributionsOf(factors: DecisionFactors, weights: StrategyConfig['weights']): FactorContributions {
  return {
    signal: factors.signal_score * weights.signal,
    forecast: factors.forecast_direction * factors.forecast_confidence * weights.forecast,
    sentiment: factors.sentiment * weights.sentiment,
    rsi: factors.rsi_filter * weights.rsi,
  };
}

/** Summed left to right like the Python expression, so results match it exactly. */
export function combinedScoreOf(c: FactorContributions): number {
  return c.signal + c.forecast + c.sentiment + c.rsi;
}

/**
 * Seed sizing: int(base × 1/(volatility + offset) × ((|combined| + confidence) / 2)), clamped.
 * Smaller in volatile markets, larger when the score and the model agree strongly.
 */
export function positionSize(combinedScore: number, confidence: number, volatility: number, sizing: StrategyConfig['sizing']): number {
  const volatilityAdjustment = 1.0 / (volatility + sizing.volatilityOffset);
  const confidenceAdjustment = (Math.abs(combinedScore) + confidence) / 2.0;
  const raw = Math.trunc(sizing.basePosition * volatilityAdjustment * confidenceAdjustment);
  // decide() never passes NaN, but clamping NaN would yield NaN shares, so pin it to the minimum.
  if (Number.isNaN(raw)) return sizing.minPosition;
  return Math.max(sizing.minPosition, Math.min(raw, sizing.maxPosition));
}
