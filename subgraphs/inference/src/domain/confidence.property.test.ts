// Property tests for the confidence formula: always in (0, 1), falls with the model's validation error,
// its error ratio to naive and the input's volatility, grows with the predicted move, symmetric in sign.
import fc from 'fast-check';
import { forecastConfidence, stepConfidence, type StepConfidenceInput } from './confidence';

const nonNeg = (max: number) => fc.double({ min: 0, max, noNaN: true });
const input: fc.Arbitrary<StepConfidenceInput> = fc.record({
  move: fc.double({ min: -0.9, max: 5, noNaN: true }),
  stepRelRmse: nonNeg(1),
  relativeToNaive: nonNeg(2),
  volatility: nonNeg(0.2),
  step: fc.integer({ min: 1, max: 10 }),
});
/** Sorted pair (a ≤ b). */
const pair = (max: number): fc.Arbitrary<[number, number]> => fc.tuple(nonNeg(max), nonNeg(max)).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

describe('stepConfidence properties', () => {
  it('is always strictly between 0 and 1', () => {
    fc.assert(
      fc.property(input, (x) => {
        const c = stepConfidence(x);
        expect(c).toBeGreaterThan(0);
        expect(c).toBeLessThan(1);
      }),
    );
  });

  it('does not rise when the validation error at that step rises', () => {
    fc.assert(fc.property(input, pair(1), (x, [lo, hi]) => stepConfidence({ ...x, stepRelRmse: hi }) <= stepConfidence({ ...x, stepRelRmse: lo })));
  });

  it('does not rise when the model does worse relative to naive', () => {
    fc.assert(
      fc.property(input, pair(2), (x, [lo, hi]) => stepConfidence({ ...x, relativeToNaive: hi }) <= stepConfidence({ ...x, relativeToNaive: lo })),
    );
  });

  it('does not rise when the input is more volatile', () => {
    fc.assert(fc.property(input, pair(0.2), (x, [lo, hi]) => stepConfidence({ ...x, volatility: hi }) <= stepConfidence({ ...x, volatility: lo })));
  });

  it('does not fall when the predicted move is larger, and an up move equals the same down move', () => {
    fc.assert(
      fc.property(input, pair(0.9), (x, [lo, hi]) => {
        expect(stepConfidence({ ...x, move: hi })).toBeGreaterThanOrEqual(stepConfidence({ ...x, move: lo }));
        expect(stepConfidence({ ...x, move: -lo })).toBe(stepConfidence({ ...x, move: lo }));
      }),
    );
  });

  it('strictly rises with the move while the model beats naive (below tanh saturation, z ≤ 4.5)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0.001, max: 0.03, noNaN: true }),
        (band, relativeToNaive, move) => {
          const base = { stepRelRmse: band, relativeToNaive, volatility: 0, step: 1 };
          return stepConfidence({ ...base, move: move * 1.5 }) > stepConfidence({ ...base, move });
        },
      ),
    );
  });
});

describe('forecastConfidence properties', () => {
  const price = fc.double({ min: 1, max: 1000, noNaN: true });
  it('one value in (0, 1) per step for any positive history and forecast', () => {
    fc.assert(
      fc.property(
        fc.array(price, { minLength: 1, maxLength: 60 }),
        fc.array(price, { minLength: 1, maxLength: 10 }),
        nonNeg(2),
        (history, forecast, relativeToNaive) => {
          const metrics = { stepRelRmse: Array.from({ length: 10 }, (_, i) => 0.01 * (i + 1)), relativeToNaive };
          const c = forecastConfidence({ history, forecast, metrics });
          expect(c).toHaveLength(forecast.length);
          for (const x of c) expect(x > 0 && x < 1).toBe(true);
        },
      ),
    );
  });
});
