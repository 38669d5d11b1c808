// The GraphQL context of the marketdata subgraph: the platform runtime plus this service's objects.
import type { GraphQLContext } from '@aitrader/platform';
import type { MarketdataSettings } from '../settings';
import type { MarketdataServices } from '../services';
import type { MarketdataLoaders } from './loaders';

export type Context = GraphQLContext<MarketdataServices, MarketdataSettings, MarketdataLoaders>;
