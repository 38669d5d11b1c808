// Test helpers: both engine backends side by side, and an "outcome" of a call (its value or
// its NativeInputError code + message) so native and reference can be compared directly.

import { createPatternEngine, reference, NativeInputError, type EngineConfig, type PatternEngine } from '../index';

/** The engine of the active backend (native under AITRADER_REQUIRE_NATIVE=1) and the reference. */
export function enginePair(config?: EngineConfig): { native: PatternEngine; ts: PatternEngine } {
  return { native: createPatternEngine(config), ts: new reference.ReferencePatternEngine(config) };
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/** Runs `fn`; a NativeInputError becomes an outcome, anything else is rethrown. */
export function outcome<T>(fn: () => T): Outcome<T> {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (err instanceof NativeInputError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}

/** |a − b| ≤ rel·max(|a|, |b|), NaN only equal to NaN. */
export function closeTo(a: number, b: number, rel: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return a === b || Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}
