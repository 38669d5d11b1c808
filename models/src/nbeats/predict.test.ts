// predict: scale-free by construction, and refuses bad histories with NBeatsInputError codes.
import fc from 'fast-check';
import { NBeatsInputError } from './errors';
import { createModel } from './model';
import { predict } from './predict';

const model = createModel({ lookback: 12, horizon: 4, blocks: 2, layersPerBlock: 2, hiddenSize: 8 }, 9);
const history = Array.from({ length: 12 }, (_, i) => 100 + Math.sin(i) * 3);

function errorOf(fn: () => unknown): NBeatsInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof NBeatsInputError) return error;
    throw error;
  }
  throw new Error('expected an NBeatsInputError');
}

describe('predict', () => {
  it('returns one forecast of `horizon` prices per history', () => {
    const out = predict(model, [history, history.map((p) => p * 2), Float64Array.from(history)]);
    expect(out).toHaveLength(3);
    for (const forecast of out) expect(forecast).toHaveLength(4);
    expect(predict(model, [])).toEqual([]);
  });

  it('is scale-free: scaling a history by k scales its forecast by k', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (k) => {
        const base = predict(model, [history])[0]!;
        const scaled = predict(model, [history.map((p) => p * k)])[0]!;
        scaled.forEach((value, j) => expect(value / (base[j]! * k)).toBeCloseTo(1, 9));
      }),
    );
  });

  it.each([
    ['a history of the wrong length', [history.slice(1)], 'BAD_LENGTH'],
    ['a history that is not an array', [42], 'BAD_LENGTH'],
    ['NaN', [[...history.slice(0, 11), NaN]], 'NOT_FINITE'],
    ['Infinity', [[Infinity, ...history.slice(1)]], 'NOT_FINITE'],
    ['a zero price', [[...history.slice(0, 5), 0, ...history.slice(6)]], 'NON_POSITIVE'],
    ['a negative price', [[...history.slice(0, 11), -1]], 'NON_POSITIVE'],
  ])('refuses %s', (_what, histories, code) => {
    const error = errorOf(() => predict(model, histories as number[][]));
    expect(error.code).toBe(code);
    expect(error.name).toBe('NBeatsInputError');
    expect(error.message).toMatch(/history 0/);
  });

  it('names the offending history in a batch', () => {
    expect(errorOf(() => predict(model, [history, history, [...history.slice(0, 11), NaN]])).message).toMatch(/history 2: value 11 is NaN/);
  });
});
