// Parent types of the execution resolvers (mapped in codegen.ts) and the conversions into them.
import { ORDER_STATES, type FillView, type OrderAggregate } from '../domain';

export type OrderModel = OrderAggregate & { updatedAt?: Date };

/** The domain's FillView (fill-views.ts): the same shape the `fills` stream carries. */
export type FillModel = FillView;

/** An Account entity reference: the execution subgraph only knows its key. */
export interface AccountRef {
  id: string;
}

/** A row of the seed's `executions` table. */
export type { Execution as ExecutionRow } from '@aitrader/prisma';

/** The `orderUpdated` payload (a domain event); its state travels in its id, see below. */
export type { OrderUpdate as OrderUpdateModel } from '../domain';
import type { OrderUpdate as OrderUpdateModel } from '../domain';

const STATUSES: ReadonlySet<string> = new Set(ORDER_STATES);

/**
 * Orders change after the event, so an update's own state travels in its id: `orderUpdate(id)` gives
 * back exactly what was delivered, which lets the gateway resolve other subgraphs' fields of a
 * subscription event by id.
 */
export function encodeOrderUpdateId(u: OrderUpdateModel): string {
  const tuple = [u.orderId, u.accountId, u.symbol, u.status, u.filledQuantity, u.leavesQuantity, u.averageFillPrice, u.updatedAt];
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}

/** null for anything that is not an id this service made. */
export function decodeOrderUpdateId(id: string): OrderUpdateModel | null {
  try {
    const t: unknown = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
    if (!Array.isArray(t) || t.length !== 8) return null;
    const [orderId, accountId, symbol, status, filled, leaves, avg, updatedAt] = t as unknown[];
    const strings = [orderId, accountId, symbol, status, updatedAt].every((v) => typeof v === 'string' && v.length > 0);
    const numbers = [filled, leaves].every((v) => typeof v === 'number' && Number.isFinite(v)) && (avg === null || typeof avg === 'number');
    if (!strings || !numbers || !STATUSES.has(status as string) || Number.isNaN(Date.parse(updatedAt as string))) return null;
    return {
      orderId: orderId as string, accountId: accountId as string, symbol: symbol as string, status: status as OrderUpdateModel['status'],
      filledQuantity: filled as number, leavesQuantity: leaves as number, averageFillPrice: avg as number | null, updatedAt: updatedAt as string,
    };
  } catch {
    return null;
  }
}
