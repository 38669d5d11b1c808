// Windows, the chronological split (no held-out target before a training target) and the synthetic series.
import fc from 'fast-check';
import { makeWindows, splitChronologically, syntheticSeries } from './data';
import { NBeatsInputError } from './errors';

describe('makeWindows', () => {
  it('pairs each history with the prices that follow it', () => {
    const series = [1, 2, 3, 4, 5, 6, 7];
    const w = makeWindows(series, 3, 2, 1);
    expect(w.count).toBe(3);
    expect(Array.from(w.inputs)).toEqual([1, 2, 3, 2, 3, 4, 3, 4, 5]);
    expect(Array.from(w.targets)).toEqual([4, 5, 5, 6, 6, 7]);
    expect(Array.from(w.targetStarts)).toEqual([3, 4, 5]);
  });

  it('moves by the stride and accepts a Float64Array', () => {
    const w = makeWindows(Float64Array.from({ length: 10 }, (_, i) => i + 1), 3, 2, 2);
    expect(Array.from(w.targetStarts)).toEqual([3, 5, 7]);
    expect(makeWindows([1, 2, 3], 3, 1).count).toBe(0);
  });
});

describe('splitChronologically', () => {
  it('never puts a held-out target at or before a training target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 80, max: 400 }),
        fc.integer({ min: 2, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 0.1, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (length, lookback, horizon, stride, validationFraction, testFraction) => {
          const series = Float64Array.from({ length }, (_, i) => 100 + i);
          let split;
          try {
            split = splitChronologically(series, { lookback, horizon, stride, validationFraction, testFraction });
          } catch (error) {
            // Too short for a window in some segment is a refusal, not a leak.
            expect(error).toBeInstanceOf(NBeatsInputError);
            return;
          }
          const lastTarget = (starts: Uint32Array): number => Math.max(...starts) + horizon - 1;
          const firstTarget = (starts: Uint32Array): number => Math.min(...starts);
          expect(lastTarget(split.train.targetStarts)).toBeLessThan(split.trainEnd);
          expect(firstTarget(split.validation.targetStarts)).toBeGreaterThanOrEqual(split.trainEnd);
          expect(lastTarget(split.validation.targetStarts)).toBeLessThan(split.validationEnd);
          if (split.test.count > 0) expect(firstTarget(split.test.targetStarts)).toBeGreaterThanOrEqual(split.validationEnd);
          // Windows hold what the series holds at their positions.
          const w = split.validation;
          const t = w.targetStarts[0]!;
          expect(w.targets[0]).toBe(series[t]);
          expect(w.inputs[lookback - 1]).toBe(series[t - 1]);
        },
      ),
    );
  });

  it('refuses a series too short for training and validation windows', () => {
    expect(() => splitChronologically([1, 2, 3, 4, 5], { lookback: 3, horizon: 2, validationFraction: 0.2, testFraction: 0 })).toThrow(
      expect.objectContaining({ code: 'TOO_SHORT' }),
    );
  });

  it('refuses fractions that leave no training data', () => {
    const series = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(() => splitChronologically(series, { lookback: 3, horizon: 2, validationFraction: 0.6, testFraction: 0.4 })).toThrow(
      expect.objectContaining({ code: 'BAD_OPTION' }),
    );
  });
});

describe('syntheticSeries', () => {
  it('is positive, finite, reproducible from its seed and different across seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0.01, max: 1e5, noNaN: true }), (seed, startPrice) => {
        const a = syntheticSeries({ length: 300, seed, startPrice, noise: 0.01, randomWalk: 0.01 });
        expect(a.every((p) => Number.isFinite(p) && p > 0)).toBe(true);
        expect(syntheticSeries({ length: 300, seed, startPrice, noise: 0.01, randomWalk: 0.01 })).toEqual(a);
        expect(syntheticSeries({ length: 300, seed: seed + 1, startPrice, noise: 0.01, randomWalk: 0.01 })).not.toEqual(a);
      }),
      { numRuns: 30 },
    );
  });

  it('has the structure it was given', () => {
    // Without noise the series is exactly start · exp(trend·t + A·sin(2πt/P + φ)).
    const series = syntheticSeries({ length: 50, seed: 1, startPrice: 10, trendPerStep: 0.01, noise: 0, seasonalities: [{ period: 10, amplitude: 0.1, phase: 0 }] });
    for (let t = 0; t < 50; t++) expect(series[t]).toBeCloseTo(10 * Math.exp(0.01 * t + 0.1 * Math.sin((2 * Math.PI * t) / 10)), 10);
  });
});
