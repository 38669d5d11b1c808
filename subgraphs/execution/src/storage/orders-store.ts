// Storage layer of the execution service: orders, fills and the seed's `executions` table. An order is
// created once per (account, client order id) — the unique key decides between concurrent requests —
// and a match (order state + its fills + execution rows) is written in one transaction, only over the
// version of the order it was computed from (optimistic concurrency: a cancel racing a fill loses, and
// retries on what the order is now). Each write also queues, in its transaction, the messages that
// announce it (the caller's `announce`: the transactional outbox).
import { Prisma, type PrismaClient } from '@aitrader/prisma';
import { exact } from '@aitrader/platform';
import { fillViewOf, OPEN_ORDER_STATES, type ExecutionFill, type FillView, type Liquidity, type OrderAggregate, type OrderType } from '../domain';

type OrderRow = Prisma.OrderGetPayload<{ include: { fills: true } }>;
type FillRow = OrderRow['fills'][number];
/** A fill row with what a FillView needs of its order. */
type FillRowWithOrder = Prisma.FillGetPayload<{ include: { order: { select: { clientOrderId: true } } } }>;
const WITH_CLIENT_ORDER_ID = { order: { select: { clientOrderId: true } } } as const;

/** A fill as the fill queries return it: its view and the row id (the keyset cursor's tie-break). */
export type StoredFillView = FillView & { id: string };

export class UnknownAccountError extends Error {
  readonly code = 'UNKNOWN_ACCOUNT';
}

/**
 * Another write changed the order first: its version moved on since it was read (a fill, a cancel), or
 * another attempt recorded the same fills (trade ids are `<order id>-<n>`, unique). Nothing was written;
 * re-read the order and decide again.
 */
export class ConcurrentMatchError extends Error {
  readonly code = 'CONCURRENT_MATCH';
}

/** Queues, inside the write's transaction, the messages announcing the order as written (its row). */
export type Announce = (tx: Prisma.TransactionClient, row: OrderRow) => Promise<void>;

const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

/** The one row → domain conversion of a fill. A row without liquidity (never written by this service) counts as TAKER. */
function toExecutionFill(row: FillRow): ExecutionFill {
  return {
    tradeId: row.tradeId, orderId: row.orderId, quantity: exact(row.quantity.toString()), price: exact(row.price.toString()), fee: exact(row.fee.toString()),
    liquidity: (row.liquidity ?? 'TAKER') as Liquidity, timestamp: row.executedAt.toISOString(),
  };
}

function toStoredFillView(row: FillRowWithOrder): StoredFillView {
  const owner = { orderId: row.orderId, clientOrderId: row.order.clientOrderId, accountId: row.accountId, symbol: row.symbol, side: row.side };
  return { ...fillViewOf(owner, toExecutionFill(row)), id: row.id };
}

