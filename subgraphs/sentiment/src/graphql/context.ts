// The GraphQL context of the sentiment subgraph: the platform runtime plus this service's objects.
import type { GraphQLContext } from '@aitrader/platform';
import type { SentimentSettings } from '../settings';
import type { SentimentServices } from '../services';

export type Context = GraphQLContext<SentimentServices, SentimentSettings>;
