// The GraphQL context of the accounts subgraph: the platform runtime plus this service's objects.
import type { AppContext } from '@aitrader/platform';
import type { AccountsService } from '../accounts-service';

export type Context = AppContext<{ accounts: AccountsService }>;
