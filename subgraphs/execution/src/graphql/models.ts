// Parent types of the execution resolvers (mapped in codegen.ts) and the conversions into them.
import type { OrderAggregate } from '../domain';

export type OrderModel = OrderAggregate & { updatedAt?: Date };

export interface FillModel {
  tradeId: string;
  orderId: string;
  accountId: string;
  symbol: string;
  side: 'BUY' | 'SELL';
  quantity: number;
  price: number;
  fee: number;
  liquidity: string | null;
  executedAt: Date;
}

export function fillsOf(order: OrderAggregate): FillModel[] {
  return order.fills.map((f) => ({
    tradeId: f.tradeId, orderId: order.orderId, accountId: order.accountId, symbol: order.symbol, side: order.side,
    quantity: f.quantity.toNumber(), price: f.price.toNumber(), fee: f.fee.toNumber(), liquidity: f.liquidity, executedAt: new Date(f.timestamp),
  }));
}

/** An Account entity reference: the execution subgraph only knows its key. */
export interface AccountRef {
  id: string;
}

/** A row of the seed's `executions` table. */
export type { Execution as ExecutionRow } from '@aitrader/prisma';
