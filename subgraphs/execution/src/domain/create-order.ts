// Booking: turns a validated Order message into a NEW order aggregate. The checks every order gets
// (id, quantity) are here; the checks its type adds (limitPrice rules, ...) come from its OrderTypeSpec.
import type Decimal from 'decimal.js';
import { exact, EXACT_ZERO, fitsStorage } from '@aitrader/platform/decimal';
import type { Order as OrderMessage } from '@aitrader/platform/messages';
import { fail, ok, type Result } from './errors';
import { freeze, type OrderAggregate } from './order';
import { orderTypeSpec } from './order-types';
import { DEFAULT_TICK_SIZE } from './tick-grid';

export interface CreateOrderInput {
  /** Assigned by the service (the engine never invents ids). */
  readonly orderId: string;
  readonly order: OrderMessage;
  /** The instrument tick; LIMIT prices must lie on it. Default 0.01. */
  readonly tickSize?: Decimal.Value;
}

/** Books a validated Order message as a NEW order (see order-state.ts for why there is no ACCEPT). */
export function createOrder(input: CreateOrderInput): Result<OrderAggregate> {
  const { orderId, order } = input;
  if (orderId.length === 0) return fail('INVALID_ORDER', 'orderId must not be empty');
  const quantity = exact(order.quantity);
  if (!quantity.gt(0) || !fitsStorage(quantity)) {
    return fail('INVALID_ORDER', `quantity ${order.quantity} must be > 0 with at most 10 decimals`);
  }
  const prices = orderTypeSpec(order.type).validate(order, exact(input.tickSize ?? DEFAULT_TICK_SIZE));
  if (!prices.ok) return prices;
  return ok(
    freeze({
      orderId,
      clientOrderId: order.clientOrderId,
      accountId: order.accountId,
      symbol: order.symbol,
      side: order.side,
      type: order.type,
      quantity,
      ...prices.value,
      strategy: order.strategy,
      decisionId: order.decisionId,
      createdAt: order.timestamp,
      status: 'NEW',
      filledQuantity: EXACT_ZERO,
      leavesQuantity: quantity,
      filledNotional: EXACT_ZERO,
      totalFees: EXACT_ZERO,
      fills: Object.freeze([]),
      reason: undefined,
    }),
  );
}
