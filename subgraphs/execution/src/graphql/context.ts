// The GraphQL context of the execution subgraph: the platform runtime plus this service's objects.
import type { GraphQLContext } from '@aitrader/platform';
import type { ExecutionSettings } from '../settings';
import type { ExecutionServices } from '../services';
import type { ExecutionLoaders } from './loaders';

export type Context = GraphQLContext<ExecutionServices, ExecutionSettings, ExecutionLoaders>;
