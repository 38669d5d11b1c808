// Storage layer of the accounts service: every read and write of accounts, positions, the cash ledger and
// equity snapshots. Each mutation is one transaction holding the account row lock, so concurrent fills
// and deposits on one account serialize and a fill is applied at most once (trade id unique in the ledger).
// A fill is applied only if execution recorded it: its `fills` row (same database, written in the order's
// transaction before the fill is published) is read in the applying transaction and must agree exactly.
import type Decimal from 'decimal.js';
import { Prisma, type PrismaClient } from '@aitrader/prisma';
import { exact, type Fill } from '@aitrader/platform';
import {
  applyFill, compareWithApplied, compareWithRecorded, conflictingDuplicateReason, emptyPosition, mismatchReason, unrecordedReason, validateFill,
  type FillRejectionCode, type PositionState,
} from '../domain';

export type TxClient = Prisma.TransactionClient;

export interface AccountRow {
  id: string;
  name: string;
  currency: string;
  cash: Decimal;
  startingCash: Decimal;
  createdAt: Date;
}

export interface PositionRow extends PositionState {
  symbol: string;
}

export type FillOutcome = { applied: true; cashAfter: Decimal; position: PositionRow } | { applied: false; reason: 'duplicate' };

export class AccountNotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  constructor(readonly accountId: string) {
    super(`account ${accountId} does not exist`);
    this.name = 'AccountNotFoundError';
  }
}

/** A fill that must not be applied: not recorded by execution, not as recorded, or a conflicting duplicate. */
export class FillRejectedError extends Error {
  constructor(readonly code: FillRejectionCode, message: string) {
    super(message);
    this.name = 'FillRejectedError';
  }
}

export class AccountExistsError extends Error {
  readonly code = 'ALREADY_EXISTS';
  constructor(readonly accountId: string) {
    super(`account ${accountId} already exists`);
    this.name = 'AccountExistsError';
  }
}

/** Prisma's Decimal → the domain's exact Decimal (the string form loses nothing). */
const dec = (v: Prisma.Decimal | Decimal | number | string) => exact(v.toString());

function toAccount(row: { id: string; name: string; currency: string; cash: Prisma.Decimal; startingCash: Prisma.Decimal; createdAt: Date }): AccountRow {
  return { ...row, cash: dec(row.cash), startingCash: dec(row.startingCash) };
}

function toPosition(row: { symbol: string; quantity: Prisma.Decimal; averagePrice: Prisma.Decimal; realizedPnl: Prisma.Decimal }): PositionRow {
  return { symbol: row.symbol, quantity: dec(row.quantity), averagePrice: dec(row.averagePrice), realizedPnl: dec(row.realizedPnl) };
}

export class AccountsStore {
  constructor(private readonly prisma: PrismaClient) {}

  async list(): Promise<AccountRow[]> {
    return (await this.prisma.account.findMany({ orderBy: { createdAt: 'asc' } })).map(toAccount);
  }

  /** Many accounts in one query (GraphQL entity batching); missing ids are absent from the map. */
  async getMany(ids: readonly string[]): Promise<Map<string, AccountRow>> {
    const rows = await this.prisma.account.findMany({ where: { id: { in: [...ids] } } });
    return new Map(rows.map((r) => [r.id, toAccount(r)]));
  }

  async get(id: string): Promise<AccountRow | null> {
    const row = await this.prisma.account.findUnique({ where: { id } });
    return row ? toAccount(row) : null;
  }

  async positions(accountId: string, includeFlat = false): Promise<PositionRow[]> {
    const rows = await this.prisma.position.findMany({
      where: { accountId, ...(includeFlat ? {} : { NOT: { quantity: 0 } }) },
      orderBy: { symbol: 'asc' },
    });
    return rows.map(toPosition);
  }

  /** Positions of many accounts (flat ones included) in one query, for list views. */
  async positionsByAccount(accountIds: string[]): Promise<Map<string, PositionRow[]>> {
    const rows = await this.prisma.position.findMany({ where: { accountId: { in: accountIds } }, orderBy: { symbol: 'asc' } });
    const out = new Map<string, PositionRow[]>(accountIds.map((id) => [id, []]));
    for (const row of rows) out.get(row.accountId)?.push(toPosition(row));
    return out;
  }

