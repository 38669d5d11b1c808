// The public TS forward pass: raw price histories in, raw price forecasts out, after checking every
// input so a bad history fails with a clear NBeatsInputError instead of a NaN forecast.
import { assertPositivePrices, NBeatsInputError } from './errors';
import type { NBeatsModel } from './model';
import { forecastFlat } from './network';

/**
 * Forecasts `model.config.horizon` prices after each history. Each history must hold exactly
 * `lookback` finite prices > 0, oldest first.
 */
export function predict(model: NBeatsModel, histories: ReadonlyArray<ArrayLike<number>>): number[][] {
  const { lookback, horizon } = model.config;
  if (!Array.isArray(histories)) {
    throw new NBeatsInputError('BAD_LENGTH', 'histories must be an array of price histories');
  }
  const flat = new Float64Array(histories.length * lookback);
  histories.forEach((history, index) => {
    if (history === null || typeof history !== 'object' || typeof history.length !== 'number') {
      throw new NBeatsInputError('BAD_LENGTH', `history ${index} is not an array of prices`);
    }
    if (history.length !== lookback) {
      throw new NBeatsInputError('BAD_LENGTH', `history ${index} has ${history.length} prices; the model needs exactly ${lookback}`);
    }
    assertPositivePrices(history, `history ${index}`);
    for (let i = 0; i < lookback; i++) flat[index * lookback + i] = history[i] as number;
  });
  const out = forecastFlat(model, flat, histories.length);
  return Array.from({ length: histories.length }, (_, r) => Array.from(out.subarray(r * horizon, (r + 1) * horizon)));
}
