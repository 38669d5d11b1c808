// The GraphQL context of the sentiment subgraph: the platform runtime plus this service's objects.
import type { AppContext } from '@aitrader/platform';
import type { SentimentServices } from '../services';

export type Context = AppContext<SentimentServices>;
