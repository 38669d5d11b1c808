// Settings of the inference family (the ONNX runner, the GPU runner and the worker share them): where
// model artifacts live (`<name>/<version>.onnx`; default <repo>/models/artifacts), which model name the
// runners serve, the micro-batcher (max batch; max wait, 0 = flush on the next event-loop turn) and the
// GPU runner's execution-provider order (comma-separated, e.g. "cuda,cpu"; default tensorrt,cuda,webgpu,cpu).
import { z } from 'zod';

export const InferenceSettings = z.object({
  MODELS_DIR: z.string().min(1).optional(),
  MODEL_NAME: z.string().regex(/^[A-Za-z][\w.-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-" starting with a letter').default('nbeats'),
  INFERENCE_MAX_BATCH: z.coerce.number().int().min(1).max(4096).default(64),
  INFERENCE_MAX_WAIT_MS: z.coerce.number().min(0).max(1000).default(0),
  INFERENCE_PROVIDERS: z.string().regex(/^[\w, ]*$/, 'must be a comma-separated list of provider names').optional(),
});

export type InferenceSettings = z.infer<typeof InferenceSettings>;