/** Rebuilds the domain aggregate from its row and fills (oldest first), with the row's version. */
export function toAggregate(row: OrderRow): OrderAggregate & { updatedAt: Date; version: number } {
  const fills: ExecutionFill[] = [...row.fills]
    .sort((a, b) => a.executedAt.getTime() - b.executedAt.getTime() || a.tradeId.localeCompare(b.tradeId, 'en', { numeric: true }))
    .map(toExecutionFill);
  const quantity = exact(row.quantity.toString());
  const filled = exact(row.filledQuantity.toString());
  return {
    orderId: row.id,
    clientOrderId: row.clientOrderId,
    accountId: row.accountId,
    symbol: row.symbol,
    side: row.side,
    type: row.type,
    quantity,
    limitPrice: row.limitPrice === null ? undefined : exact(row.limitPrice.toString()),
    strategy: row.strategy ?? undefined,
    decisionId: row.decisionId ?? undefined,
    createdAt: row.createdAt.toISOString(),
    status: row.status,
    filledQuantity: filled,
    leavesQuantity: quantity.minus(filled),
    filledNotional: fills.reduce((s, f) => s.plus(f.quantity.times(f.price)), exact(0)),
    totalFees: fills.reduce((s, f) => s.plus(f.fee), exact(0)),
    fills,
    reason: row.rejectReason ?? undefined,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
}

export class OrdersStore {
  /** Public so the service's outbox relays through the same database. */
  constructor(readonly prisma: PrismaClient) {}

  /**
   * Inserts the order (with what announces it), or returns the one already stored under its (account,
   * client order id), announcing nothing again.
   */
  async createOrGet(order: OrderAggregate, announce?: Announce): Promise<{ row: OrderRow; created: boolean }> {
    try {
      const row = await this.prisma.$transaction(async (tx) => {
        const created = await tx.order.create({
          data: {
            id: order.orderId, accountId: order.accountId, clientOrderId: order.clientOrderId, symbol: order.symbol, side: order.side, type: order.type,
            status: order.status, quantity: order.quantity.toString(), limitPrice: order.limitPrice?.toString() ?? null, strategy: order.strategy ?? null,
            decisionId: order.decisionId ?? null, createdAt: new Date(order.createdAt),
          },
          include: { fills: true },
        });
        await announce?.(tx, created);
        return created;
      });
      return { row, created: true };
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        const row = await this.prisma.order.findUniqueOrThrow({ where: { accountId_clientOrderId: { accountId: order.accountId, clientOrderId: order.clientOrderId } }, include: { fills: true } });
        return { row, created: false };
      }
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2003') throw new UnknownAccountError(`account ${order.accountId} does not exist`);
      throw err;
    }
  }

  /**
   * Writes the order's new state, its new fills, their execution rows and what announces them in one
   * transaction, if the stored order is still at `version` (the one the new state was computed from);
   * otherwise throws ConcurrentMatchError and writes nothing.
   */
  async recordMatch(order: OrderAggregate, fills: readonly ExecutionFill[], version: number, announce?: Announce): Promise<OrderRow> {
    try {
      return await this.writeMatch(order, fills, version, announce);
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        throw new ConcurrentMatchError(`order ${order.orderId} was matched by another attempt`);
      }
      throw err;
    }
  }

  private async writeMatch(order: OrderAggregate, fills: readonly ExecutionFill[], version: number, announce?: Announce): Promise<OrderRow> {
    const average = order.filledQuantity.isZero() ? null : order.filledNotional.div(order.filledQuantity).toDecimalPlaces(10).toString();
    return this.prisma.$transaction(async (tx) => {
      // The versioned update comes first: it locks the row, so a racing write waits for this commit and
      // then matches no row (the version moved), instead of overwriting the status or filled quantity.
      const { count } = await tx.order.updateMany({
        where: { id: order.orderId, version },
        data: { status: order.status, filledQuantity: order.filledQuantity.toString(), averageFillPrice: average, rejectReason: order.reason ?? null, version: { increment: 1 } },
      });
      if (count === 0) throw new ConcurrentMatchError(`order ${order.orderId} changed since version ${version}`);
      for (const f of fills) {
        const fill = await tx.fill.create({
          data: {
            tradeId: f.tradeId, orderId: order.orderId, accountId: order.accountId, symbol: order.symbol, side: order.side,
            quantity: f.quantity.toString(), price: f.price.toString(), fee: f.fee.toString(), liquidity: f.liquidity, executedAt: new Date(f.timestamp),
          },
        });
        await tx.execution.create({
          data: {
            fillId: fill.id, orderId: order.orderId, tradeId: f.tradeId, accountId: order.accountId, symbol: order.symbol, side: order.side,
            quantity: f.quantity.toString(), price: f.price.toString(), fee: f.fee.toString(), notional: f.quantity.times(f.price).toString(), strategy: order.strategy ?? null,
          },
        });
      }
      const row = await tx.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { fills: true } });
      await announce?.(tx, row);
      return row;
    });
  }

  /** Whether the account already booked an order under this client order id. */
  async exists(accountId: string, clientOrderId: string): Promise<boolean> {
    return (await this.prisma.order.count({ where: { accountId, clientOrderId } })) > 0;
  }

  async get(id: string): Promise<OrderRow | null> {
    return this.prisma.order.findUnique({ where: { id }, include: { fills: true } });
  }

  async fill(tradeId: string): Promise<StoredFillView | null> {
    const row = await this.prisma.fill.findUnique({ where: { tradeId }, include: WITH_CLIENT_ORDER_ID });
    return row ? toStoredFillView(row) : null;
  }

  /** Open orders of the given types (the registry's RESTING_ORDER_TYPES) for a symbol, oldest first. */
  async openRestingOrders(symbol: string, types: readonly OrderType[]): Promise<OrderRow[]> {
    return this.prisma.order.findMany({
      where: { symbol, type: { in: [...types] }, status: { in: [...OPEN_ORDER_STATES] } },
      include: { fills: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  async orders(q: { accountId?: string | null; accountIds?: readonly string[]; symbol?: string | null; status?: OrderRow['status'] | null; first: number; after?: { at: Date; id: string } }): Promise<Page<OrderRow>> {
    const rows = await this.prisma.order.findMany({
      where: {
        ...accountFilter(q),
        ...(q.symbol ? { symbol: q.symbol } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.after ? { OR: [{ createdAt: { lt: q.after.at } }, { createdAt: q.after.at, id: { lt: q.after.id } }] } : {}),
      },
      include: { fills: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: q.first + 1,
    });
    return { rows: rows.slice(0, q.first), hasNextPage: rows.length > q.first };
  }

  /**
   * The newest `first` orders of each account (of one status, if given), for many accounts in two
   * queries: a window over `orders` picks the ids, then the rows come with their fills. What the
   * `Account.orders` loader asks for a whole request at once.
   */
  async recentOrdersByAccount(accountIds: readonly string[], status: OrderRow['status'] | null, first: number): Promise<Map<string, OrderRow[]>> {
    const picked = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM (
        SELECT id, ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY created_at DESC, id DESC) AS n
        FROM orders
        WHERE account_id = ANY(${[...accountIds]}::text[]) AND (${status}::text IS NULL OR status::text = ${status}::text)
      ) ranked WHERE n <= ${first}`;
    const rows = picked.length
      ? await this.prisma.order.findMany({ where: { id: { in: picked.map((p) => p.id) } }, include: { fills: true }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })
      : [];
    const byAccount = new Map<string, OrderRow[]>(accountIds.map((id) => [id, []]));
    for (const row of rows) byAccount.get(row.accountId)?.push(row);
    return byAccount;
  }

  async fills(q: { accountId?: string | null; accountIds?: readonly string[]; symbol?: string | null; first: number; after?: { at: Date; id: string } }): Promise<Page<StoredFillView>> {
    const rows = await this.prisma.fill.findMany({
      where: {
        ...accountFilter(q),
        ...(q.symbol ? { symbol: q.symbol } : {}),
        ...(q.after ? { OR: [{ executedAt: { lt: q.after.at } }, { executedAt: q.after.at, id: { lt: q.after.id } }] } : {}),
      },
      include: WITH_CLIENT_ORDER_ID,
      orderBy: [{ executedAt: 'desc' }, { id: 'desc' }],
      take: q.first + 1,
    });
    return { rows: rows.slice(0, q.first).map(toStoredFillView), hasNextPage: rows.length > q.first };
  }

  async executions(q: { accountIds?: readonly string[]; symbol?: string | null; first: number; after?: { at: Date; id: string } }) {
    const rows = await this.prisma.execution.findMany({
      where: {
        ...accountFilter(q),
        ...(q.symbol ? { symbol: q.symbol } : {}),
        ...(q.after ? { OR: [{ createdAt: { lt: q.after.at } }, { createdAt: q.after.at, id: { lt: q.after.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: q.first + 1,
    });
    return { rows: rows.slice(0, q.first), hasNextPage: rows.length > q.first };
  }
}

/** One account, or any of a list (a caller bound to accounts), or every account. */
function accountFilter(q: { accountId?: string | null; accountIds?: readonly string[] }) {
  if (q.accountId) return { accountId: q.accountId };
  return q.accountIds ? { accountId: { in: [...q.accountIds] } } : {};
}

export { num };
