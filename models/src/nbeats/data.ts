// Training data: sliding windows over a price series, a chronological train/validation/test split
// that cannot leak the future into training, and a seeded synthetic price series with known structure
// (trend × seasonality × noise) on which a working forecaster must beat the naive last-value forecast.
import { assertIntegerOption, assertPositivePrices, NBeatsInputError } from './errors';
import { createRng } from './rng';

/** `count` (history, target) pairs, row-major. */
export interface Windows {
  readonly lookback: number;
  readonly horizon: number;
  readonly count: number;
  /** count × lookback raw prices, oldest first. */
  readonly inputs: Float64Array;
  /** count × horizon raw prices that follow each history. */
  readonly targets: Float64Array;
  /** For each window, the series index of its first target price (its history is the `lookback` before). */
  readonly targetStarts: Uint32Array;
}

function checkSeries(series: ArrayLike<number>): void {
  if (series === null || typeof series !== 'object' || typeof series.length !== 'number') {
    throw new NBeatsInputError('BAD_LENGTH', 'series must be an array of prices');
  }
  assertPositivePrices(series, 'series');
}

/** Windows whose first target index t runs firstTarget, firstTarget + stride, … while t + horizon ≤ end. */
function windowsWithTargetsIn(
  series: ArrayLike<number>,
  lookback: number,
  horizon: number,
  stride: number,
  firstTarget: number,
  end: number,
): Windows {
  const start = Math.max(firstTarget, lookback);
  const count = end - start - horizon < 0 ? 0 : Math.floor((end - start - horizon) / stride) + 1;
  const inputs = new Float64Array(count * lookback);
  const targets = new Float64Array(count * horizon);
  const targetStarts = new Uint32Array(count);
  for (let w = 0; w < count; w++) {
    const t = start + w * stride;
    targetStarts[w] = t;
    for (let i = 0; i < lookback; i++) inputs[w * lookback + i] = series[t - lookback + i] as number;
    for (let j = 0; j < horizon; j++) targets[w * horizon + j] = series[t + j] as number;
  }
  return { lookback, horizon, count, inputs, targets, targetStarts };
}

/**
 * Every window of `lookback` prices followed by `horizon` prices, moving `stride` steps at a time.
 * Refuses non-finite or non-positive prices (the model divides by the last price).
 */
export function makeWindows(series: ArrayLike<number>, lookback: number, horizon: number, stride = 1): Windows {
  checkSeries(series);
  assertIntegerOption(lookback, 'lookback', 1);
  assertIntegerOption(horizon, 'horizon', 1);
  assertIntegerOption(stride, 'stride', 1);
  return windowsWithTargetsIn(series, lookback, horizon, stride, lookback, series.length);
}

export interface SplitOptions {
  readonly lookback: number;
  readonly horizon: number;
  /** Step between training windows (1 = every window). */
  readonly stride?: number;
  /** Step between validation and test windows; default 1, since evaluating is cheap and more windows steady the metrics. */
  readonly heldOutStride?: number;
  /** Share of the series whose prices are validation targets. */
  readonly validationFraction: number;
  /** Share of the series (at its end) whose prices are test targets; 0 for no test split. */
  readonly testFraction: number;
}

export interface ChronologicalSplit {
  readonly train: Windows;
  readonly validation: Windows;
  readonly test: Windows;
  /** Training targets are series[lookback .. trainEnd); validation targets series[trainEnd .. validationEnd); test targets the rest. */
  readonly trainEnd: number;
  readonly validationEnd: number;
}

/**
 * Cuts the series in time, not at random: every validation target comes after every training target,
 * and every test target after every validation target, so no price the model is scored on was a
 * training target. A held-out window's *history* may reach back into the earlier segment: those are
 * prices a forecaster standing at that time would already have observed, exactly as in serving.
 */
