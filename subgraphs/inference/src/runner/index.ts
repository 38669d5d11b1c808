// The inference subgraph (ONNX runner, :8001): N-BEATS forecasts on CPU over REST (the seed's
// POST /infer/forecast/nbeats) and GraphQL, the model registry with hot promotion and A/B candidates,
// and training jobs enqueued for the worker. Its SDL and resolvers, as a service definition the runtime
// and the test stack use.
import { join } from 'node:path';
import { loadSdl, type ServiceDefinition } from '@aitrader/platform';
import { resolvers } from '../graphql/resolvers';
import { cpuProviderSetup } from '../runtime/session';
import type { RunnerServices } from '../services';
import type { InferenceSettings } from '../settings';
import { runnerDefinition } from './definition';

export const definition: ServiceDefinition<RunnerServices, InferenceSettings> = {
  ...runnerDefinition('inference', () => cpuProviderSetup()),
  typeDefs: loadSdl(join(__dirname, '..')),
  resolvers,
};
