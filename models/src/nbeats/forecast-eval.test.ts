// The evaluation's scoring: seasonal-naive reads one season back, naive scores 1 relative to itself,
// per-step MAE/MASE are what they say on a hand-computed case, and band coverage counts hits per step.
import { makeWindows } from './data';
import { bandCoverage, naiveForecast, perStepMae, seasonalNaiveForecast, stepScores } from './forecast-eval';

const series = Float64Array.from({ length: 40 }, (_, t) => 100 + (t % 5) + t * 0.1);
const windows = makeWindows(series, 10, 3);

describe('forecast evaluation', () => {
  it('seasonal naive predicts target t+j by the price one period earlier; it refuses too short a history', () => {
    const f = seasonalNaiveForecast(series, windows, 5);
    for (let w = 0; w < windows.count; w++) {
      const t = windows.targetStarts[w]!;
      for (let j = 0; j < 3; j++) expect(f[w * 3 + j]).toBe(series[t + j - 5]);
    }
    expect(() => seasonalNaiveForecast(series, windows, 2)).toThrow('≥ the horizon');
    expect(() => seasonalNaiveForecast(series, windows, 20)).toThrow('before one season');
  });

  it('naive repeats the last history price and scores exactly 1 relative to naive', () => {
    const naive = naiveForecast(windows);
    expect(naive[0]).toBe(series[9]);
    expect(naive[2]).toBe(series[9]);
    const s = stepScores(naive, windows, 1);
    expect(s.relativeToNaive).toEqual([1, 1, 1]);
    expect(s.overall.relativeToNaive).toBe(1);
  });

  it('per-step MAE and MASE on a hand-computed case', () => {
    const one = makeWindows(Float64Array.of(1, 2, 3, 5, 8), 2, 3); // history [1, 2], targets [3, 5, 8]
    const predicted = Float64Array.of(3, 4, 4);
    expect(perStepMae(predicted, one)).toEqual([0, 1, 4]);
    const s = stepScores(predicted, one, 2);
    expect(s.mase).toEqual([0, 0.5, 2]);
    expect(s.relativeToNaive).toEqual([0, 1 / 3, 4 / 6]);
    expect(s.overall).toEqual({ mae: 5 / 3, mase: 5 / 6, relativeToNaive: 5 / 10 });
    expect(() => perStepMae(Float64Array.of(1), one)).toThrow('predictions');
  });

  it('band coverage counts |pred / actual − 1| ≤ k · band per step', () => {
    const one = makeWindows(Float64Array.of(1, 2, 4, 5, 10), 2, 3); // targets [4, 5, 10]
    const predicted = Float64Array.of(4, 5.5, 12); // relative errors 0, 0.1, 0.2
    expect(bandCoverage(predicted, one, () => 0.15, 1).perStep).toEqual([1, 1, 0]);
    expect(bandCoverage(predicted, one, () => 0.15, 2).perStep).toEqual([1, 1, 1]);
    expect(bandCoverage(predicted, one, (_, j) => (j === 0 ? 0 : 1), 1).overall).toBe(1);
  });
});
