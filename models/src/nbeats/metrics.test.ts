// Metric definitions on hand-computed examples.
import { makeWindows } from './data';
import {
  evaluateForecasts,
  meanAbsoluteError,
  meanAbsoluteScaledError,
  naiveLastValueForecast,
  naiveOneStepMae,
  perStepRelativeRmse,
  rootMeanSquaredError,
} from './metrics';

describe('metrics', () => {
  it('computes MAE, RMSE and MASE', () => {
    expect(meanAbsoluteError([1, 2, 3], [2, 2, 5])).toBeCloseTo(1);
    expect(rootMeanSquaredError([1, 2, 3], [2, 2, 5])).toBeCloseTo(Math.sqrt(5 / 3));
    // In-sample naive one-step MAE of 10, 12, 11, 15: (2 + 1 + 4) / 3.
    expect(naiveOneStepMae([10, 12, 11, 15])).toBeCloseTo(7 / 3);
    expect(meanAbsoluteScaledError([1, 2, 3], [2, 2, 5], 0.5)).toBeCloseTo(2);
  });

  it('gives relative RMSE per horizon step', () => {
    // Two windows, horizon 2: step 0 errs by +10 % and −10 %, step 1 by 0 and +20 %.
    const steps = perStepRelativeRmse([110, 100, 90, 120], [100, 100, 100, 100], 2);
    expect(steps[0]).toBeCloseTo(0.1);
    expect(steps[1]).toBeCloseTo(Math.sqrt(0.04 / 2));
  });

  it('scores the naive forecast at exactly 1 relative to naive, and a perfect one at 0', () => {
    const series = [10, 11, 12, 11, 13, 14, 13, 15, 16];
    const windows = makeWindows(series, 3, 2, 1);
    const naive = naiveLastValueForecast(windows);
    expect(Array.from(naive.subarray(0, 2))).toEqual([12, 12]);
    const scale = naiveOneStepMae(series);
    expect(evaluateForecasts(windows, naive, scale).relativeToNaive).toBe(1);
    const perfect = evaluateForecasts(windows, windows.targets, scale);
    expect(perfect.mae).toBe(0);
    expect(perfect.mase).toBe(0);
    expect(perfect.relativeToNaive).toBe(0);
    expect(perfect.perStepRelativeRmse).toEqual([0, 0]);
    expect(perfect.count).toBe(windows.count);
  });
});
