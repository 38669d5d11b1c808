// TypeScript reference implementation of the Rust pattern core (native/core). It is the
// fallback backend when the native binding is unavailable and the oracle for differential
// tests, so it must mirror the Rust arithmetic order exactly (bit-identical results) and
// reject the same inputs with the same error codes.

/**
 * Version of the Rust core this reference mirrors; must equal `coreVersion()` of the native
 * binding (checked by native.test.ts), so bump both together.
 */
export const VERSION = '0.1.0';

/** Stable error codes shared with the Rust core's `CoreError::code()`. */
export type NativeInputErrorCode = 'INVALID_PERIOD' | 'EMPTY_INPUT' | 'NON_FINITE_VALUE';

export const NATIVE_INPUT_ERROR_CODES: readonly NativeInputErrorCode[] = [
  'INVALID_PERIOD',
  'EMPTY_INPUT',
  'NON_FINITE_VALUE',
];

/** Invalid input to an indicator, thrown identically by both backends. */
export class NativeInputError extends Error {
  readonly code: NativeInputErrorCode;

  constructor(code: NativeInputErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'NativeInputError';
    this.code = code;
  }
}

/** Formats a number the way Rust's `Display for f64` does for the values we report. */
function rustFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}

/** Largest period the native binding accepts (JS number → Rust `u32`). */
export const MAX_PERIOD = 0xffff_ffff;

/** Rejects a period that is not an integer in [1, MAX_PERIOD]. */
export function assertPeriod(period: number): void {
  if (!Number.isInteger(period) || period < 1 || period > MAX_PERIOD) {
    throw new NativeInputError('INVALID_PERIOD', `period must be a positive integer (got ${period})`);
  }
}

/** Throws a TypeError unless `values` is a Float64Array (realm-independent check). */
export function assertFloat64Array(values: unknown): asserts values is Float64Array {
  if (Object.prototype.toString.call(values) !== '[object Float64Array]') {
    throw new TypeError('values must be a Float64Array');
  }
}

/** Rejects an empty series or one containing NaN / ±Infinity (reports the first offender). */
export function assertSeries(values: Float64Array): void {
  if (values.length === 0) {
    throw new NativeInputError('EMPTY_INPUT', 'input series is empty');
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      throw new NativeInputError('NON_FINITE_VALUE', `non-finite value ${rustFloat(v)} at index ${i}`);
    }
  }
}

/**
 * Streaming simple moving average (mirror of Rust `pattern_core::Sma`). `update` returns the
 * average once `period` values have been seen, `undefined` before.
 */
export class Sma {
  readonly period: number;
  private readonly window: Float64Array;
  private count = 0;
  private head = 0;
  private sum = 0;

  constructor(period: number) {
    assertPeriod(period);
    this.period = period;
    this.window = new Float64Array(period);
  }

  get isWarm(): boolean {
    return this.count === this.period;
  }

  /** Feeds one value. The caller passes finite values (a NaN would poison the sum). */
  update(x: number): number | undefined {
    this.sum += x;
    if (this.count < this.period) {
      this.window[this.count] = x;
      this.count++;
      if (this.count < this.period) return undefined;
    } else {
      const old = this.window[this.head]!;
      this.window[this.head] = x;
      this.sum -= old;
      this.head = (this.head + 1) % this.period;
    }
    return this.sum / this.period;
  }

  /** Current average if warm. */
  value(): number | undefined {
    return this.isWarm ? this.sum / this.period : undefined;
  }

  reset(): void {
    this.count = 0;
    this.head = 0;
    this.sum = 0;
  }
}

/**
 * SMA of a whole series (mirror of Rust `pattern_core::sma_batch`). The first `period - 1`
 * outputs are NaN; a period longer than the series yields all NaN.
 */
export function smaBatch(values: Float64Array, period: number): Float64Array {
  assertFloat64Array(values);
  assertPeriod(period);
  assertSeries(values);
  const n = values.length;
  const out = new Float64Array(n).fill(NaN);
  if (period > n) return out;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i]!;
    if (i >= period) sum -= values[i - period]!;
    if (i + 1 >= period) out[i] = sum / period;
  }
  return out;
}
