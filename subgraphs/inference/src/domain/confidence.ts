// Per-step forecast confidence: how likely the price at step h ends up on the side of the last price
// the forecast says, given the model's validation error, its skill over naive and the input's volatility.
import { InferenceModelError } from './errors';
import type { ValidationMetrics } from './model';

/** Confidence never reaches 0 or 1: [ε, 1 − ε). */
export const CONFIDENCE_EPSILON = 0.001;
/** Smallest relative error band (1 ppm), so a zero-error model on a flat series cannot divide by zero. */
export const MIN_ERROR_BAND = 1e-6;
/** tanh(K·z) is the logistic approximation of 2Φ(z) − 1 (Φ(z) ≈ 1 / (1 + e^(−1.702 z)), within 0.01). */
const K = 1.702 / 2;

export interface StepConfidenceInput {
  /** Predicted relative move at this step: forecast_h / lastPrice − 1. */
  move: number;
  /** The model's validation RMSE of pred/actual − 1 at this step. */
  stepRelRmse: number;
  /** Validation MAE / naive last-value MAE. */
  relativeToNaive: number;
  /** Realised volatility of the input: standard deviation of one-step log returns. */
  volatility: number;
  /** 1-based horizon step. */
  step: number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Model skill over the naive last-value forecast: 0 when it does not beat naive, → 1 as its error → 0. */
export function skillOverNaive(relativeToNaive: number): number {
  return clamp(1 - relativeToNaive, 0, 1);
}

/**
 * The relative error to expect at step h on this input: the larger of two estimates of the same thing,
 *   - the model's validation error at h, stepRelRmse_h, averaged over the validation period's regimes;
 *   - what naive would lose now, σ·√h (a random walk's spread after h steps at the input's realised
 *     volatility σ), times the model's error ratio to naive, relativeToNaive.
 * Taking the larger means a calm validation period cannot make a volatile present look certain.
 */
export function errorBand(input: Pick<StepConfidenceInput, 'stepRelRmse' | 'relativeToNaive' | 'volatility' | 'step'>): number {
  const regimeError = input.relativeToNaive * input.volatility * Math.sqrt(input.step);
  return Math.max(input.stepRelRmse, regimeError, MIN_ERROR_BAND);
}

/**
 * confidence_h = ε + (1 − 2ε) · skill · tanh(K · z_h), with
 *   z_h   = |forecast_h / lastPrice − 1| / errorBand_h   (predicted move in units of the expected error)
 *   skill = clamp(1 − relativeToNaive, 0, 1)
 *   K     = 0.851, ε = 0.001.
 *
 * Reading: if the realised relative error pred/actual − 1 is roughly N(0, errorBand_h²), the price at
 * step h lands on the predicted side of the last price with probability Φ(z_h); 2Φ(z_h) − 1 ≈ tanh(K·z_h)
 * rescales that so a coin flip is 0. A move inside the error band (z < 1) therefore gets at most ~0.69,
 * a flat forecast gets ε. Multiplying by the skill discounts a model that barely beats naive (and zeroes,
 * to ε, one that does not). The result is in [ε, 1 − ε) ⊂ (0, 1). It never rises when stepRelRmse_h,
 * relativeToNaive or the input's volatility rise (volatility counts once the skill-scaled naive spread
 * exceeds the validation error) and never falls when the predicted move grows, up or down alike.
 */
export function stepConfidence(input: StepConfidenceInput): number {
  const z = Math.abs(input.move) / errorBand(input);
  const raw = skillOverNaive(input.relativeToNaive) * Math.tanh(K * z);
  return CONFIDENCE_EPSILON + (1 - 2 * CONFIDENCE_EPSILON) * raw;
}

/** Sample standard deviation of one-step log returns; 0 for fewer than two returns. */
export function realisedVolatility(history: readonly number[]): number {
  const returns: number[] = [];
  for (let i = 1; i < history.length; i += 1) {
    const prev = history[i - 1];
    const next = history[i];
    if (prev !== undefined && next !== undefined) returns.push(Math.log(next / prev));
  }
  if (returns.length < 2) return 0;
  const mean = returns.reduce((sum, r) => sum + r, 0) / returns.length;
  const variance = returns.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (returns.length - 1);
  return Math.sqrt(variance);
}

export interface ForecastConfidenceInput {
  /** The validated input window (positive prices, oldest first); its last value is the reference price. */
  history: readonly number[];
  /** The forecast prices, step 1 first. */
  forecast: readonly number[];
  metrics: ValidationMetrics;
}

/** One confidence per forecast step (see stepConfidence). Throws BAD_METRICS if a step has no validation error. */
export function forecastConfidence({ history, forecast, metrics }: ForecastConfidenceInput): number[] {
  const lastPrice = history[history.length - 1];
  if (lastPrice === undefined || !(lastPrice > 0)) {
    throw new RangeError('forecastConfidence needs a history ending in a positive price');
  }
  const volatility = realisedVolatility(history);
  return forecast.map((price, i) => {
    const stepRelRmse = metrics.stepRelRmse[i];
    if (stepRelRmse === undefined) {
      throw new InferenceModelError('BAD_METRICS', `no validation stepRelRmse for horizon step ${i + 1} (have ${metrics.stepRelRmse.length})`);
    }
    return stepConfidence({ move: price / lastPrice - 1, stepRelRmse, relativeToNaive: metrics.relativeToNaive, volatility, step: i + 1 });
  });
}
