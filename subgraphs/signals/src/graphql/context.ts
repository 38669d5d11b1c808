// The GraphQL context of the signals subgraph: the platform runtime plus this service's objects.
import type { AppContext } from '@aitrader/platform';
import type { SignalsServices } from '../services';

export type Context = AppContext<SignalsServices>;
