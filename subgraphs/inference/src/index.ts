// The inference subgraph (ONNX runner, :8001): N-BEATS forecasts on CPU over REST (the seed's
// POST /infer/forecast/nbeats) and GraphQL, the model registry with hot promotion and A/B candidates,
// and training jobs enqueued for the worker. Its SDL and resolvers, as a service definition the runtime
// and the supergraph composition both use.
import { loadSdl, type ServiceDefinition } from '@aitrader/platform';
import { resolvers } from './graphql/resolvers';
import { runnerDefinition } from './runner';
import { cpuProviderSetup } from './runtime/session';
import type { RunnerServices } from './services';

export const definition: ServiceDefinition<RunnerServices> = {
  ...runnerDefinition('inference', () => cpuProviderSetup()),
  typeDefs: loadSdl(__dirname),
  // Generated resolver types (codegen) are stricter than @apollo/subgraph's loose GraphQLResolverMap.
  resolvers: resolvers as never,
};

export { gpuDefinition } from './gpu';
export { workerDefinition } from './worker';
