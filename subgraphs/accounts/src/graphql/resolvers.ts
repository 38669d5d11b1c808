// GraphQL resolvers of the accounts subgraph: thin — they map arguments to the AccountsService and
// domain errors to typed payload errors.
import type { AppContext } from '@aitrader/platform';
import type Decimal from 'decimal.js';
import { AccountDomainError } from '../domain';
import type { AccountsService, ValuedAccount } from '../accounts-service';
import { AccountExistsError, AccountNotFoundError, type AccountRow } from '../storage/accounts-store';

type Ctx = AppContext<{ accounts: AccountsService }>;

const n = (d: Decimal) => d.toNumber();

/** An account as resolvers see it; valued lazily, once per request per account. */
class AccountView {
  private valued?: Promise<ValuedAccount>;
  constructor(readonly row: AccountRow, private readonly service: AccountsService) {}
  value(): Promise<ValuedAccount> {
    this.valued ??= this.service.value(this.row);
    return this.valued;
  }
}

async function payload(run: () => Promise<AccountRow>, ctx: Ctx) {
  try {
    return { account: new AccountView(await run(), ctx.services.accounts), error: null };
  } catch (err) {
    if (err instanceof AccountDomainError || err instanceof AccountNotFoundError || err instanceof AccountExistsError) {
      return { account: null, error: { code: err.code, message: err.message } };
    }
    throw err;
  }
}

async function byId(id: string, ctx: Ctx) {
  const row = await ctx.services.accounts.store.get(id);
  return row ? new AccountView(row, ctx.services.accounts) : null;
}

export const resolvers = {
  Query: {
    accounts: async (_: unknown, __: unknown, ctx: Ctx) => (await ctx.services.accounts.store.list()).map((r) => new AccountView(r, ctx.services.accounts)),
    account: (_: unknown, args: { id: string }, ctx: Ctx) => byId(args.id, ctx),
  },
  Mutation: {
    createAccount: (_: unknown, { input }: { input: { id?: string | null; name: string; startingCash: number } }, ctx: Ctx) =>
      payload(() => ctx.services.accounts.create(input), ctx),
    deposit: (_: unknown, args: { id: string; amount: number }, ctx: Ctx) => payload(() => ctx.services.accounts.deposit(args.id, args.amount), ctx),
    resetAccount: (_: unknown, args: { id: string; startingCash?: number | null }, ctx: Ctx) =>
      payload(() => ctx.services.accounts.reset(args.id, args.startingCash), ctx),
  },
  Account: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => byId(ref.id, ctx),
    id: (a: AccountView) => a.row.id,
    name: (a: AccountView) => a.row.name,
    currency: (a: AccountView) => a.row.currency,
    createdAt: (a: AccountView) => a.row.createdAt,
    cash: (a: AccountView) => n(a.row.cash),
    startingCash: (a: AccountView) => n(a.row.startingCash),
    equity: async (a: AccountView) => n((await a.value()).valuation.equity),
    buyingPower: async (a: AccountView) => n((await a.value()).valuation.buyingPower),
    positionsValue: async (a: AccountView) => n((await a.value()).valuation.positionsValue),
    grossExposure: async (a: AccountView) => n((await a.value()).valuation.grossExposure),
    realizedPnl: async (a: AccountView) => n((await a.value()).valuation.realizedPnl),
    unrealizedPnl: async (a: AccountView) => n((await a.value()).valuation.unrealizedPnl),
    marksMissing: async (a: AccountView) => (await a.value()).valuation.marksMissing,
    positions: async (a: AccountView, args: { includeFlat: boolean }) => {
      const { valuation } = await a.value();
      return valuation.positions.filter((p) => args.includeFlat || !p.quantity.isZero()).map((p) => ({
        symbol: p.symbol,
        instrument: { symbol: p.symbol },
        quantity: n(p.quantity),
        averagePrice: n(p.averagePrice),
        realizedPnl: n(p.realizedPnl),
        marketPrice: p.mark === undefined ? null : n(p.mark),
        marketValue: n(p.marketValue),
        unrealizedPnl: n(p.unrealizedPnl),
      }));
    },
    equityHistory: async (a: AccountView, args: { from?: Date | null; to?: Date | null; last: number }, ctx: Ctx) => {
      const last = Math.max(1, Math.min(args.last, 5000));
      const points = await ctx.services.accounts.store.equityHistory(a.row.id, { from: args.from ?? undefined, to: args.to ?? undefined, last });
      return points.map((p) => ({ at: p.at, cash: n(p.cash), equity: n(p.equity) }));
    },
  },
};
