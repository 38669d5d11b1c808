// Decimal arithmetic for the accounts domain: the configured Decimal constructor every figure goes
// through, and the only two functions that round (to the DECIMAL(24,10) storage scale).
//
// Where rounding happens, all of it (everything else is exact):
//   1. divideToStorageScale — the average price of a position, the one division in the domain;
//   2. roundToStorageScale  — a fill's notional (quantity × price) before it becomes a cash delta, the
//      price-move P&L of a closed lot before it is realized, and equity-history points when recorded.
// Both round to STORAGE_SCALE (10) decimal places, ties to even (ROUND_HALF_EVEN), so what the domain
// returns is exactly what PostgreSQL stores, instead of PostgreSQL rounding it silently (half away
// from zero) on insert.
import Decimal from 'decimal.js';

/** Digits after the point that PostgreSQL keeps: money, prices and quantities are DECIMAL(24,10). */
export const STORAGE_SCALE = 10;

/**
 * The domain's Decimal constructor. decimal.js rounds every +, −, × to `precision` significant digits,
 * and the default of 20 is too few (a full-width DECIMAL(24,10) has 24), so the domain uses its own
 * clone with 100: arithmetic on storage-scale values (≤ 24 digits each, products ≤ 48) is then exact.
 * toExpNeg/toExpPos keep toString() in plain notation ("0.0000001", never "1e-7") for SQL and GraphQL.
 * A clone shares Decimal's prototype, so its values are ordinary `Decimal`s to callers.
 */
export const Money = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

export const ZERO = new Money(0);

/**
 * Copies a value into the domain constructor. Exact: constructing never rounds. Operations take their
 * precision from the left operand's constructor, so every domain function converts its inputs first:
 * a caller's default-configured (or Prisma) Decimal must not drag the arithmetic down to 20 digits.
 */
export function toMoney(value: Decimal.Value): Decimal {
  return withoutNegativeZero(new Money(value));
}

/** Rounds to STORAGE_SCALE decimal places, ties to even. */
export function roundToStorageScale(value: Decimal.Value): Decimal {
  return withoutNegativeZero(new Money(value).toDecimalPlaces(STORAGE_SCALE, Decimal.ROUND_HALF_EVEN));
}

/**
 * numerator ÷ denominator, correctly rounded to STORAGE_SCALE places, ties to even. Done in BigInt on
 * exact integers rather than with Decimal#div: div first rounds the quotient to `precision` digits,
 * and rounding that again to 10 places can meet a tie that the exact quotient does not have.
 */
export function divideToStorageScale(numerator: Decimal.Value, denominator: Decimal.Value): Decimal {
  const n = new Money(numerator);
  const d = new Money(denominator);
  if (!n.isFinite() || !d.isFinite() || d.isZero()) {
    throw new RangeError(`cannot divide ${n.toString()} by ${d.toString()}`);
  }
  const shift = Math.max(n.decimalPlaces(), d.decimalPlaces());
  const toInteger = (x: Decimal): bigint => BigInt(x.times(new Money(10).pow(shift)).toFixed(0));
  const dividend = abs(toInteger(n)) * 10n ** BigInt(STORAGE_SCALE);
  const divisor = abs(toInteger(d));

  let quotient = dividend / divisor;
  const twiceRemainder = 2n * (dividend % divisor);
  if (twiceRemainder > divisor || (twiceRemainder === divisor && quotient % 2n === 1n)) quotient += 1n;

  const sign = n.isNegative() !== d.isNegative() ? '-' : '';
  return toMoney(`${sign}${quotient}e-${STORAGE_SCALE}`);
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** decimal.js keeps a sign on zero (0 × −1 is −0); −0 would print as "0" yet fail deep equality. */
function withoutNegativeZero(value: Decimal): Decimal {
  return value.isZero() ? ZERO : value;
}
