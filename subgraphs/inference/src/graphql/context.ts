// The GraphQL context of the inference subgraph: the platform runtime plus this service's objects.
import type { AppContext } from '@aitrader/platform';
import type { RunnerServices } from '../services';

export type Context = AppContext<RunnerServices>;
