// An account as GraphQL resolvers see it: the stored row, valued at the latest marks lazily and at most
// once per request however many valuation fields the query selects.
import type { AccountsService, ValuedAccount } from '../accounts-service';
import type { AccountRow } from '../storage/accounts-store';

export class AccountView {
  private valued?: Promise<ValuedAccount>;

  constructor(readonly row: AccountRow, private readonly service: AccountsService) {}

  value(): Promise<ValuedAccount> {
    this.valued ??= this.service.value(this.row);
    return this.valued;
  }
}
