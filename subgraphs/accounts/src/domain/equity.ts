// Equity history: the points the service records over time. The caller supplies every time, so these
// helpers never read a clock.
import type Decimal from 'decimal.js';
import type { AccountValuation } from './account';
import { AccountDomainError } from './errors';
import { roundToStorageScale } from '@aitrader/platform/decimal';

export interface EquityPoint {
  at: Date;
  cash: Decimal;
  equity: Decimal;
}

/**
 * The point to record for a valuation taken at `at`. Cash and equity are rounded to the storage
 * scale (10 places, ties to even) because history is stored as DECIMAL(24,10); a valuation itself is
 * exact and may carry up to 20 places. `at` is copied, so the caller's Date can change freely.
 */
export function equityPoint(at: Date, valuation: Pick<AccountValuation, 'cash' | 'equity'>): EquityPoint {
  return {
    at: new Date(validTime(at, 'at')),
    cash: roundToStorageScale(valuation.cash),
    equity: roundToStorageScale(valuation.equity),
  };
}

/**
 * Whether a new point is due at `now`, given the last one recorded (if any) and the least time to
 * leave between points: lets a caller that revalues on every tick keep history to a steady rate.
 */
export function equityPointDue(lastAt: Date | undefined, now: Date, minIntervalMs: number): boolean {
  if (!Number.isFinite(minIntervalMs) || minIntervalMs < 0) {
    throw new AccountDomainError('INVALID_TIMESTAMP', `minimum interval must be a finite number of ms ≥ 0, got ${minIntervalMs}`, 'minIntervalMs');
  }
  const current = validTime(now, 'now');
  return lastAt === undefined || current - validTime(lastAt, 'lastAt') >= minIntervalMs;
}

function validTime(date: Date, field: string): number {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new AccountDomainError('INVALID_TIMESTAMP', `${field} must be a valid Date`, field);
  return time;
}
