// Helpers of the inference integration tests: a stack serving a model name of its own (unique per run,
// in a temporary MODELS_DIR, so tests sharing the database never see each other's versions), REST calls,
// price histories, and extra model versions trained in-process for promotion and A/B tests.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, exportOnnx, syntheticSeries, train } from '@aitrader/models/nbeats';
import { storedMetrics } from '../../../subgraphs/inference/src/storage/model-metrics';
import { ArtifactStore } from '../../../subgraphs/inference/src/storage/artifacts';
import { ModelStore } from '../../../subgraphs/inference/src/storage/model-store';
import { signedHeaders, uniquePrefix } from '../support/env';
import { startStack, type Stack } from '../support/stack';

export interface InferenceStack extends Stack {
  modelName: string;
  modelsDir: string;
  /** Base URLs of the ONNX runner and the GPU runner. */
  onnx: string;
  gpu: string;
  worker: string;
}

export async function startInferenceStack(label: string, overrides: Record<string, string> = {}): Promise<InferenceStack> {
  const modelName = `nbeats-${label}-${randomBytes(3).toString('hex')}`;
  const modelsDir = mkdtempSync(join(tmpdir(), `aitrader-${label}-`));
  const stack = await startStack({ REDIS_PREFIX: uniquePrefix(label), MODEL_NAME: modelName, MODELS_DIR: modelsDir, ...overrides });
  return {
    ...stack,
    modelName,
    modelsDir,
    onnx: stack.services.get('inference')!.url,
    gpu: stack.services.get('gpu-runner')!.url,
    worker: stack.services.get('worker')!.url,
    close: async () => {
      await stack.close();
      rmSync(modelsDir, { recursive: true, force: true });
    },
  };
}

export interface RestResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function postForecast(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<RestResponse> {
  headers = { ...signedHeaders(), ...headers };
  const res = await fetch(`${baseUrl}/infer/forecast/nbeats`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** A positive price path: a seeded geometric random walk with a drift per step. */
export function pricePath(length: number, seed: number, start = 100, drift = 0, volatility = 0.002): number[] {
  const rng = createRng(seed);
  const out: number[] = [];
  let price = start;
  for (let i = 0; i < length; i++) {
    price *= Math.exp(drift + volatility * rng.normal());
    out.push(Math.round(price * 100) / 100);
  }
  return out;
}

/** Trains a small model in-process (well under a second), writes it to MODELS_DIR and registers it READY. */
export async function registerTrainedVersion(stack: InferenceStack, version: string, seed: number): Promise<void> {
  const result = train({ series: syntheticSeries({ length: 1500, seed: 7, randomWalk: 0.001 }), blocks: 1, layersPerBlock: 1, hiddenSize: 16, epochs: 2, seed });
  const bytes = exportOnnx(result.model, { version, validation: result.metrics.validation, test: result.metrics.test });
  const path = await new ArtifactStore(stack.modelsDir).write(stack.modelName, version, bytes);
  const prisma = stack.services.get('inference')!.ctx.prisma;
  await new ModelStore(prisma).register({
    name: stack.modelName,
    version,
    path,
    metrics: storedMetrics(result.metrics.validation, result.metrics.test, { data: 'test', epochs: 2, seed }),
  });
}
