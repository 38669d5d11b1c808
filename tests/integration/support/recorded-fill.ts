// Makes a hand-made fill genuine for tests: writes what the execution engine writes before it publishes
// a fill (the order, its `fills` row and the seed's `executions` row, in one transaction), so accounts,
// which applies only fills that execution recorded, accepts it from the `fills` stream.
import type { Fill } from '@aitrader/platform';
import { exact } from '@aitrader/platform/decimal';
import { createPrismaClient, type PrismaClient } from '@aitrader/prisma';
import { DATABASE_URL } from './env';

let client: PrismaClient | undefined;

/** The Prisma client the helper writes with; disconnect it in afterAll with `closeRecordedFills`. */
function prisma(): PrismaClient {
  client ??= createPrismaClient(DATABASE_URL);
  return client;
}

/** Records `fill` as execution would: its order (FILLED by this fill alone, unless it exists), fill and execution rows. */
export async function recordFill(fill: Fill): Promise<void> {
  const figures = { quantity: String(fill.quantity), price: String(fill.price), fee: String(fill.fee) };
  await prisma().$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: fill.orderId }, select: { id: true } });
    if (!order) {
      await tx.order.create({
        data: {
          id: fill.orderId, accountId: fill.accountId, clientOrderId: fill.clientOrderId, symbol: fill.symbol, side: fill.side, type: 'MARKET',
          status: 'FILLED', quantity: figures.quantity, filledQuantity: figures.quantity, averageFillPrice: figures.price,
        },
      });
    }
    const row = await tx.fill.create({
      data: {
        tradeId: fill.tradeId, orderId: fill.orderId, accountId: fill.accountId, symbol: fill.symbol, side: fill.side, ...figures,
        liquidity: fill.liquidity ?? 'TAKER', executedAt: new Date(fill.timestamp),
      },
    });
    await tx.execution.create({
      data: {
        fillId: row.id, orderId: fill.orderId, tradeId: fill.tradeId, accountId: fill.accountId, symbol: fill.symbol, side: fill.side, ...figures,
        notional: exact(fill.quantity).times(fill.price).toString(),
      },
    });
  });
}

/** Ledger entries for a trade id (0 or 1): what accounts applied. */
export async function ledgerEntriesFor(tradeId: string): Promise<number> {
  return prisma().ledgerEntry.count({ where: { tradeId } });
}

export async function closeRecordedFills(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}
