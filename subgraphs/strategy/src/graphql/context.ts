// The GraphQL context of the strategy subgraph: the platform runtime plus this service's objects.
import type { AppContext } from '@aitrader/platform';
import type { StrategyServices } from '../services';

export type Context = AppContext<StrategyServices>;
