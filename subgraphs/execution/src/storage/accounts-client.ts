// What the execution engine reads of an account before it books an order: its buying power and its
// position in the symbol, from the accounts service (GET /mcp/accounts/:id, signed as this service).
// An account that does not exist is UNKNOWN; an accounts service that cannot answer is an error the
// caller retries (a stream order) or reports (placeOrder), never a pass.
import type { Logger } from '@aitrader/platform';

export interface AccountExposureReader {
  /** null: no such account. Throws when the accounts service cannot answer. */
  exposure(accountId: string, symbol: string): Promise<{ buyingPower: number; position: number } | null>;
}

export class AccountsUnavailableError extends Error {
  readonly code = 'ACCOUNTS_UNAVAILABLE';
  /** An outage: a stream order waits for the accounts service instead of being dead-lettered. */
  readonly transient = true;
}

export function accountsClient(baseUrl: string, headers: () => Record<string, string>, logger?: Logger, timeoutMs = 2000): AccountExposureReader {
  return {
    async exposure(accountId, symbol) {
      let res: Response;
      try {
        res = await fetch(`${baseUrl}/mcp/accounts/${encodeURIComponent(accountId)}`, { headers: headers(), signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        logger?.warn({ accountId, err: (error as Error).message }, 'accounts service unreachable for a pre-trade check');
        throw new AccountsUnavailableError(`the accounts service did not answer for ${accountId}: ${(error as Error).message}`);
      }
      if (res.status === 404) return null;
      if (!res.ok) throw new AccountsUnavailableError(`the accounts service answered HTTP ${res.status} for ${accountId}`);
      const body = (await res.json()) as { buying_power: number; positions: { symbol: string; quantity: number }[] };
      return { buyingPower: body.buying_power, position: body.positions.find((p) => p.symbol === symbol)?.quantity ?? 0 };
    },
  };
}
