// What a caller may see and do in execution, checked before storage is touched: a credential bound to
// accounts reads and trades those accounts only (trade needs the trade scope); a list without an
// account is narrowed to the caller's accounts. Refusals are AuthError FORBIDDEN.
import { assertAccountAccess, readableAccounts, type Principal } from '@aitrader/platform';

/** The account filter of a list query for `caller`: the one asked for (checked), or all it may read. */
export function accountScope(caller: Principal, accountId: string | null | undefined): { accountId?: string; accountIds?: readonly string[] } {
  if (accountId) {
    assertAccountAccess(caller, accountId, 'read');
    return { accountId };
  }
  const readable = readableAccounts(caller);
  return readable === '*' ? {} : { accountIds: readable };
}

/** A row of `accountId` is shown to `caller` only when it may read that account. */
export function readable<T>(caller: Principal, accountId: string, row: T): T {
  assertAccountAccess(caller, accountId, 'read');
  return row;
}

export const assertCanTrade = (caller: Principal, accountId: string) => assertAccountAccess(caller, accountId, 'trade');
