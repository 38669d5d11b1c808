// The execution subgraph: its SDL and resolvers, as a service definition the runtime and the supergraph
// composition both use. Execution engine: order management and simulated fills.
import { loadSdl, type ServiceDefinition } from '@aitrader/platform';

export const definition: ServiceDefinition = {
  name: 'execution',
  typeDefs: loadSdl(__dirname),
};
