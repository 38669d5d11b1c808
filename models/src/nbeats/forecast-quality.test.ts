// The forecaster learns: on a synthetic series with known structure (trend × two seasonal cycles ×
// noise), a small model trained here in a few seconds beats the naive last-value forecast on the
// held-out test split — and on a second series it never saw — by MAE relative to naive and by MASE
// (Hyndman: test MAE over the training segment's in-sample naive one-step MAE, see metrics.ts).
import { makeWindows, syntheticSeries } from './data';
import { evaluateForecasts, naiveOneStepMae } from './metrics';
import { predict } from './predict';
import { train, type TrainResult } from './train';

describe('N-BEATS on a series with known structure', () => {
  const series = syntheticSeries({ length: 3000, seed: 7 });
  let result: TrainResult;

  beforeAll(() => {
    // ~2000 training windows of the platform's 60 → 10 shape; 1.5–3 s on one core.
    result = train({ series, lookback: 60, horizon: 10, blocks: 2, layersPerBlock: 2, hiddenSize: 32, epochs: 15, batchSize: 64, seed: 1 });
  });

  it('beats the naive last-value forecast on the test split', () => {
    const test = result.metrics.test!;
    expect(test.count).toBeGreaterThan(100);
    expect(test.relativeToNaive).toBeLessThan(1);
    expect(test.mase).toBeLessThan(1);
    // Not a marginal win: the structure is learnable, the naive forecast ignores it.
    expect(test.relativeToNaive).toBeLessThan(0.5);
  });

  it('reports a finite validation error for each horizon step', () => {
    const steps = result.metrics.validation.perStepRelativeRmse;
    expect(steps).toHaveLength(10);
    expect(steps.every((e) => Number.isFinite(e) && e > 0)).toBe(true);
  });

  it('beats the naive forecast on a series from another seed that training never saw', () => {
    const unseen = syntheticSeries({ length: 1200, seed: 99, startPrice: 3000 });
    const windows = makeWindows(unseen, 60, 10, 1);
    const histories = Array.from({ length: windows.count }, (_, w) => windows.inputs.subarray(w * 60, (w + 1) * 60));
    const forecasts = predict(result.model, histories).flat();
    const metrics = evaluateForecasts(windows, forecasts, naiveOneStepMae(unseen));
    expect(metrics.relativeToNaive).toBeLessThan(1);
    expect(metrics.mase).toBeLessThan(1);
  });

  it('errs more further ahead when part of the series is an unforecastable random walk', () => {
    // What the served confidence relies on: per-step errors that grow with the step when the future
    // is partly unknowable (on the series above, noise is i.i.d. and the error is nearly flat).
    const walking = syntheticSeries({ length: 3000, seed: 7, randomWalk: 0.002 });
    const walkResult = train({ series: walking, lookback: 60, horizon: 10, blocks: 2, layersPerBlock: 2, hiddenSize: 32, epochs: 15, seed: 1 });
    const steps = walkResult.metrics.validation.perStepRelativeRmse;
    expect(steps[9]!).toBeGreaterThan(steps[0]! * 1.2);
    expect(walkResult.metrics.test!.relativeToNaive).toBeLessThan(1);
  });
});
