// Tests for forecast request validation: each error code with its field and index, windowing of a
// long history, the default horizon, and that any valid request comes back with exactly lookback prices.
import fc from 'fast-check';
import { InferenceInputError } from './errors';
import { DEFAULT_MODEL_SPEC } from './model';
import { parseForecastRequest, validateForecastRequest } from './request';

const spec = DEFAULT_MODEL_SPEC; // lookback 60, maxHorizon 10
const prices = (n: number, from = 100): number[] => Array.from({ length: n }, (_, i) => from + i);
const errorOf = (input: unknown): InferenceInputError => {
  const r = parseForecastRequest(input, spec);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

describe('validateForecastRequest', () => {
  it('accepts the seed request and keeps the history as is', () => {
    const history = prices(60);
    expect(validateForecastRequest({ symbol: 'AAPL', history, horizon: 10 }, spec)).toEqual({ symbol: 'AAPL', history, horizon: 10 });
  });

  it('uses the last lookback values of a longer history', () => {
    const r = validateForecastRequest({ symbol: 'BRK.B', history: prices(75), horizon: 3 }, spec);
    expect(r.history).toEqual(prices(75).slice(-60));
    expect(r.history).toHaveLength(60);
  });

  it('defaults the horizon to maxHorizon when absent or null', () => {
    expect(validateForecastRequest({ symbol: 'AAPL', history: prices(60) }, spec).horizon).toBe(10);
    expect(validateForecastRequest({ symbol: 'AAPL', history: prices(60), horizon: null }, spec).horizon).toBe(10);
  });

  it('throws the typed error', () => {
    expect(() => validateForecastRequest({ symbol: 'AAPL', history: prices(3) }, spec)).toThrow(InferenceInputError);
  });

  it('BAD_REQUEST for a body that is not an object or a history that is not an array', () => {
    for (const body of [null, 'x', [1, 2], 42]) expect(errorOf(body).code).toBe('BAD_REQUEST');
    const e = errorOf({ symbol: 'AAPL', history: '1,2,3' });
    expect(e).toMatchObject({ code: 'BAD_REQUEST', field: 'history' });
  });

  it('BAD_SYMBOL for missing, lower-case or odd symbols', () => {
    for (const symbol of [undefined, '', 'aapl', '1AB', 'AAPL US', 'A'.repeat(17), 7]) {
      expect(errorOf({ symbol, history: prices(60) })).toMatchObject({ code: 'BAD_SYMBOL', field: 'symbol' });
    }
  });

  it('BAD_HORIZON outside 1..maxHorizon or not a whole number', () => {
    for (const horizon of [0, -1, 11, 2.5, Number.NaN, '5', true]) {
      const e = errorOf({ symbol: 'AAPL', history: prices(60), horizon });
      expect(e).toMatchObject({ code: 'BAD_HORIZON', field: 'horizon' });
      expect(e.message).toContain('1 to 10');
    }
    expect(validateForecastRequest({ symbol: 'AAPL', history: prices(60), horizon: 1 }, spec).horizon).toBe(1);
  });

  it('HISTORY_TOO_SHORT says how many were sent and needed', () => {
    const e = errorOf({ symbol: 'AAPL', history: prices(59) });
    expect(e).toMatchObject({ code: 'HISTORY_TOO_SHORT', field: 'history' });
    expect(e.message).toBe('history has 59 prices; the model needs the last 60');
  });

  it('NON_FINITE_VALUE names the index of the bad value (null is what JSON makes of NaN)', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, null, '101.5', undefined]) {
      const history: unknown[] = prices(60);
      history[17] = bad;
      const e = errorOf({ symbol: 'AAPL', history });
      expect(e).toMatchObject({ code: 'NON_FINITE_VALUE', field: 'history', index: 17 });
      expect(e.message).toContain('history[17]');
    }
  });

  it('NON_POSITIVE_PRICE names the index, counted in the history the client sent', () => {
    const history = prices(80);
    history[72] = 0;
    const e = errorOf({ symbol: 'AAPL', history });
    expect(e).toMatchObject({ code: 'NON_POSITIVE_PRICE', index: 72 });
    expect(e.message).toBe('history[72] must be a positive price, got 0');
  });

  it('ignores values before the window the model uses', () => {
    const history: unknown[] = prices(80);
    history[3] = null;
    expect(parseForecastRequest({ symbol: 'AAPL', history }, spec).ok).toBe(true);
  });

  it('any valid request yields exactly lookback positive prices and a horizon in range', () => {
    const price = fc.double({ min: 0.01, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(price, { minLength: 60, maxLength: 200 }),
        fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
        (history, horizon) => {
          const r = validateForecastRequest({ symbol: 'MSFT', history, horizon }, spec);
          expect(r.history).toEqual(history.slice(-60));
          expect(r.horizon).toBe(horizon ?? 10);
        },
      ),
    );
  });
});
