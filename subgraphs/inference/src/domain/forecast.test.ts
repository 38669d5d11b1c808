// Tests for assembling a forecast from a model output (horizon slice, confidence, version, broken
// outputs) and for parsing the model spec and stored validation metrics.
import { InferenceModelError } from './errors';
import { buildForecast, checkModelOutput } from './forecast';
import { DEFAULT_MODEL_SPEC, parseModelSpec, parseValidationMetrics } from './model';
import { validateForecastRequest } from './request';

const metrics = { stepRelRmse: [0.01, 0.012, 0.014, 0.016, 0.018, 0.02, 0.022, 0.024, 0.026, 0.028], relativeToNaive: 0.7 };
const history = Array.from({ length: 60 }, (_, i) => 100 + Math.sin(i) * 2);
const output = Float32Array.from({ length: 10 }, (_, i) => 100 + i);
const model = { version: 'nbeats-v3', spec: DEFAULT_MODEL_SPEC, metrics };

describe('buildForecast', () => {
  it('keeps the first horizon points and attaches confidence and version', () => {
    const request = validateForecastRequest({ symbol: 'AAPL', history, horizon: 4 }, DEFAULT_MODEL_SPEC);
    const r = buildForecast(request, output, model);
    expect(r.symbol).toBe('AAPL');
    expect(r.modelVersion).toBe('nbeats-v3');
    expect(r.forecast).toEqual([100, 101, 102, 103]);
    expect(r.confidence).toHaveLength(4);
    for (const c of r.confidence) expect(c > 0 && c < 1).toBe(true);
  });

  it('refuses an output of the wrong length or with a non-positive or non-finite price', () => {
    expect(() => checkModelOutput([1, 2, 3], 10, 'nbeats-v3')).toThrow('nbeats-v3 returned 3 values; expected 10');
    expect(() => checkModelOutput([1, Number.NaN, 3], 3)).toThrow('output[1] is NaN');
    expect(() => checkModelOutput([1, 2, -3], 3)).toThrow(InferenceModelError);
    expect(() => checkModelOutput([0], 1)).toThrow(expect.objectContaining({ code: 'BAD_MODEL_OUTPUT' }));
  });
});

describe('parseValidationMetrics', () => {
  it('accepts stored metrics, ignores extra fields, and reads the trainer’s perStepRelativeRmse name', () => {
    expect(parseValidationMetrics({ ...metrics, mae: 1.2, count: 500 }, 10)).toEqual(metrics);
    expect(parseValidationMetrics({ perStepRelativeRmse: [0.1], relativeToNaive: 0.9 })).toEqual({ stepRelRmse: [0.1], relativeToNaive: 0.9 });
  });

  it('BAD_METRICS for missing, negative or non-finite values, or too few steps', () => {
    const bad = [
      {},
      { stepRelRmse: [], relativeToNaive: 0.5 },
      { stepRelRmse: [-0.1], relativeToNaive: 0.5 },
      { stepRelRmse: [0.1], relativeToNaive: Number.POSITIVE_INFINITY },
      { stepRelRmse: [0.1], relativeToNaive: null },
    ];
    for (const m of bad) expect(() => parseValidationMetrics(m)).toThrow(InferenceModelError);
    expect(() => parseValidationMetrics({ stepRelRmse: [0.1], relativeToNaive: 0.5 }, 10)).toThrow('1 stepRelRmse values for a model with 10 output steps');
  });
});

describe('parseModelSpec', () => {
  it('defaults to the seed shape and rejects nonsense', () => {
    expect(parseModelSpec()).toEqual({ lookback: 60, maxHorizon: 10 });
    expect(parseModelSpec({ lookback: 30 })).toEqual({ lookback: 30, maxHorizon: 10 });
    expect(() => parseModelSpec({ maxHorizon: 0 })).toThrow(/maxHorizon/);
    expect(() => parseModelSpec({ lookback: 2.5 })).toThrow(InferenceModelError);
  });
});
