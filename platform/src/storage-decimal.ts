// Exact decimal arithmetic for everything stored as DECIMAL(24,10) (money, prices, quantities, fees):
// the one configured Decimal constructor the accounts and execution domains compute with, and the
// only ways they round to the storage scale. Everything not named "round", "floor" or "divide" here
// is exact.
import Decimal from 'decimal.js';

/** Digits after the point that PostgreSQL keeps: money, prices and quantities are DECIMAL(24,10). */
export const STORAGE_SCALE = 10;

/**
 * The domains' Decimal constructor. decimal.js rounds every +, −, × to `precision` significant digits,
 * and the default of 20 is too few (a full-width DECIMAL(24,10) has 24), so this clone uses 100:
 * arithmetic on storage-scale values (≤ 24 digits each, products ≤ 48) is then exact.
 * toExpNeg/toExpPos keep toString() in plain notation ("0.0000001", never "1e-7") for SQL and GraphQL.
 * A clone shares Decimal's prototype, so its values are ordinary `Decimal`s to callers.
 */
export const Exact = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

export const EXACT_ZERO = new Exact(0);

/** DECIMAL(24,10) leaves 14 integer digits: anything at or above 1e14 in magnitude cannot be stored. */
export const STORAGE_LIMIT = new Exact('1e14');

/**
 * Copies a value into the exact constructor. Constructing never rounds. Operations take their
 * precision from the left operand's constructor, so every domain function converts its inputs first:
 * a caller's default-configured (or Prisma) Decimal must not drag the arithmetic down to 20 digits.
 */
export function exact(value: Decimal.Value): Decimal {
  return withoutNegativeZero(new Exact(value));
}

/** Finite, at most 10 decimals and under 1e14: storable as DECIMAL(24,10) without rounding. */
export function fitsStorage(value: Decimal): boolean {
  return value.isFinite() && value.decimalPlaces() <= STORAGE_SCALE && value.abs().lt(STORAGE_LIMIT);
}

/** Rounds to STORAGE_SCALE decimal places, ties to even (unbiased over many values). */
export function roundToStorageScale(value: Decimal.Value): Decimal {
  return withoutNegativeZero(new Exact(value).toDecimalPlaces(STORAGE_SCALE, Decimal.ROUND_HALF_EVEN));
}

/** Truncates to STORAGE_SCALE decimal places, toward zero (a take never exceeds what it takes from). */
export function floorToStorageScale(value: Decimal.Value): Decimal {
  return withoutNegativeZero(new Exact(value).toDecimalPlaces(STORAGE_SCALE, Decimal.ROUND_DOWN));
}

/**
 * numerator ÷ denominator, correctly rounded to STORAGE_SCALE places, ties to even. Done in BigInt on
 * exact integers rather than with Decimal#div: div first rounds the quotient to `precision` digits,
 * and rounding that again to 10 places can meet a tie that the exact quotient does not have.
 */
export function divideToStorageScale(numerator: Decimal.Value, denominator: Decimal.Value): Decimal {
  const n = new Exact(numerator);
  const d = new Exact(denominator);
  if (!n.isFinite() || !d.isFinite() || d.isZero()) {
    throw new RangeError(`cannot divide ${n.toString()} by ${d.toString()}`);
  }
  const shift = Math.max(n.decimalPlaces(), d.decimalPlaces());
  const toInteger = (x: Decimal): bigint => BigInt(x.times(new Exact(10).pow(shift)).toFixed(0));
  const dividend = abs(toInteger(n)) * 10n ** BigInt(STORAGE_SCALE);
  const divisor = abs(toInteger(d));

  let quotient = dividend / divisor;
  const twiceRemainder = 2n * (dividend % divisor);
  if (twiceRemainder > divisor || (twiceRemainder === divisor && quotient % 2n === 1n)) quotient += 1n;

  const sign = n.isNegative() !== d.isNegative() ? '-' : '';
  return exact(`${sign}${quotient}e-${STORAGE_SCALE}`);
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** decimal.js keeps a sign on zero (0 × −1 is −0); −0 would print as "0" yet fail deep equality. */
function withoutNegativeZero(value: Decimal): Decimal {
  return value.isZero() ? EXACT_ZERO : value;
}
