// The GraphQL context of the accounts subgraph: the platform runtime plus this service's objects.
import type { GraphQLContext } from '@aitrader/platform';
import type { AccountsSettings } from '../settings';
import type { AccountsServices } from '../services';
import type { AccountsLoaders } from './loaders';

export type Context = GraphQLContext<AccountsServices, AccountsSettings, AccountsLoaders>;
