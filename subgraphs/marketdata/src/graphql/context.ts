// The GraphQL context of the marketdata subgraph: the platform runtime plus this service's objects.
import type { AppContext } from '@aitrader/platform';
import type { MarketdataServices } from '../services';

export type Context = AppContext<MarketdataServices>;
