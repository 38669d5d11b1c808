// The marketdata subgraph: its SDL and resolvers, as a service definition the runtime and the supergraph
// composition both use. Market data: tick replay, L2 book builder and OHLCV candles.
import { loadSdl, type ServiceDefinition } from '@aitrader/platform';

export const definition: ServiceDefinition = {
  name: 'marketdata',
  typeDefs: loadSdl(__dirname),
};
