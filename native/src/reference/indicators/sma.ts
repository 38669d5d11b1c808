// Simple moving average: streaming `Sma` and `smaBatch`; mirror of
// native/core/src/indicators/sma.rs (running sum: add the new value, then subtract the
// leaving one; output sum / period).

import { emptyInput, invalidPeriod, nonFiniteValue } from '../errors';

/** Largest period `smaBatch` accepts (JS number → Rust `u32` in the binding). */
export const MAX_SMA_PERIOD = 0xffff_ffff;

/** Rejects a period that is not an integer in [1, MAX_SMA_PERIOD]. */
export function assertPeriod(period: number): void {
  if (!Number.isInteger(period) || period < 1 || period > MAX_SMA_PERIOD) {
    throw invalidPeriod('period', period, MAX_SMA_PERIOD);
  }
}

/** Throws a TypeError unless `values` is a Float64Array (realm-independent check). */
export function assertFloat64Array(values: unknown, name = 'values'): asserts values is Float64Array {
  if (Object.prototype.toString.call(values) !== '[object Float64Array]') {
    throw new TypeError(`${name} must be a Float64Array`);
  }
}

/** Rejects an empty series or one containing NaN / ±Infinity (reports the first offender). */
export function assertSeries(values: Float64Array): void {
  if (values.length === 0) throw emptyInput();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw nonFiniteValue(i, v);
  }
}

/** Streaming SMA; `update` returns the average once `period` values were seen. */
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
      this.head++;
      if (this.head === this.period) this.head = 0;
    }
    return this.sum / this.period;
  }

  value(): number | undefined {
    return this.isWarm ? this.sum / this.period : undefined;
  }

  reset(): void {
    this.count = 0;
    this.head = 0;
    this.sum = 0;
  }
}

/** SMA of a whole series; the first `period - 1` outputs are NaN. */
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
