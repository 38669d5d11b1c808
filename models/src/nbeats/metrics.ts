// Forecast accuracy on held-out windows: MAE, RMSE, MASE, the naive last-value baseline and the
// per-horizon-step relative RMSE that the serving side turns into a confidence.
//
// MASE (Hyndman & Koehler 2006): MAE of the forecasts divided by the in-sample MAE of the naive
// one-step forecast, i.e. mean_t |y_t − y_{t−1}| over the *training* segment of the series, in price
// units. So MASE < 1 means the h-step forecasts err less, on average, than yesterday's price did as a
// forecast of today's in the training data. It is not the same question as "beats repeating the last
// price over the whole horizon"; that one is `relativeToNaive` = mae / naiveMae on the same windows.
// Caveat: on a series whose level drifts a lot, price-unit errors grow with the level, so a test
// segment at a higher level than the training segment reads as a higher MASE; relativeToNaive and the
// relative per-step errors are scale-free.
import { NBeatsInputError } from './errors';
import type { Windows } from './data';

export interface ForecastMetrics {
  /** Number of windows scored. */
  readonly count: number;
  /** Mean absolute error in price units, over all windows and horizon steps. */
  readonly mae: number;
  /** Root mean squared error in price units. */
  readonly rmse: number;
  /** mae / maseScale (see the file comment); NaN when maseScale is 0. */
  readonly mase: number;
  /** In-sample naive one-step MAE of the training segment: the MASE denominator. */
  readonly maseScale: number;
  /** MAE of repeating each window's last observed price over the horizon. */
  readonly naiveMae: number;
  /** mae / naiveMae: below 1 means the model beats the naive last-value forecast. */
  readonly relativeToNaive: number;
  /** For each horizon step j: sqrt(mean over windows of (pred_j / actual_j − 1)²). */
  readonly perStepRelativeRmse: number[];
}

function checkSameLength(predicted: ArrayLike<number>, actual: ArrayLike<number>): void {
  if (predicted.length !== actual.length || actual.length === 0) {
    throw new NBeatsInputError('BAD_LENGTH', `need as many predictions as actual values (> 0); got ${predicted.length} and ${actual.length}`);
  }
}

export function meanAbsoluteError(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  checkSameLength(predicted, actual);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs((predicted[i] as number) - (actual[i] as number));
  return sum / actual.length;
}

export function rootMeanSquaredError(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  checkSameLength(predicted, actual);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = (predicted[i] as number) - (actual[i] as number);
    sum += e * e;
  }
  return Math.sqrt(sum / actual.length);
}

/** The MASE denominator: mean |y_t − y_{t−1}| over the given (in-sample, i.e. training) series. */
export function naiveOneStepMae(series: ArrayLike<number>): number {
  if (series.length < 2) throw new NBeatsInputError('TOO_SHORT', 'the naive one-step MAE needs at least 2 prices');
  let sum = 0;
  for (let t = 1; t < series.length; t++) sum += Math.abs((series[t] as number) - (series[t - 1] as number));
  return sum / (series.length - 1);
}

export function meanAbsoluteScaledError(predicted: ArrayLike<number>, actual: ArrayLike<number>, scale: number): number {
  if (!(scale > 0)) throw new NBeatsInputError('BAD_OPTION', `the MASE scale must be > 0 (a constant training series has none), got ${scale}`);
  return meanAbsoluteError(predicted, actual) / scale;
}

/** The naive forecast of every window: its last observed price repeated over the horizon (count × horizon). */
export function naiveLastValueForecast(windows: Windows): Float64Array {
  const { count, lookback, horizon, inputs } = windows;
  const out = new Float64Array(count * horizon);
  for (let w = 0; w < count; w++) out.fill(inputs[w * lookback + lookback - 1] as number, w * horizon, (w + 1) * horizon);
  return out;
}

/** Relative RMSE at each horizon step: sqrt(mean_w (pred[w, j] / actual[w, j] − 1)²) for j = 0 … horizon−1. */
export function perStepRelativeRmse(predicted: ArrayLike<number>, actual: ArrayLike<number>, horizon: number): number[] {
  checkSameLength(predicted, actual);
  const count = actual.length / horizon;
  if (!Number.isInteger(count)) throw new NBeatsInputError('BAD_LENGTH', `${actual.length} values are not whole rows of ${horizon}`);
  const sums = new Array<number>(horizon).fill(0);
  for (let w = 0; w < count; w++) {
    for (let j = 0; j < horizon; j++) {
      const i = w * horizon + j;
      const e = (predicted[i] as number) / (actual[i] as number) - 1;
      sums[j] = (sums[j] as number) + e * e;
    }
  }
  return sums.map((s) => Math.sqrt(s / count));
}

/** Every metric of `predictions` (count × horizon) on `windows`, with `maseScale` from the training segment. */
export function evaluateForecasts(windows: Windows, predictions: ArrayLike<number>, maseScale: number): ForecastMetrics {
  if (windows.count === 0) throw new NBeatsInputError('TOO_SHORT', 'no windows to evaluate');
  const mae = meanAbsoluteError(predictions, windows.targets);
  const naiveMae = meanAbsoluteError(naiveLastValueForecast(windows), windows.targets);
  return {
    count: windows.count,
    mae,
    rmse: rootMeanSquaredError(predictions, windows.targets),
    // A constant training series has no naive error to scale by; NaN rather than a throw after training.
    mase: maseScale > 0 ? mae / maseScale : NaN,
    maseScale,
    naiveMae,
    relativeToNaive: mae / naiveMae,
    perStepRelativeRmse: perStepRelativeRmse(predictions, windows.targets, windows.horizon),
  };
}
