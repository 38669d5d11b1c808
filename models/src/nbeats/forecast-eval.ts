// Scoring forecasts per horizon step against the simple forecasts any model must beat, for
// `npm run eval:forecast`: naive (repeat the last price) and seasonal naive (the price one season before
// the target), MAE / MASE / relative-to-naive per step, and how often a predicted error band covers the
// outcome. Pure functions over windows (data.ts) and prediction arrays; no I/O.
import { NBeatsInputError } from './errors';
import type { Windows } from './data';

/**
 * Seasonal-naive forecast of every window: target t+j is predicted by series[t + j − period], the price
 * one season before it (within the history when period > horizon). Needs targetStart ≥ period.
 */
export function seasonalNaiveForecast(series: ArrayLike<number>, windows: Windows, period: number): Float64Array {
  if (!Number.isInteger(period) || period < windows.horizon) {
    throw new NBeatsInputError('BAD_OPTION', `a seasonal period must be an integer ≥ the horizon (${windows.horizon}), got ${period}`);
  }
  const out = new Float64Array(windows.count * windows.horizon);
  for (let w = 0; w < windows.count; w++) {
    const t = windows.targetStarts[w] as number;
    if (t < period) throw new NBeatsInputError('TOO_SHORT', `window ${w} starts at ${t}, before one season (${period}) of data`);
    for (let j = 0; j < windows.horizon; j++) out[w * windows.horizon + j] = series[t + j - period] as number;
  }
  return out;
}

/** The naive forecast: each window's last history price at every step. */
export function naiveForecast(windows: Windows): Float64Array {
  const out = new Float64Array(windows.count * windows.horizon);
  for (let w = 0; w < windows.count; w++) out.fill(windows.inputs[w * windows.lookback + windows.lookback - 1] as number, w * windows.horizon, (w + 1) * windows.horizon);
  return out;
}

/** MAE at each horizon step j (price units), over all windows. */
export function perStepMae(predicted: ArrayLike<number>, windows: Windows): number[] {
  if (predicted.length !== windows.count * windows.horizon || windows.count === 0) {
    throw new NBeatsInputError('BAD_LENGTH', `need ${windows.count} × ${windows.horizon} predictions (count > 0), got ${predicted.length}`);
  }
  const sums = new Array<number>(windows.horizon).fill(0);
  for (let w = 0; w < windows.count; w++) {
    for (let j = 0; j < windows.horizon; j++) {
      const i = w * windows.horizon + j;
      sums[j] = (sums[j] as number) + Math.abs((predicted[i] as number) - (windows.targets[i] as number));
    }
  }
  return sums.map((s) => s / windows.count);
}

export interface StepScores {
  /** Per horizon step (1-based step = index + 1). */
  mae: number[];
  /** mae / MASE scale (the training segment's mean one-step change). */
  mase: number[];
  /** mae / the naive forecast's mae at the same step: < 1 beats naive. */
  relativeToNaive: number[];
  /** Over all steps: mean mae / scale, and total mae / total naive mae. */
  overall: { mae: number; mase: number; relativeToNaive: number };
}

export function stepScores(predicted: ArrayLike<number>, windows: Windows, maseScale: number): StepScores {
  if (!(maseScale > 0)) throw new NBeatsInputError('BAD_OPTION', `the MASE scale must be > 0, got ${maseScale}`);
  const mae = perStepMae(predicted, windows);
  const naive = perStepMae(naiveForecast(windows), windows);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    mae,
    mase: mae.map((m) => m / maseScale),
    relativeToNaive: mae.map((m, j) => m / (naive[j] as number)),
    overall: { mae: mean(mae), mase: mean(mae) / maseScale, relativeToNaive: mean(mae) / mean(naive) },
  };
}

/**
 * Share of (window, step) pairs whose relative error |pred / actual − 1| lies within `k` × band[w][j]
 * (a band that is right should cover ≈ 68 % at k = 1 and ≈ 95 % at k = 1.96), per step and overall.
 */
export function bandCoverage(predicted: ArrayLike<number>, windows: Windows, band: (w: number, j: number) => number, k: number): { perStep: number[]; overall: number } {
  const hits = new Array<number>(windows.horizon).fill(0);
  for (let w = 0; w < windows.count; w++) {
    for (let j = 0; j < windows.horizon; j++) {
      const i = w * windows.horizon + j;
      if (Math.abs((predicted[i] as number) / (windows.targets[i] as number) - 1) <= k * band(w, j)) hits[j] = (hits[j] as number) + 1;
    }
  }
  const perStep = hits.map((h) => h / windows.count);
  return { perStep, overall: perStep.reduce((a, b) => a + b, 0) / perStep.length };
}
