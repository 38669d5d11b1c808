// Application layer of the accounts service: validates commands, runs them through the store, values
// accounts at the latest marks from Redis, and records equity history. Knows nothing of GraphQL.
import type Decimal from 'decimal.js';
import type { Redis } from 'ioredis';
import { exact, markPrice, readQuotes, type Fill, type Logger } from '@aitrader/platform';
import { AccountDomainError, equityPoint, validateDeposit, validateStartingCash, valueAccount, type AccountValuation } from '../domain';
import { AccountsStore, type AccountRow, type FillOutcome, type PositionRow } from '../storage/accounts-store';

export interface ValuedAccount {
  account: AccountRow;
  positions: PositionRow[];
  valuation: AccountValuation;
  marks: Map<string, Decimal | undefined>;
}

const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class AccountsService {
  constructor(
    readonly store: AccountsStore,
    private readonly redis: Redis,
    private readonly clock: () => Date,
    private readonly logger?: Logger,
    private readonly quotePrefix = '',
  ) {}

  async marks(symbols: string[]): Promise<Map<string, Decimal | undefined>> {
    const quotes = await readQuotes(this.redis, symbols, this.quotePrefix);
    return new Map(symbols.map((s) => {
      const mark = markPrice(quotes.get(s));
      return [s, mark === null ? undefined : exact(mark)];
    }));
  }

  async value(account: AccountRow, positions?: PositionRow[]): Promise<ValuedAccount> {
    // Flat positions are included: their realized P&L belongs to the account's.
    const held = positions ?? (await this.store.positions(account.id, true));
    return valuedAt(account, held, await this.marks(held.map((p) => p.symbol)));
  }

  async create(input: { id?: string | null; name: string; startingCash: number }): Promise<AccountRow> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 100) throw new AccountDomainError('INVALID_INPUT', 'name must be 1-100 characters');
    if (input.id != null && !ACCOUNT_ID.test(input.id)) throw new AccountDomainError('INVALID_INPUT', 'id must be 1-64 letters, digits, "-" or "_"');
    const startingCash = validateStartingCash(input.startingCash);
    const account = await this.store.create({ id: input.id ?? undefined, name, startingCash, at: this.clock() });
    await this.snapshot(account);
    return account;
  }

  async deposit(id: string, amount: number): Promise<AccountRow> {
    const account = await this.store.deposit(id, validateDeposit(amount), this.clock());
    await this.snapshot(account);
    return account;
  }

  async reset(id: string, startingCash?: number | null): Promise<AccountRow> {
    const cash = startingCash == null ? undefined : validateStartingCash(startingCash);
    const account = await this.store.reset(id, cash, this.clock());
    await this.snapshot(account);
    return account;
  }

  /** Applies a fill from the `fills` stream as execution recorded it; an identical redelivery changes nothing. */
  async applyFill(fill: Fill): Promise<FillOutcome> {
    const outcome = await this.store.applyFill(fill);
    if (!outcome.applied) {
      this.logger?.info({ tradeId: fill.tradeId, accountId: fill.accountId }, 'duplicate fill ignored');
      return outcome;
    }
    const account = await this.store.get(fill.accountId);
    if (account) await this.snapshot(account);
    this.logger?.info({ tradeId: fill.tradeId, accountId: fill.accountId, symbol: fill.symbol, side: fill.side, quantity: fill.quantity, price: fill.price }, 'fill applied');
    return outcome;
  }

  /** One equity-history point per account at the current marks. */
  async snapshotAll(): Promise<void> {
    const accounts = await this.store.list();
    const positions = await this.store.positionsByAccount(accounts.map((a) => a.id));
    for (const account of accounts) await this.snapshot(account, this.clock(), positions.get(account.id));
  }

  private async snapshot(account: AccountRow, at = this.clock(), positions?: PositionRow[]): Promise<void> {
    const { valuation } = await this.value(account, positions);
    const point = equityPoint(at, valuation);
    await this.store.recordEquity(account.id, point.at, point.cash, point.equity);
  }
}

/** An account valued at given marks (no I/O): what `value` computes once positions and marks are read. */
export function valuedAt(account: AccountRow, positions: PositionRow[], marks: Map<string, Decimal | undefined>): ValuedAccount {
  return { account, positions, marks, valuation: valueAccount({ cash: account.cash, positions, marks }) };
}
