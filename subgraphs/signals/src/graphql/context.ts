// The GraphQL context of the signals subgraph: the platform runtime plus this service's objects.
import type { GraphQLContext } from '@aitrader/platform';
import type { SignalsSettings } from '../settings';
import type { SignalsServices } from '../services';

export type Context = GraphQLContext<SignalsServices, SignalsSettings>;
