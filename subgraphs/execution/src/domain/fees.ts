// Simulated trading fees: a rate in basis points of the fill's notional, by liquidity (taker or
// maker), with an optional floor per fill, rounded to storage scale.
import type Decimal from 'decimal.js';
import { exact, EXACT_ZERO, roundToStorageScale } from '@aitrader/platform/decimal';
import { fail, ok, type Result } from './errors';
import type { Liquidity } from './order';

export interface FeeSchedule {
  /** Charged to fills that take liquidity (market orders, the marketable part of a limit). */
  readonly takerBps: Decimal.Value;
  /** Charged to resting limit orders filled when the book crosses them. */
  readonly makerBps: Decimal.Value;
  /** Floor per fill, applied only where the rate is positive, so a zero-rate maker stays free. */
  readonly minFee: Decimal.Value;
}

/** Retail-broker-like defaults: 1 bp to take, makers free, no per-fill minimum. */
export const DEFAULT_FEES: FeeSchedule = Object.freeze({ takerBps: 1, makerBps: 0, minFee: 0 });

const BPS_PER_UNIT = 10_000;

/** Refuses negative or non-finite figures: a Fill's fee must be ≥ 0 (no rebates in this model). */
export function validateFeeSchedule(fees: FeeSchedule): Result<FeeSchedule> {
  for (const [name, value] of Object.entries(fees) as [string, Decimal.Value][]) {
    const figure = exact(value);
    if (!figure.isFinite() || figure.lt(0)) return fail('INVALID_FEE_SCHEDULE', `${name} ${String(value)} must be a finite number >= 0`);
  }
  return ok(fees);
}

/**
 * fee = max(quantity × price × bps / 10 000, minFee) when bps > 0, else 0; rounded to 10 decimals,
 * ties to even. Charged per fill, so a market order walking three levels pays three roundings.
 */
export function computeFee(quantity: Decimal, price: Decimal, liquidity: Liquidity, fees: FeeSchedule): Decimal {
  const bps = exact(liquidity === 'MAKER' ? fees.makerBps : fees.takerBps);
  if (bps.lte(0)) return EXACT_ZERO;
  const proportional = exact(quantity).times(price).times(bps).div(BPS_PER_UNIT);
  const floor = exact(fees.minFee);
  return roundToStorageScale(proportional.lt(floor) ? floor : proportional);
}
