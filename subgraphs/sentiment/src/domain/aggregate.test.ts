// Tests for sentiment aggregation: a hand-computed example, the window's edges, the empty and
// degenerate cases, and the helpers that define polarity, confidence and decay.
import { aggregateSentiment, polarityOf, recencyDecay, topClassProbability, type ScoredNews } from './aggregate';

const now = new Date('2025-01-02T15:00:00.000Z');
const HOUR = 3_600_000;
const MIN = 60_000;
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('aggregateSentiment', () => {
  it('matches a hand-computed weighted mean', () => {
    // window 1h, half-life 30 min (the default, window / 2); confidence = top-class probability.
    //   A: age  0 min, p = .8/.1/.1 → polarity  0.7, confidence 0.8, decay 1    → w = 0.8,  w·pol =  0.56
    //   B: age 30 min, p = .1/.7/.2 → polarity −0.6, confidence 0.7, decay 0.5  → w = 0.35, w·pol = −0.21
    //   C: age 60 min, p = .2/.2/.6 → polarity  0,   confidence 0.6, decay 0.25 → w = 0.15, w·pol =  0
    //      (exactly at the window's start: included)
    //   D: age 61 min → outside the window;  E: 1 min in the future → outside the window
    //   Σw = 0.8 + 0.35 + 0.15 = 1.3;  Σw·pol = 0.56 − 0.21 + 0 = 0.35;  score = 0.35 / 1.3 = 0.269230769…
    const items: ScoredNews[] = [
      { publishedAt: ago(0), label: 'positive', probabilities: { positive: 0.8, negative: 0.1, neutral: 0.1 }, model: 'finbert@2' },
      { publishedAt: ago(30 * MIN), label: 'negative', probabilities: { positive: 0.1, negative: 0.7, neutral: 0.2 }, model: 'finbert@1' },
      { publishedAt: ago(60 * MIN), label: 'neutral', probabilities: { positive: 0.2, negative: 0.2, neutral: 0.6 }, model: 'finbert@2' },
      { publishedAt: ago(61 * MIN), label: 'positive', probabilities: { positive: 1, negative: 0, neutral: 0 }, model: 'old' },
      { publishedAt: ago(-1 * MIN), label: 'negative', probabilities: { positive: 0, negative: 1, neutral: 0 }, model: 'future' },
    ];
    const result = aggregateSentiment(items, { now, windowMs: HOUR });
    expect(result.score).toBeCloseTo(0.35 / 1.3, 12);
    expect(result.weightTotal).toBeCloseTo(1.3, 12);
    expect(result).toMatchObject({
      count: 3,
      skipped: 0,
      halfLifeMs: 30 * MIN,
      asOf: now,
      window: { ms: HOUR, start: ago(HOUR), end: now },
      models: ['finbert@1', 'finbert@2'],
    });
  });

  it('returns score 0 with count 0 when nothing is in the window', () => {
    const result = aggregateSentiment([{ publishedAt: ago(2 * HOUR), probabilities: { positive: 1, negative: 0, neutral: 0 } }], { now, windowMs: HOUR });
    expect(result).toMatchObject({ score: 0, count: 0, weightTotal: 0, models: [] });
    expect(aggregateSentiment([], { now, windowMs: HOUR }).score).toBe(0);
  });

  it('honours an explicit half-life and confidence', () => {
    // half-life 1 h: the item 1 h old weighs 0.5 × 1 = 0.5 against 1 × 0.5 = 0.5 for the fresh one.
    // score = (0.5 × 1 + 0.5 × −1) / 1 = 0
    const items: ScoredNews[] = [
      { publishedAt: ago(HOUR), probabilities: { positive: 1, negative: 0, neutral: 0 }, confidence: 1 },
      { publishedAt: ago(0), probabilities: { positive: 0, negative: 1, neutral: 0 }, confidence: 0.5 },
    ];
    const result = aggregateSentiment(items, { now, windowMs: HOUR, halfLifeMs: HOUR });
    expect(result.score).toBeCloseTo(0, 12);
    expect(result.weightTotal).toBeCloseTo(1, 12);
  });

  it('accepts stored rows already reduced to polarity and confidence', () => {
    // w = 1 × 0.9 and 0.5 × 0.6 = 0.3 (30 min old); score = (0.9 × 0.5 + 0.3 × −1) / 1.2 = 0.15 / 1.2 = 0.125
    const items: ScoredNews[] = [
      { publishedAt: ago(0), polarity: 0.5, confidence: 0.9 },
      { publishedAt: ago(30 * MIN), polarity: -1, confidence: 0.6 },
    ];
    expect(aggregateSentiment(items, { now, windowMs: HOUR }).score).toBeCloseTo(0.125, 12);
  });

  it('skips items with unusable numbers and counts them', () => {
    const items: ScoredNews[] = [
      { publishedAt: ago(0), probabilities: { positive: Number.NaN, negative: 0, neutral: 1 } },
      { publishedAt: ago(0), probabilities: { positive: -0.1, negative: 0.6, neutral: 0.5 } },
      { publishedAt: ago(0), probabilities: { positive: 0, negative: 0, neutral: 0 } },
      { publishedAt: ago(0), polarity: Number.POSITIVE_INFINITY, confidence: 1 },
      { publishedAt: new Date(Number.NaN), polarity: 1, confidence: 1 },
      { publishedAt: ago(0), probabilities: { positive: 0.9, negative: 0.05, neutral: 0.05 } },
    ];
    expect(aggregateSentiment(items, { now, windowMs: HOUR })).toMatchObject({ count: 1, skipped: 4, score: 0.85 });
  });

  it('scores 0 when every weight is 0 (no confidence at all)', () => {
    const items: ScoredNews[] = [{ publishedAt: ago(0), polarity: 1, confidence: 0 }];
    expect(aggregateSentiment(items, { now, windowMs: HOUR })).toMatchObject({ score: 0, count: 1, weightTotal: 0 });
  });

  it('rejects nonsensical options', () => {
    expect(() => aggregateSentiment([], { now, windowMs: 0 })).toThrow(RangeError);
    expect(() => aggregateSentiment([], { now, windowMs: HOUR, halfLifeMs: -1 })).toThrow(RangeError);
    expect(() => aggregateSentiment([], { now: new Date(Number.NaN), windowMs: HOUR })).toThrow(RangeError);
  });
});

describe('polarity, confidence and decay', () => {
  it('polarity is P(positive) − P(negative) after scaling the probabilities to sum 1', () => {
    expect(polarityOf({ positive: 0.95, negative: 0.01, neutral: 0.04 })).toBeCloseTo(0.94, 12);
    expect(polarityOf({ positive: 0.4, negative: 0.35, neutral: 0.25 })).toBeCloseTo(0.05, 12);
    expect(polarityOf({ positive: 2, negative: 1, neutral: 1 })).toBeCloseTo(0.25, 12);
    expect(polarityOf({ positive: 0.3, negative: 0.3, neutral: 0.4 })).toBe(0);
    expect(polarityOf({ positive: 0, negative: 0, neutral: 0 })).toBeNull();
  });

  it('confidence is the top-class probability', () => {
    expect(topClassProbability({ positive: 0.2, negative: 0.1, neutral: 0.7 })).toBeCloseTo(0.7, 12);
  });

  it('decay halves every half-life', () => {
    expect(recencyDecay(0, 1000)).toBe(1);
    expect(recencyDecay(1000, 1000)).toBeCloseTo(0.5, 12);
    expect(recencyDecay(3000, 1000)).toBeCloseTo(0.125, 12);
  });
});
