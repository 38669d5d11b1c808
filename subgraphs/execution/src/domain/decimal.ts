// Decimal arithmetic for the execution domain: the Decimal constructor every figure goes through, and
// the only roundings the engine performs (fill price to the tick, quantities and fees to storage scale).
import Decimal from 'decimal.js';

/** Digits after the point PostgreSQL keeps (DECIMAL(24,10)); the accounts service refuses more. */
export const STORAGE_SCALE = 10;

/**
 * decimal.js rounds every operation to `precision` significant digits and the default 20 is fewer
 * than a full DECIMAL(24,10) value, so the domain uses a clone with 100: sums and products of storage
 * values are then exact. toExpNeg/toExpPos keep toString() in plain notation ("0.0000001").
 */
export const Exact = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

export const ZERO = new Exact(0);

/** The instrument tick used when the caller does not say otherwise (US equities: one cent). */
export const DEFAULT_TICK_SIZE = new Exact('0.01');

/** DECIMAL(24,10) leaves 14 integer digits; anything at or above 1e14 cannot be stored. */
const STORAGE_LIMIT = new Exact('1e14');

/**
 * Copies a value into the domain constructor (constructing never rounds). Operations take precision
 * from the left operand's constructor, so inputs are converted first or a caller's default Decimal
 * would drag the arithmetic down to 20 digits.
 */
export function exact(value: Decimal.Value): Decimal {
  return new Exact(value);
}

/** Finite, at most 10 decimals and under 1e14: storable as DECIMAL(24,10) without rounding. */
export function fitsStorage(value: Decimal): boolean {
  return value.isFinite() && value.decimalPlaces() <= STORAGE_SCALE && value.abs().lt(STORAGE_LIMIT);
}

/** Whether a price lies on the tick grid (0.01 → 12.34 yes, 12.345 no). */
export function isOnTick(price: Decimal.Value, tickSize: Decimal.Value): boolean {
  return exact(price).mod(exact(tickSize)).isZero();
}

/**
 * Rounds a price to the tick grid in the stated direction. Taker fills round against the taker
 * (BUY up, SELL down) so an off-tick book level never gives a better-than-book price, and an on-tick
 * limit still bounds the rounded price.
 */
export function roundToTick(price: Decimal.Value, tickSize: Decimal.Value, direction: 'up' | 'down'): Decimal {
  const tick = exact(tickSize);
  const ticks = exact(price).div(tick);
  return (direction === 'up' ? ticks.ceil() : ticks.floor()).times(tick);
}

/** Truncates a quantity to storage scale: a take from a level may never exceed the level's size. */
export function floorToStorage(value: Decimal.Value): Decimal {
  return exact(value).toDecimalPlaces(STORAGE_SCALE, Decimal.ROUND_DOWN);
}

/** Rounds a fee to storage scale, ties to even (unbiased across many fills). */
export function roundToStorage(value: Decimal.Value): Decimal {
  return exact(value).toDecimalPlaces(STORAGE_SCALE, Decimal.ROUND_HALF_EVEN);
}
