// The inference subgraph: its SDL and resolvers, as a service definition the runtime and the supergraph
// composition both use. ONNX runner: N-BEATS price forecasts on CPU.
import { loadSdl, type ServiceDefinition } from '@aitrader/platform';

export const definition: ServiceDefinition = {
  name: 'inference',
  typeDefs: loadSdl(__dirname),
};
