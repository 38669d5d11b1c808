// Validation of a forecast request ({symbol, history, horizon}) against the model's shape: what the
// REST body and the GraphQL arguments both go through before anything reaches the model.
import { InferenceInputError } from './errors';
import type { ModelSpec } from './model';

/** Same rule as the platform's InstrumentSymbol, so a symbol accepted here exists elsewhere. */
const SYMBOL = /^[A-Z][A-Z0-9.\-]{0,15}$/;

export interface ForecastRequest {
  symbol: string;
  /** Exactly `lookback` positive finite prices, oldest first: what the model is fed. */
  history: number[];
  /** Integer in 1..maxHorizon. */
  horizon: number;
}

export type ForecastRequestResult = { ok: true; request: ForecastRequest } | { ok: false; error: InferenceInputError };

const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
};

const fail = (...args: ConstructorParameters<typeof InferenceInputError>): ForecastRequestResult => ({
  ok: false,
  error: new InferenceInputError(...args),
});

function checkHistory(history: unknown, lookback: number): { ok: true; window: number[] } | { ok: false; result: ForecastRequestResult } {
  if (!Array.isArray(history)) {
    return { ok: false, result: fail('BAD_REQUEST', `history must be an array of prices, got ${show(history)}`, 'history') };
  }
  if (history.length < lookback) {
    const message = `history has ${history.length} prices; the model needs the last ${lookback}`;
    return { ok: false, result: fail('HISTORY_TOO_SHORT', message, 'history') };
  }
  // Only the window the model sees is checked (the seed sends history[-lookback:]); indices in
  // messages are the client's own, so "history[72]" points at the value the client sent.
  const start = history.length - lookback;
  const window: number[] = [];
  for (let i = start; i < history.length; i += 1) {
    const value: unknown = history[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return { ok: false, result: fail('NON_FINITE_VALUE', `history[${i}] must be a finite number, got ${show(value)}`, 'history', i) };
    }
    if (value <= 0) {
      return { ok: false, result: fail('NON_POSITIVE_PRICE', `history[${i}] must be a positive price, got ${value}`, 'history', i) };
    }
    window.push(value);
  }
  return { ok: true, window };
}

/**
 * Checks run in a fixed order (body, symbol, horizon, history length, then each used value) so a
 * request with several faults always reports the same one. Never throws.
 */
export function parseForecastRequest(input: unknown, spec: Pick<ModelSpec, 'lookback' | 'maxHorizon'>): ForecastRequestResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('BAD_REQUEST', `request must be an object with symbol, history and horizon, got ${show(input)}`, '');
  }
  const { symbol, history, horizon: rawHorizon } = input as Record<string, unknown>;

  if (typeof symbol !== 'string' || !SYMBOL.test(symbol)) {
    return fail('BAD_SYMBOL', `symbol must be 1-16 upper-case letters, digits, "." or "-" starting with a letter, got ${show(symbol)}`, 'symbol');
  }

  // Absent (undefined or JSON null) means the full horizon the model produces.
  const horizon = rawHorizon ?? spec.maxHorizon;
  if (typeof horizon !== 'number' || !Number.isInteger(horizon) || horizon < 1 || horizon > spec.maxHorizon) {
    return fail('BAD_HORIZON', `horizon must be a whole number from 1 to ${spec.maxHorizon}, got ${show(horizon)}`, 'horizon');
  }

  const checked = checkHistory(history, spec.lookback);
  if (!checked.ok) return checked.result;
  return { ok: true, request: { symbol, history: checked.window, horizon } };
}

/** parseForecastRequest for callers that prefer an exception: throws the typed InferenceInputError. */
export function validateForecastRequest(input: unknown, spec: Pick<ModelSpec, 'lookback' | 'maxHorizon'>): ForecastRequest {
  const result = parseForecastRequest(input, spec);
  if (!result.ok) throw result.error;
  return result.request;
}
