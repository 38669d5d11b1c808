// A fill as the rest of the platform sees it: one plain shape with the order's identity and number
// figures. It is the `fills` stream message and the GraphQL Fill; this is the only conversion to it.
import type { ExecutionFill, Liquidity, OrderAggregate, Side } from './order';

/** The order identity a fill view carries. */
export type FillOwner = Pick<OrderAggregate, 'orderId' | 'clientOrderId' | 'accountId' | 'symbol' | 'side'>;

export interface FillView {
  readonly tradeId: string;
  readonly orderId: string;
  readonly clientOrderId: string;
  readonly accountId: string;
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: number;
  readonly price: number;
  readonly fee: number;
  readonly liquidity: Liquidity;
  /** ISO-8601: when the fill executed. */
  readonly timestamp: string;
}

/**
 * Figures become JSON numbers. Fill figures have ≤ 10 decimals, and a double's shortest round-trip
 * text reproduces them exactly while they have ≤ 15 significant digits (e.g. quantities under 100 000
 * with 10 decimals); beyond that the service should publish strings instead.
 */
export function fillViewOf(owner: FillOwner, fill: ExecutionFill): FillView {
  return {
    tradeId: fill.tradeId,
    orderId: owner.orderId,
    clientOrderId: owner.clientOrderId,
    accountId: owner.accountId,
    symbol: owner.symbol,
    side: owner.side,
    quantity: fill.quantity.toNumber(),
    price: fill.price.toNumber(),
    fee: fill.fee.toNumber(),
    liquidity: fill.liquidity,
    timestamp: fill.timestamp,
  };
}

/** The order's applied fills, in order of application. */
export function fillViewsOf(order: OrderAggregate): FillView[] {
  return order.fills.map((fill) => fillViewOf(order, fill));
}
