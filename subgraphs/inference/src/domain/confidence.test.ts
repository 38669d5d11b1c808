// Worked examples of the confidence formula: known values, the floor for a model that does not beat
// naive, dependence on the input (move size, volatility), and the error for missing step metrics.
import { CONFIDENCE_EPSILON, errorBand, forecastConfidence, realisedVolatility, skillOverNaive, stepConfidence } from './confidence';
import { InferenceModelError } from './errors';

const metrics = { stepRelRmse: [0.01, 0.015, 0.02], relativeToNaive: 0.6 };
const flat = Array.from({ length: 60 }, () => 100);
/** 60 prices alternating 100 / 105 and ending at 100: realised volatility ≈ 0.05 per step. */
const choppy = Array.from({ length: 60 }, (_, i) => (i % 2 === 1 ? 100 : 105));

describe('stepConfidence', () => {
  it('matches the documented formula', () => {
    // error band = max(0.02, 0.6 · 0 · √1, 1e-6) = 0.02; z = 0.04 / 0.02 = 2; skill = 0.4
    const c = stepConfidence({ move: 0.04, stepRelRmse: 0.02, relativeToNaive: 0.6, volatility: 0, step: 1 });
    expect(c).toBeCloseTo(0.001 + 0.998 * 0.4 * Math.tanh(0.851 * 2), 12);
  });

  it('a flat forecast and a model that does not beat naive both get the floor ε', () => {
    expect(stepConfidence({ move: 0, stepRelRmse: 0.01, relativeToNaive: 0.5, volatility: 0.01, step: 1 })).toBe(CONFIDENCE_EPSILON);
    expect(stepConfidence({ move: 0.5, stepRelRmse: 0.01, relativeToNaive: 1.2, volatility: 0.01, step: 1 })).toBe(CONFIDENCE_EPSILON);
  });

  it('a move inside the error band stays well below a move of several bands', () => {
    const at = (move: number) => stepConfidence({ move, stepRelRmse: 0.02, relativeToNaive: 0, volatility: 0, step: 1 });
    expect(at(0.01)).toBeLessThan(0.45); // half a band
    expect(at(0.02)).toBeLessThan(0.7); // one band: about 2Φ(1) − 1 ≈ 0.68
    expect(at(0.08)).toBeGreaterThan(0.99); // four bands
  });

  it('the error band is the larger of the validation error and the skill-scaled naive spread', () => {
    expect(errorBand({ stepRelRmse: 0.01, relativeToNaive: 0.5, volatility: 0.01, step: 9 })).toBeCloseTo(0.015, 12); // 0.5·0.01·3
    expect(errorBand({ stepRelRmse: 0.05, relativeToNaive: 0.5, volatility: 0.01, step: 9 })).toBe(0.05);
    expect(errorBand({ stepRelRmse: 0, relativeToNaive: 0, volatility: 0, step: 1 })).toBeGreaterThan(0);
  });

  it('skillOverNaive clamps 1 − relativeToNaive into [0, 1]', () => {
    expect([0, 0.25, 1, 3].map(skillOverNaive)).toEqual([1, 0.75, 0, 0]);
  });
});

describe('realisedVolatility', () => {
  it('is 0 for a flat series or fewer than two returns, the log-return stdev otherwise', () => {
    expect(realisedVolatility(flat)).toBe(0);
    expect(realisedVolatility([100, 101])).toBe(0);
    const r = Math.log(1.01);
    // Returns +r, −r, +r: mean r/3, sample variance ((2r/3)² · 2 + (4r/3)²) / 2 = 4r²/3.
    expect(realisedVolatility([100, 101, 100, 101])).toBeCloseTo(Math.sqrt((4 * r * r) / 3), 12);
  });
});

describe('forecastConfidence', () => {
  it('gives one value in (0, 1) per step and varies with the forecast (never a constant)', () => {
    const c = forecastConfidence({ history: flat, forecast: [101, 99, 100.2], metrics });
    expect(c).toHaveLength(3);
    for (const x of c) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(1);
    }
    expect(new Set(c).size).toBe(3);
    const bigger = forecastConfidence({ history: flat, forecast: [103, 97, 101], metrics });
    bigger.forEach((x, i) => expect(x).toBeGreaterThan(c[i] as number));
  });

  it('the same forecast is less confident on an input volatile enough to widen the error band', () => {
    // 0.6 · 0.05 · √h = 0.03, 0.042, 0.052 exceeds the validation errors 0.01, 0.015, 0.02.
    const forecast = [101, 101.5, 102];
    const calm = forecastConfidence({ history: flat, forecast, metrics });
    const volatile = forecastConfidence({ history: choppy, forecast, metrics });
    volatile.forEach((x, i) => expect(x).toBeLessThan(calm[i] as number));
  });

  it('throws BAD_METRICS when a step has no validation error', () => {
    expect(() => forecastConfidence({ history: flat, forecast: [1, 2, 3, 4], metrics })).toThrow(InferenceModelError);
    expect(() => forecastConfidence({ history: flat, forecast: [1, 2, 3, 4], metrics })).toThrow(/step 4/);
  });
});