export function splitChronologically(series: ArrayLike<number>, options: SplitOptions): ChronologicalSplit {
  checkSeries(series);
  const { lookback, horizon, validationFraction, testFraction } = options;
  const stride = options.stride ?? 1;
  const heldOutStride = options.heldOutStride ?? 1;
  assertIntegerOption(lookback, 'lookback', 1);
  assertIntegerOption(horizon, 'horizon', 1);
  assertIntegerOption(stride, 'stride', 1);
  assertIntegerOption(heldOutStride, 'heldOutStride', 1);
  const fractionOk = (f: number): boolean => Number.isFinite(f) && f >= 0 && f < 1;
  if (!fractionOk(validationFraction) || validationFraction === 0 || !fractionOk(testFraction) || validationFraction + testFraction >= 1) {
    throw new NBeatsInputError(
      'BAD_OPTION',
      `validationFraction must be in (0, 1), testFraction in [0, 1) and their sum < 1; got ${validationFraction} and ${testFraction}`,
    );
  }
  const n = series.length;
  const trainEnd = Math.round(n * (1 - validationFraction - testFraction));
  const validationEnd = Math.round(n * (1 - testFraction));
  const train = windowsWithTargetsIn(series, lookback, horizon, stride, lookback, trainEnd);
  const validation = windowsWithTargetsIn(series, lookback, horizon, heldOutStride, trainEnd, validationEnd);
  const test = windowsWithTargetsIn(series, lookback, horizon, heldOutStride, validationEnd, n);
  if (train.count === 0 || validation.count === 0) {
    throw new NBeatsInputError(
      'TOO_SHORT',
      `a series of ${n} prices gives ${train.count} training and ${validation.count} validation windows of ${lookback}+${horizon}; both need at least one`,
    );
  }
  return { train, validation, test, trainEnd, validationEnd };
}

export interface Seasonality {
  /** Period in steps. */
  readonly period: number;
  /** Amplitude in log-price (0.03 ≈ ±3 %). */
  readonly amplitude: number;
  /** Phase in radians; drawn from the seed when omitted. */
  readonly phase?: number;
}

export interface SyntheticSeriesOptions {
  readonly length: number;
  readonly seed: number;
  /** Price level at step 0 before seasonality and noise. Default 100. */
  readonly startPrice?: number;
  /** Drift of the log price per step. Default 0.0002 (≈ +0.02 % a step). */
  readonly trendPerStep?: number;
  /** Default: periods 20 (±4 %) and 7 (±1.5 %). */
  readonly seasonalities?: readonly Seasonality[];
  /** Standard deviation of independent log-price noise per step. Default 0.003. */
  readonly noise?: number;
  /** Standard deviation of random-walk increments of the log price (unforecastable drift). Default 0. */
  readonly randomWalk?: number;
}

export const DEFAULT_SEASONALITIES: readonly Seasonality[] = [
  { period: 20, amplitude: 0.04 },
  { period: 7, amplitude: 0.015 },
];

/**
 * A positive price series with known structure:
 *   price_t = startPrice · exp(trend·t + Σ_s amplitude_s · sin(2πt/period_s + phase_s) + walk_t + noise·ε_t)
 * with ε_t i.i.d. standard normal and walk_t a random walk with increments of sd `randomWalk`. It is
 * multiplicative (built in log space) so it stays positive at any level. Same options → same series.
 */
export function syntheticSeries(options: SyntheticSeriesOptions): Float64Array {
  const { length, seed } = options;
  const startPrice = options.startPrice ?? 100;
  const trend = options.trendPerStep ?? 0.0002;
  const noise = options.noise ?? 0.003;
  const randomWalk = options.randomWalk ?? 0;
  assertIntegerOption(length, 'length', 1);
  if (!(Number.isFinite(startPrice) && startPrice > 0)) {
    throw new NBeatsInputError('BAD_OPTION', `startPrice must be a finite number > 0, got ${startPrice}`);
  }
  for (const [name, value] of [['trendPerStep', trend], ['noise', noise], ['randomWalk', randomWalk]] as const) {
    if (!Number.isFinite(value) || (name !== 'trendPerStep' && value < 0)) {
      throw new NBeatsInputError('BAD_OPTION', `${name} must be a finite number${name === 'trendPerStep' ? '' : ' ≥ 0'}, got ${value}`);
    }
  }
  const rng = createRng(seed);
  const seasonalities = (options.seasonalities ?? DEFAULT_SEASONALITIES).map((s) => {
    if (!(Number.isFinite(s.period) && s.period > 0 && Number.isFinite(s.amplitude))) {
      throw new NBeatsInputError('BAD_OPTION', `a seasonality needs a period > 0 and a finite amplitude, got ${JSON.stringify(s)}`);
    }
    return { period: s.period, amplitude: s.amplitude, phase: s.phase ?? rng.uniform(0, 2 * Math.PI) };
  });
  const series = new Float64Array(length);
  let walk = 0;
  for (let t = 0; t < length; t++) {
    let logPrice = trend * t + walk + noise * rng.normal();
    for (const s of seasonalities) logPrice += s.amplitude * Math.sin((2 * Math.PI * t) / s.period + s.phase);
    series[t] = startPrice * Math.exp(logPrice);
    walk += randomWalk * rng.normal();
  }
  return series;
}