  async create(input: { id?: string; name: string; startingCash: Decimal; at: Date }): Promise<AccountRow> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const row = await tx.account.create({
          data: { ...(input.id ? { id: input.id } : {}), name: input.name, cash: input.startingCash.toString(), startingCash: input.startingCash.toString() },
        });
        await tx.ledgerEntry.create({
          data: { accountId: row.id, kind: 'OPENING', cashDelta: input.startingCash.toString(), cashAfter: input.startingCash.toString(), occurredAt: input.at },
        });
        return toAccount(row);
      });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002' && input.id) throw new AccountExistsError(input.id);
      throw err;
    }
  }

  async deposit(id: string, amount: Decimal, at: Date): Promise<AccountRow> {
    return this.prisma.$transaction(async (tx) => {
      const account = await lockAccount(tx, id);
      const cashAfter = account.cash.plus(amount);
      await tx.ledgerEntry.create({ data: { accountId: id, kind: 'DEPOSIT', cashDelta: amount.toString(), cashAfter: cashAfter.toString(), occurredAt: at } });
      return toAccount(await tx.account.update({ where: { id }, data: { cash: cashAfter.toString() } }));
    });
  }

  /** Flattens every position and restores starting cash; ledger and applied trade ids are kept. */
  async reset(id: string, startingCash: Decimal | undefined, at: Date): Promise<AccountRow> {
    return this.prisma.$transaction(async (tx) => {
      const account = await lockAccount(tx, id);
      const cash = startingCash ?? account.startingCash;
      await tx.position.deleteMany({ where: { accountId: id } });
      await tx.ledgerEntry.create({ data: { accountId: id, kind: 'RESET', cashDelta: cash.minus(account.cash).toString(), cashAfter: cash.toString(), occurredAt: at } });
      return toAccount(await tx.account.update({ where: { id }, data: { cash: cash.toString(), startingCash: cash.toString() } }));
    });
  }

  /**
   * Applies one fill exactly once, and only as execution recorded it. A trade id already in the ledger
   * changes nothing if the message is what was applied, and is refused (CONFLICTING_DUPLICATE) if not;
   * a new trade id needs execution's row of that trade id (UNRECORDED_FILL) agreeing exactly (FILL_MISMATCH).
   */
  async applyFill(fill: Fill): Promise<FillOutcome> {
    const input = validateFill(fill);
    try {
      return await this.prisma.$transaction(async (tx): Promise<FillOutcome> => {
        const account = await lockAccount(tx, fill.accountId);
        if (await alreadyApplied(tx, fill)) return { applied: false, reason: 'duplicate' };
        await checkRecorded(tx, fill);
        const existing = await tx.position.findUnique({ where: { accountId_symbol: { accountId: fill.accountId, symbol: fill.symbol } } });
        const before = existing ? toPosition(existing) : { symbol: fill.symbol, ...emptyPosition() };
        const { position, cashDelta, realized } = applyFill(before, input);
        const cashAfter = account.cash.plus(cashDelta);
        await tx.ledgerEntry.create({
          data: {
            accountId: fill.accountId, kind: 'FILL', tradeId: fill.tradeId, symbol: fill.symbol, side: fill.side,
            quantity: input.quantity.toString(), price: input.price.toString(), fee: input.fee.toString(),
            cashDelta: cashDelta.toString(), realizedPnl: realized.toString(), cashAfter: cashAfter.toString(), occurredAt: new Date(fill.timestamp),
          },
        });
        const data = { quantity: position.quantity.toString(), averagePrice: position.averagePrice.toString(), realizedPnl: position.realizedPnl.toString() };
        await tx.position.upsert({
          where: { accountId_symbol: { accountId: fill.accountId, symbol: fill.symbol } },
          create: { accountId: fill.accountId, symbol: fill.symbol, ...data },
          update: data,
        });
        await tx.account.update({ where: { id: fill.accountId }, data: { cash: cashAfter.toString() } });
        return { applied: true, cashAfter, position: { symbol: fill.symbol, ...position } };
      });
    } catch (err) {
      // Two deliveries of one trade racing on different accounts' locks: the unique key decides.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return { applied: false, reason: 'duplicate' };
      throw err;
    }
  }

  async recordEquity(accountId: string, at: Date, cash: Decimal, equity: Decimal): Promise<void> {
    await this.prisma.equitySnapshot.create({ data: { accountId, at, cash: cash.toString(), equity: equity.toString() } });
  }

  async equityHistory(accountId: string, range: { from?: Date; to?: Date; last: number }) {
    const rows = await this.prisma.equitySnapshot.findMany({
      where: { accountId, at: { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lte: range.to } : {}) } },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: range.last,
    });
    return rows.reverse().map((r) => ({ at: r.at, cash: dec(r.cash), equity: dec(r.equity) }));
  }
}

/** True if the ledger holds the trade id as this message has it; throws if it holds another version of it. */
async function alreadyApplied(tx: TxClient, fill: Fill): Promise<boolean> {
  const entry = await tx.ledgerEntry.findUnique({ where: { tradeId: fill.tradeId } });
  if (!entry) return false;
  const applied = {
    accountId: entry.accountId, symbol: entry.symbol ?? '', side: entry.side ?? '',
    quantity: entry.quantity?.toString() ?? 'missing', price: entry.price?.toString() ?? 'missing', fee: entry.fee?.toString() ?? 'missing',
  };
  const check = compareWithApplied(fill, applied);
  if (!check.ok) throw new FillRejectedError('CONFLICTING_DUPLICATE', conflictingDuplicateReason(fill.tradeId, check.difference));
  // The ledger has no order id: execution's row (if any) has the one that was applied.
  const recorded = await tx.fill.findUnique({ where: { tradeId: fill.tradeId }, select: { orderId: true } });
  if (recorded && recorded.orderId !== fill.orderId) {
    throw new FillRejectedError('CONFLICTING_DUPLICATE', conflictingDuplicateReason(fill.tradeId, { field: 'orderId', got: fill.orderId, expected: recorded.orderId }));
  }
  return true;
}

/** Execution's own `fills` row for the trade id must exist and agree with the message exactly. */
async function checkRecorded(tx: TxClient, fill: Fill): Promise<void> {
  const row = await tx.fill.findUnique({ where: { tradeId: fill.tradeId } });
  if (!row) throw new FillRejectedError('UNRECORDED_FILL', unrecordedReason(fill.tradeId));
  const recorded = { ...row, quantity: row.quantity.toString(), price: row.price.toString(), fee: row.fee.toString() };
  const check = compareWithRecorded(fill, recorded);
  if (!check.ok) throw new FillRejectedError('FILL_MISMATCH', mismatchReason(fill.tradeId, check.difference));
}

async function lockAccount(tx: TxClient, id: string): Promise<AccountRow> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM accounts WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new AccountNotFoundError(id);
  return toAccount((await tx.account.findUniqueOrThrow({ where: { id } })));
}
