// Conversion from domain fills to the shared Fill message published on the `fills` stream.
import type { Fill } from '@aitrader/platform';
import type { ExecutionFill, OrderAggregate } from './order';

/**
 * The wire message carries JSON numbers. Fill figures have ≤ 10 decimals, and a double's shortest
 * round-trip text reproduces them exactly while they have ≤ 15 significant digits (e.g. quantities
 * under 100 000 with 10 decimals); beyond that the service should publish strings instead.
 */
export function toFillMessage(order: OrderAggregate, fill: ExecutionFill): Fill {
  return {
    tradeId: fill.tradeId,
    orderId: order.orderId,
    clientOrderId: order.clientOrderId,
    accountId: order.accountId,
    symbol: order.symbol,
    side: order.side,
    quantity: fill.quantity.toNumber(),
    price: fill.price.toNumber(),
    fee: fill.fee.toNumber(),
    liquidity: fill.liquidity,
    timestamp: fill.timestamp,
  };
}
