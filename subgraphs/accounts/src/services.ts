// The accounts service's application objects, built once at start from the platform runtime.
import type { SettingsContext } from '@aitrader/platform';
import { AccountsService } from './application/accounts-service';
import type { AccountsSettings } from './settings';
import { AccountsStore } from './storage/accounts-store';

export interface AccountsServices {
  accounts: AccountsService;
}

export function createServices(ctx: SettingsContext<AccountsSettings>): AccountsServices {
  return { accounts: new AccountsService(new AccountsStore(ctx.prisma), ctx.redis, () => new Date(), ctx.logger, ctx.config.REDIS_PREFIX) };
}
