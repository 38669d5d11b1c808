// Training is deterministic from its seed, reports progress per epoch, and stops early on a flat
// validation loss while keeping the best epoch's weights.
import { syntheticSeries } from './data';
import { predict } from './predict';
import { train, type TrainOptions, type TrainProgress } from './train';

const series = syntheticSeries({ length: 700, seed: 3 });
const tiny: TrainOptions = { series, lookback: 20, horizon: 5, blocks: 2, layersPerBlock: 2, hiddenSize: 16, epochs: 3, batchSize: 32 };

describe('train', () => {
  it('gives bit-identical weights and metrics for the same seed, and different ones for another seed', () => {
    const a = train({ ...tiny, seed: 11 });
    const b = train({ ...tiny, seed: 11 });
    const c = train({ ...tiny, seed: 12 });
    expect(Buffer.from(a.model.params.buffer).equals(Buffer.from(b.model.params.buffer))).toBe(true);
    expect(a.metrics).toEqual(b.metrics);
    expect(a.history).toEqual(b.history);
    expect(Buffer.from(a.model.params.buffer).equals(Buffer.from(c.model.params.buffer))).toBe(false);
    expect(a.metrics.validation.mae).not.toBe(c.metrics.validation.mae);
  });

  it('reports progress after every epoch, ending at fraction 1', () => {
    const reports: TrainProgress[] = [];
    const result = train({ ...tiny, epochs: 4, patience: Infinity }, { onProgress: (p) => reports.push(p) });
    expect(reports.map((p) => p.epoch)).toEqual([1, 2, 3, 4]);
    expect(reports.map((p) => p.fraction)).toEqual([0.25, 0.5, 0.75, 1]);
    for (const p of reports) {
      expect(p.epochs).toBe(4);
      expect(Number.isFinite(p.trainLoss) && p.trainLoss > 0).toBe(true);
      expect(Number.isFinite(p.valLoss) && p.valLoss > 0).toBe(true);
    }
    expect(result.history.map((h) => h.valLoss)).toEqual(reports.map((p) => p.valLoss));
    expect(result.stoppedEarly).toBe(false);
  });

  it('stops early when validation loss stops improving and keeps the best weights', () => {
    // A learning rate this high makes validation loss bounce, so patience 1 ends training early.
    const reports: TrainProgress[] = [];
    const result = train({ ...tiny, epochs: 40, learningRate: 0.05, patience: 1, seed: 5 }, { onProgress: (p) => reports.push(p) });
    expect(result.stoppedEarly).toBe(true);
    expect(result.history.length).toBeLessThan(40);
    expect(reports.at(-1)?.fraction).toBe(1);
    const best = Math.min(...result.history.map((h) => h.valLoss));
    expect(result.history[result.bestEpoch - 1]?.valLoss).toBe(best);
  });

  it('returns metrics for the validation and test splits and a model that predicts', () => {
    const result = train({ ...tiny, seed: 1 });
    const { validation, test } = result.metrics;
    expect(validation.count).toBe(result.split.validationWindows);
    expect(test?.count).toBe(result.split.testWindows);
    expect(validation.perStepRelativeRmse).toHaveLength(5);
    expect(validation.perStepRelativeRmse.every((e) => Number.isFinite(e) && e > 0)).toBe(true);
    const forecast = predict(result.model, [Array.from(series.subarray(0, 20))]);
    expect(forecast[0]).toHaveLength(5);
    expect(train({ ...tiny, testFraction: 0 }).metrics.test).toBeNull();
  });
});
