// Input checks at the domain's edges: deposits, starting balances and fills are turned into exact
// storage-scale Decimals here, or rejected with an AccountDomainError naming what is wrong.
import Decimal from 'decimal.js';
import { AccountDomainError, type AccountDomainErrorCode } from './errors';
import { exact, EXACT_ZERO, STORAGE_LIMIT, STORAGE_SCALE } from '@aitrader/platform/decimal';
import type { FillInput } from './position';

/** Ceiling on a deposit or a starting balance: far inside DECIMAL(24,10)'s 14 integer digits. */
export const MAX_AMOUNT = exact('1e12');

/** Plain decimal notation, optionally with an exponent; refuses what decimal.js would also accept
 * ("0x1f", "Infinity", " 12") because an amount typed by a person should mean what it looks like. */
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The shape validateFill reads: the wire `Fill` (numbers) fits, and so do Decimals or strings. */
export interface FillLike {
  side: string;
  quantity: Decimal.Value;
  price: Decimal.Value;
  fee: Decimal.Value;
}

/** A cash deposit: positive, at most MAX_AMOUNT, at most 10 decimal places. */
export function validateDeposit(amount: Decimal.Value): Decimal {
  return checkAmount(amount, { allowZero: false, what: 'deposit' });
}

/** An account's opening cash: like a deposit, except that an account may start with nothing. */
export function validateStartingCash(amount: Decimal.Value): Decimal {
  return checkAmount(amount, { allowZero: true, what: 'starting cash' });
}

/**
 * A fill as it arrives from the execution engine: side BUY or SELL, quantity > 0, price > 0, fee ≥ 0,
 * all finite. Each must also be storable exactly as DECIMAL(24,10) (≤ 10 decimal places, < 1e14):
 * positions are the exact sum of their fills, which would stop holding if storage rounded a fill.
 * Returns the fill's figures as domain Decimals.
 */
export function validateFill(fill: FillLike): FillInput {
  const side: string = fill.side;
  if (side !== 'BUY' && side !== 'SELL') invalidFill(`fill side must be BUY or SELL, got ${String(side)}`, 'side');
  return {
    side,
    quantity: fillFigure(fill.quantity, 'quantity', { allowZero: false }),
    price: fillFigure(fill.price, 'price', { allowZero: false }),
    fee: fillFigure(fill.fee, 'fee', { allowZero: true }),
  };
}

function fillFigure(value: Decimal.Value, field: string, rule: { allowZero: boolean }): Decimal {
  const parsed = parseDecimal(value) ?? invalidFill(`fill ${field} must be a finite number`, field);
  if (rule.allowZero ? parsed.isNegative() : !parsed.greaterThan(EXACT_ZERO)) {
    invalidFill(`fill ${field} must be ${rule.allowZero ? 'zero or more' : 'greater than zero'}, got ${parsed.toString()}`, field);
  }
  if (parsed.decimalPlaces() > STORAGE_SCALE) invalidFill(`fill ${field} has more than ${STORAGE_SCALE} decimal places`, field);
  if (parsed.greaterThanOrEqualTo(STORAGE_LIMIT)) invalidFill(`fill ${field} must be below ${STORAGE_LIMIT.toString()}`, field);
  return parsed;
}

function invalidFill(message: string, field: string): never {
  throw new AccountDomainError('INVALID_FILL', message, field);
}

function checkAmount(amount: Decimal.Value, rule: { allowZero: boolean; what: string }): Decimal {
  const code: AccountDomainErrorCode = 'INVALID_AMOUNT';
  const parsed = parseDecimal(amount);
  if (parsed === undefined) throw new AccountDomainError(code, `${rule.what} must be a finite decimal number`, 'amount');
  if (rule.allowZero ? parsed.isNegative() : !parsed.greaterThan(EXACT_ZERO)) {
    const expected = rule.allowZero ? 'zero or more' : 'greater than zero';
    throw new AccountDomainError(code, `${rule.what} must be ${expected}, got ${parsed.toString()}`, 'amount');
  }
  if (parsed.decimalPlaces() > STORAGE_SCALE) {
    throw new AccountDomainError(code, `${rule.what} has more than ${STORAGE_SCALE} decimal places`, 'amount');
  }
  if (parsed.greaterThan(MAX_AMOUNT)) {
    throw new AccountDomainError(code, `${rule.what} must be at most ${MAX_AMOUNT.toString()}`, 'amount');
  }
  return parsed;
}

/** A finite domain Decimal (never −0), or undefined for anything else: NaN, ±Infinity, odd text, wrong type. */
function parseDecimal(value: unknown): Decimal | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? exact(value) : undefined;
  if (typeof value === 'string') return DECIMAL_TEXT.test(value) ? finite(exact(value)) : undefined;
  if (Decimal.isDecimal(value)) return finite(exact(value));
  return undefined;
}

function finite(value: Decimal): Decimal | undefined {
  return value.isFinite() ? value : undefined;
}
