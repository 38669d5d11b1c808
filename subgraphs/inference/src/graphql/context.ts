// The GraphQL context of the inference subgraph (the ONNX runner): the platform runtime, the family's
// settings and the runner's objects, plus one request's id, caller and loaders.
import type { GraphQLContext } from '@aitrader/platform';
import type { RunnerServices } from '../services';
import type { InferenceSettings } from '../settings';

export type Context = GraphQLContext<RunnerServices, InferenceSettings>;
