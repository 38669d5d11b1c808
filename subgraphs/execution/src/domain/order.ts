// The order aggregate: an immutable value, created by createOrder (create-order.ts), that only changes
// through applyFill, cancel and reject, each returning a new order or a typed error. Invariants kept
// by construction:
//   filledQuantity + leavesQuantity = quantity (always, terminal or not: leaves = never filled);
//   filledQuantity never decreases; a trade id is applied at most once;
//   status follows the transition table in order-state.ts.
import type Decimal from 'decimal.js';
import { exact, EXACT_ZERO, fitsStorage } from '@aitrader/platform/decimal';
import type { ORDER_TYPES } from '@aitrader/platform/messages';
import { fail, ok, type Result } from './errors';
import { fillEvent, isTerminal, transition, type OrderState } from './order-state';

export type Side = 'BUY' | 'SELL';
/** The platform's order types; each has its rules and matcher in order-types/ (one file per type). */
export type OrderType = (typeof ORDER_TYPES)[number];
export type Liquidity = 'MAKER' | 'TAKER';

/** One execution against an order, in exact decimals (wire and GraphQL numbers come from fill-views.ts). */
export interface ExecutionFill {
  readonly tradeId: string;
  readonly orderId: string;
  readonly quantity: Decimal;
  readonly price: Decimal;
  readonly fee: Decimal;
  readonly liquidity: Liquidity;
  readonly timestamp: string;
}

/** The prices an order keeps from its message, as its type's validate() returns them (order-types/). */
export interface OrderPrices {
  /** Present iff the order type takes one (LIMIT); on the tick grid. */
  readonly limitPrice: Decimal | undefined;
}

export interface OrderAggregate extends OrderPrices {
  readonly orderId: string;
  readonly clientOrderId: string;
  readonly accountId: string;
  readonly symbol: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly quantity: Decimal;
  readonly strategy: string | undefined;
  readonly decisionId: string | undefined;
  /** The order message's timestamp: also the time priority of a resting order. */
  readonly createdAt: string;
  readonly status: OrderState;
  readonly filledQuantity: Decimal;
  readonly leavesQuantity: Decimal;
  /** Σ quantity × price over the fills, exact; averageFillPrice divides it by filledQuantity. */
  readonly filledNotional: Decimal;
  readonly totalFees: Decimal;
  /** Applied fills in order of application; their trade ids are the duplicate guard. */
  readonly fills: readonly ExecutionFill[];
  /** Why the order was canceled or rejected. */
  readonly reason: string | undefined;
}

/**
 * Applies one fill. Checked in this order, so that redelivery is idempotent: a known trade id is
 * DUPLICATE_TRADE even on a terminal order; then the fill's own shape; then the transition table
 * (ORDER_TERMINAL); then OVERFILL and PRICE_THROUGH_LIMIT. Any error leaves the order as it was.
 */
export function applyFill(order: OrderAggregate, fill: ExecutionFill): Result<OrderAggregate> {
  if (order.fills.some((applied) => applied.tradeId === fill.tradeId)) {
    return fail('DUPLICATE_TRADE', `trade ${fill.tradeId} was already applied to order ${order.orderId}`);
  }
  const shapeError = describeInvalidFill(order, fill);
  if (shapeError !== undefined) return fail('INVALID_FILL', shapeError);

  const quantity = exact(fill.quantity);
  const price = exact(fill.price);
  const leavesAfter = order.leavesQuantity.minus(quantity);
  const step = transition(order.status, fillEvent(leavesAfter.lte(0)));
  if ('error' in step) return fail(step.error, `order ${order.orderId} is ${order.status}`);
  if (leavesAfter.lt(0)) {
    return fail('OVERFILL', `fill of ${quantity.toString()} exceeds leaves ${order.leavesQuantity.toString()} on order ${order.orderId}`);
  }
  if (order.limitPrice !== undefined && isThroughLimit(order.side, price, order.limitPrice)) {
    return fail('PRICE_THROUGH_LIMIT', `${order.side} fill at ${price.toString()} is worse than limit ${order.limitPrice.toString()}`);
  }
  const stored: ExecutionFill = Object.freeze({ ...fill, quantity, price, fee: exact(fill.fee) });
  return ok(
    freeze({
      ...order,
      status: step.next,
      filledQuantity: order.filledQuantity.plus(quantity),
      leavesQuantity: leavesAfter,
      filledNotional: order.filledNotional.plus(quantity.times(price)),
      totalFees: order.totalFees.plus(stored.fee),
      fills: Object.freeze([...order.fills, stored]),
    }),
  );
}

/** Cancels an open order; what was filled stays filled, leaves records what never traded. */
export function cancel(order: OrderAggregate, reason = 'canceled'): Result<OrderAggregate> {
  const step = transition(order.status, 'CANCEL');
  if ('error' in step) return fail(step.error, `order ${order.orderId} is ${order.status}`);
  return ok(freeze({ ...order, status: step.next, reason }));
}

/** Rejects an order that has not traded (see the table: REJECT after a fill is refused). */
export function reject(order: OrderAggregate, reason: string): Result<OrderAggregate> {
  const step = transition(order.status, 'REJECT');
  if ('error' in step) return fail(step.error, `cannot reject order ${order.orderId}: it is ${order.status}`);
  return ok(freeze({ ...order, status: step.next, reason }));
}

/** Σ(q·p)/Σq over the fills, or undefined before the first fill. Not rounded: present it as needed. */
export function averageFillPrice(order: OrderAggregate): Decimal | undefined {
  return order.filledQuantity.isZero() ? undefined : order.filledNotional.div(order.filledQuantity);
}

/** What can still trade: the leaves of an open order, zero once terminal. */
export function openQuantity(order: OrderAggregate): Decimal {
  return isTerminal(order.status) ? EXACT_ZERO : order.leavesQuantity;
}

export function isOpen(order: OrderAggregate): boolean {
  return !isTerminal(order.status);
}

/** BUY fills must not be above the limit, SELL fills not below it. */
export function isThroughLimit(side: Side, price: Decimal, limitPrice: Decimal): boolean {
  return side === 'BUY' ? price.gt(limitPrice) : price.lt(limitPrice);
}

function describeInvalidFill(order: OrderAggregate, fill: ExecutionFill): string | undefined {
  if (fill.orderId !== order.orderId) return `fill for order ${fill.orderId} applied to order ${order.orderId}`;
  if (fill.tradeId.length === 0) return 'tradeId must not be empty';
  const quantity = exact(fill.quantity);
  const price = exact(fill.price);
  const fee = exact(fill.fee);
  if (!quantity.gt(0) || !fitsStorage(quantity)) return `quantity ${quantity.toString()} must be > 0 with at most 10 decimals`;
  if (!price.gt(0) || !fitsStorage(price)) return `price ${price.toString()} must be > 0 with at most 10 decimals`;
  if (fee.lt(0) || !fitsStorage(fee)) return `fee ${fee.toString()} must be >= 0 with at most 10 decimals`;
  return undefined;
}

export function freeze(order: OrderAggregate): OrderAggregate {
  return Object.freeze(order);
}
