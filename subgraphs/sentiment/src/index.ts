// The sentiment subgraph: its SDL and resolvers, as a service definition the runtime and the supergraph
// composition both use. Sentiment engine: news ingestion and FinBERT-class scores.
import { loadSdl, type ServiceDefinition } from '@aitrader/platform';

export const definition: ServiceDefinition = {
  name: 'sentiment',
  typeDefs: loadSdl(__dirname),
};
