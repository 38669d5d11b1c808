// The accounts subgraph: its SDL and resolvers, as a service definition the runtime and the supergraph
// composition both use. Account simulation (the seed's mock MCP): cash, positions, P&L.
import { loadSdl, type ServiceDefinition } from '@aitrader/platform';

export const definition: ServiceDefinition = {
  name: 'accounts',
  typeDefs: loadSdl(__dirname),
};
