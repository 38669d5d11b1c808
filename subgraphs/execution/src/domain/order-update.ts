// An order update event: one change of an order's state as it was at that moment (what the
// `orderUpdated` subscription delivers; the order itself keeps changing afterwards).
import { averageFillPrice, type OrderAggregate } from './order';

export interface OrderUpdate {
  orderId: string;
  accountId: string;
  symbol: string;
  status: OrderAggregate['status'];
  filledQuantity: number;
  leavesQuantity: number;
  averageFillPrice: number | null;
  updatedAt: string;
}

export function orderUpdateOf(order: OrderAggregate, at: Date): OrderUpdate {
  return {
    orderId: order.orderId, accountId: order.accountId, symbol: order.symbol, status: order.status,
    filledQuantity: order.filledQuantity.toNumber(), leavesQuantity: order.leavesQuantity.toNumber(),
    averageFillPrice: averageFillPrice(order)?.toDecimalPlaces(10).toNumber() ?? null, updatedAt: at.toISOString(),
  };
}
