// An account as GraphQL resolvers see it: the stored row, valued at the latest marks lazily and at most
// once per request however many valuation fields the query selects (through the request's loaders, so
// many accounts in one request share one positions query and one marks read).
import type { ValuedAccount } from '../application/accounts-service';
import type { AccountRow } from '../storage/accounts-store';
import { valueThrough, type AccountsLoaders } from './loaders';

export class AccountView {
  private valued?: Promise<ValuedAccount>;

  constructor(readonly row: AccountRow, private readonly loaders: AccountsLoaders) {}

  value(): Promise<ValuedAccount> {
    this.valued ??= valueThrough(this.loaders, this.row);
    return this.valued;
  }
}
