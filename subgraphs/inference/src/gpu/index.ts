// The GPU runner (:8007, the seed's TensorRT runner): the ONNX runner's REST API and registry-following
// runtime, with execution providers tried in the order tensorrt → cuda → webgpu → cpu (or
// INFERENCE_PROVIDERS), GPU ones only when a GPU is present; `/health` and every response name the
// provider that actually runs the model (on a machine without a GPU: cpu).
import type { ServiceDefinition } from '@aitrader/platform';
import { runnerDefinition } from '../runner/definition';
import { gpuProviderSetup } from '../runtime/session';
import type { RunnerServices } from '../services';
import type { InferenceSettings } from '../settings';

export const definition: ServiceDefinition<RunnerServices, InferenceSettings> = runnerDefinition('gpu-runner', (ctx) => gpuProviderSetup(ctx.settings.INFERENCE_PROVIDERS));
