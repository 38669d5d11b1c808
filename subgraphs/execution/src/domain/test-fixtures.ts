// Shared builders for the domain tests: a valid Order message and order aggregates made from it.
import { exact } from '@aitrader/platform/decimal';
import { type Order as OrderMessage } from '@aitrader/platform/messages';
import type Decimal from 'decimal.js';
import type { Result } from './errors';
import { createOrder } from './create-order';
import type { ExecutionFill, Liquidity, OrderAggregate } from './order';

export const T0 = '2024-05-01T14:30:00.000Z';

export function orderMessage(overrides: Partial<OrderMessage> = {}): OrderMessage {
  return {
    clientOrderId: 'c-1',
    accountId: 'acc-1',
    symbol: 'AAPL',
    side: 'BUY',
    type: 'MARKET',
    quantity: 100,
    timestamp: T0,
    ...overrides,
  };
}

/** Builds an order or fails the test: fixtures are meant to be valid. */
export function newOrder(overrides: Partial<OrderMessage> = {}, orderId = 'o-1'): OrderAggregate {
  const created = createOrder({ orderId, order: orderMessage(overrides) });
  if (!created.ok) throw new Error(`fixture order invalid: ${created.error.message}`);
  return created.value;
}

export function fill(
  tradeId: string,
  quantity: Decimal.Value,
  price: Decimal.Value,
  extra: { orderId?: string; fee?: Decimal.Value; liquidity?: Liquidity } = {},
): ExecutionFill {
  return {
    tradeId,
    orderId: extra.orderId ?? 'o-1',
    quantity: exact(quantity),
    price: exact(price),
    fee: exact(extra.fee ?? 0),
    liquidity: extra.liquidity ?? 'TAKER',
    timestamp: T0,
  };
}

/** Unwraps a Result in a test, failing with the error's message. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
