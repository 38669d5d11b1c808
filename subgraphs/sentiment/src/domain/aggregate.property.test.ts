// Property tests for aggregateSentiment: invariants that must hold for any scores the model produces.
import fc from 'fast-check';
import { aggregateSentiment, type ClassifiedNews } from './aggregate';

const now = new Date('2025-01-02T15:00:00.000Z');
const windowMs = 3_600_000;
const options = { now, windowMs };

const probability = fc.double({ min: 0, max: 1, noNaN: true });
const probabilities = fc
  .tuple(probability, probability, probability)
  .filter(([a, b, c]) => a + b + c > 0)
  .map(([a, b, c]) => ({ positive: a / (a + b + c), negative: b / (a + b + c), neutral: c / (a + b + c) }));
/** Ages reach past both ends of the window so exclusion is exercised too. */
const age = fc.integer({ min: -10 * 60_000, max: windowMs + 10 * 60_000 });
const item: fc.Arbitrary<ClassifiedNews> = fc.record({
  publishedAt: age.map((a) => new Date(now.getTime() - a)),
  probabilities,
  confidence: fc.option(probability, { nil: undefined }),
});
const items = fc.array(item, { maxLength: 30 });

describe('aggregateSentiment properties', () => {
  it('is bounded: score in [-1, 1], 0 ≤ weightTotal ≤ count ≤ number of items', () => {
    fc.assert(
      fc.property(items, (xs) => {
        const r = aggregateSentiment(xs, options);
        expect(r.score).toBeGreaterThanOrEqual(-1);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(r.weightTotal).toBeGreaterThanOrEqual(0);
        expect(r.weightTotal).toBeLessThanOrEqual(r.count);
        expect(r.count).toBeLessThanOrEqual(xs.length);
        if (r.count === 0) expect(r.score).toBe(0);
      }),
    );
  });

  it('does not depend on the order of the items, to the last bit', () => {
    fc.assert(
      fc.property(
        items.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }))),
        ([xs, shuffled]) => {
          expect(aggregateSentiment(shuffled, options)).toEqual(aggregateSentiment(xs, options));
        },
      ),
    );
  });

  it('never lowers the score when a purely positive item is added inside the window', () => {
    // Exactly: (S + w) / (W + w) ≥ S / W because S / W ≤ 1. Floating point can lose the last bits of a
    // tiny increase, hence the 1e-12 tolerance.
    const positive = fc.record({
      publishedAt: fc.integer({ min: 0, max: windowMs }).map((a) => new Date(now.getTime() - a)),
      probabilities: fc.constant({ positive: 1, negative: 0, neutral: 0 }),
    });
    fc.assert(
      fc.property(items, positive, (xs, p) => {
        const before = aggregateSentiment(xs, options).score;
        const after = aggregateSentiment([...xs, p], options).score;
        expect(after).toBeGreaterThanOrEqual(before - 1e-12);
      }),
    );
  });

  it('scores exactly 0 when every item is neutral (no polarity)', () => {
    const neutral = fc.record({
      publishedAt: age.map((a) => new Date(now.getTime() - a)),
      // Pure neutral, or equal positive and negative mass around it.
      probabilities: fc.double({ min: 0, max: 0.5, noNaN: true }).map((x) => ({ positive: x, negative: x, neutral: 1 - 2 * x })),
      confidence: fc.option(probability, { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(neutral, { maxLength: 30 }), (xs) => {
        expect(aggregateSentiment(xs, options).score).toBe(0);
      }),
    );
  });

  it('is antisymmetric: swapping positive and negative negates the score', () => {
    fc.assert(
      fc.property(items, (xs) => {
        const mirrored = xs.map((x) => ({ ...x, probabilities: { ...x.probabilities, positive: x.probabilities.negative, negative: x.probabilities.positive } }));
        expect(aggregateSentiment(mirrored, options).score).toBeCloseTo(-aggregateSentiment(xs, options).score, 12);
      }),
    );
  });

  it('ignores items outside the window', () => {
    const outside = fc.record({
      publishedAt: fc.oneof(fc.integer({ min: windowMs + 1, max: 10 * windowMs }), fc.integer({ min: -10 * windowMs, max: -1 })).map((a) => new Date(now.getTime() - a)),
      probabilities,
    });
    fc.assert(
      fc.property(items, fc.array(outside, { maxLength: 10 }), (xs, extra) => {
        expect(aggregateSentiment([...xs, ...extra], options)).toEqual(aggregateSentiment(xs, options));
      }),
    );
  });
});
