// The strategy subgraph: its SDL and resolvers, as a service definition the runtime and the supergraph
// composition both use. Strategy engine: multi-factor decisions, risk checks and orders.
import { loadSdl, type ServiceDefinition } from '@aitrader/platform';

export const definition: ServiceDefinition = {
  name: 'strategy',
  typeDefs: loadSdl(__dirname),
};
