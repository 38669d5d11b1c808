// Per-request DataLoaders of the accounts subgraph: accounts, their positions and the marks they are
// valued at are read once per request for every account the request touches (a list of accounts, or
// the gateway's `_entities` for many Account references), in one query or Redis read each.
import DataLoader from 'dataloader';
import type Decimal from 'decimal.js';
import type { AppContext } from '@aitrader/platform';
import { valuedAt, type ValuedAccount } from '../application/accounts-service';
import type { AccountsServices } from '../services';
import type { AccountsSettings } from '../settings';
import type { AccountRow, PositionRow } from '../storage/accounts-store';

export interface AccountsLoaders {
  account: DataLoader<string, AccountRow | null>;
  /** Every position of an account, flat ones included (their realized P&L is the account's). */
  positions: DataLoader<string, PositionRow[]>;
  mark: DataLoader<string, Decimal | undefined>;
}

export function createLoaders(ctx: AppContext<AccountsServices, AccountsSettings>): AccountsLoaders {
  const { accounts } = ctx.services;
  return {
    account: new DataLoader(async (ids) => {
      const rows = await accounts.store.getMany(ids);
      return ids.map((id) => rows.get(id) ?? null);
    }),
    positions: new DataLoader(async (ids) => {
      const byAccount = await accounts.store.positionsByAccount([...ids]);
      return ids.map((id) => byAccount.get(id) ?? []);
    }),
    mark: new DataLoader(async (symbols) => {
      const marks = await accounts.marks([...symbols]);
      return symbols.map((s) => marks.get(s));
    }),
  };
}

/** An account valued through the request's loaders: one positions query and one marks read for all. */
export async function valueThrough(loaders: AccountsLoaders, row: AccountRow): Promise<ValuedAccount> {
  const positions = await loaders.positions.load(row.id);
  const symbols = [...new Set(positions.map((p) => p.symbol))];
  const marks = await Promise.all(symbols.map((s) => loaders.mark.load(s)));
  return valuedAt(row, positions, new Map(symbols.map((s, i) => [s, marks[i]])));
}
