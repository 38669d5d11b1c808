// Input validation shared by the reference indicators and engine; mirror of
// native/core/src/validate.rs (same limits, same order of checks, same errors).

import { invalidPeriod, invalidPrice, invalidSize, invalidSymbol, invalidTimestamp } from './errors';

/** Largest window / period the engine accepts (bounds per-symbol memory). */
export const MAX_PERIOD = 100_000;
/** Largest price or size accepted; keeps price × size sums far from overflow. */
export const MAX_VALUE = 1e15;
/** Largest timestamp (ms since the Unix epoch): JavaScript's Date limit, below 2^53. */
export const MAX_TIMESTAMP_MS = 8.64e15;
/** Largest bar length: one UTC day. */
export const MAX_BAR_MS = 86_400_000;
/** Longest symbol accepted. */
export const MAX_SYMBOL_LEN = 64;

/** An integer in [1, max], else INVALID_PERIOD naming the field. */
export function periodFromNumber(name: string, value: number, max: number): number {
  if (Number.isInteger(value) && value >= 1 && value <= max) return value;
  throw invalidPeriod(name, value, max);
}

/** Symbols are 1-64 printable ASCII characters without spaces. */
export function checkSymbol(symbol: string): void {
  let ok = symbol.length >= 1 && symbol.length <= MAX_SYMBOL_LEN;
  for (let i = 0; ok && i < symbol.length; i++) {
    const c = symbol.charCodeAt(i);
    ok = c >= 0x21 && c <= 0x7e;
  }
  if (!ok) throw invalidSymbol();
}

/**
 * Checks one tick's fields in the order ts, price, size, bidSize, askSize (`index` is the
 * batch position, undefined for a single tick). Negated range tests so NaN fails them all.
 */
export function checkTick(
  index: number | undefined,
  ts: number,
  price: number,
  size: number,
  bidSize: number | undefined,
  askSize: number | undefined,
): void {
  if (!(ts >= 0 && ts <= MAX_TIMESTAMP_MS)) throw invalidTimestamp(index, ts);
  if (!(price > 0 && price <= MAX_VALUE)) throw invalidPrice(index, price);
  if (!(size > 0 && size <= MAX_VALUE)) throw invalidSize('size', index, size);
  if (bidSize !== undefined && !(bidSize >= 0 && bidSize <= MAX_VALUE)) throw invalidSize('bidSize', index, bidSize);
  if (askSize !== undefined && !(askSize >= 0 && askSize <= MAX_VALUE)) throw invalidSize('askSize', index, askSize);
}
