// One position's bookkeeping under average-cost accounting: the pure math that turns a fill into the
// new position, the cash it moves and the P&L it realizes. Positions change only through applyFill;
// applying each trade once is the storage layer's job (a unique key on the trade id).
import type Decimal from 'decimal.js';
import { divideToStorageScale, exact, EXACT_ZERO, roundToStorageScale } from '@aitrader/platform/decimal';
import { validateFill } from './validation';

export type Side = 'BUY' | 'SELL';

export interface PositionState {
  /** Signed: > 0 long, < 0 short, 0 flat. */
  quantity: Decimal;
  /** Average entry price of the open quantity; 0 when flat. Stored to 10 places (see the platform's storage-decimal.ts). */
  averagePrice: Decimal;
  /** Cumulative realized P&L, net of every fee paid on this symbol. */
  realizedPnl: Decimal;
}

export interface FillInput {
  side: Side;
  /** > 0; the side gives the direction. */
  quantity: Decimal;
  /** > 0 */
  price: Decimal;
  /** ≥ 0, in account currency. */
  fee: Decimal;
}

export interface FillOutcome {
  position: PositionState;
  /** Cash moved by the fill: −(signed quantity × price) − fee. */
  cashDelta: Decimal;
  /** P&L this fill realized, net of its fee; already added into position.realizedPnl. */
  realized: Decimal;
}

export function emptyPosition(): PositionState {
  return { quantity: EXACT_ZERO, averagePrice: EXACT_ZERO, realizedPnl: EXACT_ZERO };
}

/** +quantity for a BUY, −quantity for a SELL. */
export function signedQuantity(side: Side, quantity: Decimal): Decimal {
  return side === 'BUY' ? exact(quantity) : EXACT_ZERO.minus(quantity);
}

/**
 * Applies one fill. Cases, by what the fill does to the open quantity:
 * - opens or adds (from flat, or in the position's direction): the average becomes the quantity-
 *   weighted mean of the old average and the fill price, rounded to 10 places (half even);
 * - reduces or closes exactly: realizes (price − average) × closed for a long, (average − price) ×
 *   closed for a short; the average stays, or becomes 0 when the position is flat;
 * - crosses zero: closes the whole old position as above, then opens the remainder at the fill price.
 *
 * Fees: the fee is paid in cash and charged to realized P&L on the fill that pays it, so realizedPnl
 * is net of fees and the average price stays the pure trade price (not fee-adjusted). An opening
 * fill therefore realizes −fee. This keeps equity = starting cash + realized + unrealized, with
 * unrealized = (mark − average) × quantity.
 *
 * Rounding (to 10 places, ties to even; nowhere else): the new average, a division; the notional
 * quantity × price before it becomes cash (exact whenever the two have ≤ 10 decimals between them);
 * the closed lot's price-move P&L, (price − average) × closed, before the exact fee is subtracted
 * (exact whenever the average and the closed quantity have ≤ 10 decimals between them). Quantities
 * never round: the position is exactly the signed sum of its fills.
 *
 * Throws AccountDomainError INVALID_FILL for a fill validateFill would refuse.
 */
export function applyFill(position: PositionState, fill: FillInput): FillOutcome {
  const { side, quantity, price, fee } = validateFill(fill);
  const held = exact(position.quantity);
  const average = exact(position.averagePrice);
  const signed = signedQuantity(side, quantity);
  const after = held.plus(signed);

  let closed: Decimal; // quantity of the old position this fill closes
  let averageAfter: Decimal;
  if (held.isZero() || held.isPositive() === signed.isPositive()) {
    closed = EXACT_ZERO;
    averageAfter = divideToStorageScale(held.abs().times(average).plus(quantity.times(price)), after.abs());
  } else if (quantity.lessThanOrEqualTo(held.abs())) {
    closed = quantity;
    averageAfter = after.isZero() ? EXACT_ZERO : average;
  } else {
    closed = held.abs();
    averageAfter = price;
  }

  const priceMove = held.isPositive() ? price.minus(average) : average.minus(price);
  const realized = roundToStorageScale(priceMove.times(closed)).minus(fee);
  const cashDelta = EXACT_ZERO.minus(roundToStorageScale(signed.times(price))).minus(fee);

  return {
    position: { quantity: after, averagePrice: averageAfter, realizedPnl: exact(position.realizedPnl).plus(realized) },
    cashDelta,
    realized,
  };
}

/** Applies fills in order from `start` (flat by default): the whole history of one position. */
export function replayFills(fills: readonly FillInput[], start: PositionState = emptyPosition()): {
  position: PositionState;
  cashDelta: Decimal;
} {
  let position = start;
  let cashDelta = EXACT_ZERO;
  for (const fill of fills) {
    const outcome = applyFill(position, fill);
    position = outcome.position;
    cashDelta = cashDelta.plus(outcome.cashDelta);
  }
  return { position, cashDelta };
}
