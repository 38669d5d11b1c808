// The instrument price grid: the default tick size, whether a price lies on it, and rounding onto it
// in a stated direction. Exact arithmetic comes from the platform's storage Decimal.
import type Decimal from 'decimal.js';
import { exact } from '@aitrader/platform/decimal';

/** The instrument tick used when the caller does not say otherwise (US equities: one cent). */
export const DEFAULT_TICK_SIZE = exact('0.01');

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
