// The signals subgraph: its SDL and resolvers, as a service definition the runtime and the supergraph
// composition both use. Pattern engine: streaming indicators and scored signals from the Rust core.
import { loadSdl, type ServiceDefinition } from '@aitrader/platform';

export const definition: ServiceDefinition = {
  name: 'signals',
  typeDefs: loadSdl(__dirname),
};
