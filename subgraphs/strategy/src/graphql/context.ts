// The GraphQL context of the strategy subgraph: the platform runtime plus this service's objects.
import type { GraphQLContext } from '@aitrader/platform';
import type { StrategySettings } from '../settings';
import type { StrategyServices } from '../services';

export type Context = GraphQLContext<StrategyServices, StrategySettings>;
