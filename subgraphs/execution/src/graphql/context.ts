// The GraphQL context of the execution subgraph: the platform runtime plus this service's objects.
import type { AppContext } from '@aitrader/platform';
import type { ExecutionServices } from '../services';

export type Context = AppContext<ExecutionServices>;
