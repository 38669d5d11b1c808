// One model version loaded for serving: its onnxruntime session (on the provider that accepted it), its
// shape and validation metrics read from the ONNX metadata, and a micro-batcher that turns concurrent
// single forecasts into one [N, lookback] float32 run. Loading checks the artifact end to end (metadata,
// metrics, a test forecast) so a broken file is refused before it can be swapped in.
import { ONNX_INPUT_NAME, ONNX_OUTPUT_NAME, readOnnxMetadata, type OnnxMetadata } from '@aitrader/models/nbeats';
import { Tensor, type InferenceSession } from 'onnxruntime-node';
import {
  checkModelOutput,
  createMicroBatcher,
  parseModelSpec,
  parseValidationMetrics,
  type ExecutionProvider,
  type MicroBatcher,
  type MicroBatcherStats,
  type ModelSpec,
  type Scheduler,
  type ValidationMetrics,
} from '../domain';
import { createSession } from './session';

export interface LoadedModel {
  readonly name: string;
  readonly version: string;
  readonly spec: ModelSpec;
  readonly metrics: ValidationMetrics;
  readonly meta: OnnxMetadata;
  /** The execution provider that runs it, e.g. "cpu". */
  readonly provider: string;
  /** The provider with the failures before it, e.g. "cpu (cuda failed: libcudart.so.12 not found)". */
  readonly providerSummary: string;
  readonly loadedAt: Date;
  /** One forecast of maxHorizon raw prices for a validated history of `lookback` prices. */
  forecast(history: readonly number[]): Promise<Float32Array>;
  /** Runs a whole batch at once (the benchmark's batched path). */
  runBatch(histories: readonly (readonly number[])[]): Promise<Float32Array[]>;
  batchStats(): MicroBatcherStats;
  /** Drains the batcher, then releases the session. Idempotent. */
  dispose(): Promise<void>;
}

export interface LoadOptions {
  name: string;
  version: string;
  providers: readonly ExecutionProvider[];
  maxBatchSize: number;
  maxWaitMs: number;
  /** Requests queued or running beyond which forecasts are refused (TOO_MANY_REQUESTS). */
  maxPending?: number;
}

/**
 * maxWaitMs 0 flushes on the next turn of the event loop (setImmediate) rather than after a timer
 * (setTimeout(0) waits ≥ 1 ms): requests that arrive together — parsed in the same I/O phase — share one
 * run, and a lone request waits microseconds, not a millisecond (a run of this model takes ~20 µs).
 */
export const tickScheduler: Scheduler = (fn, ms) => {
  if (ms > 0) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  }
  const immediate = setImmediate(fn);
  return () => clearImmediate(immediate);
};

async function runSession(session: InferenceSession, spec: ModelSpec, histories: readonly (readonly number[])[]): Promise<Float32Array[]> {
  const rows = histories.length;
  const input = new Float32Array(rows * spec.lookback);
  histories.forEach((h, r) => input.set(h, r * spec.lookback));
  const outputs = await session.run({ [ONNX_INPUT_NAME]: new Tensor('float32', input, [rows, spec.lookback]) });
  const out = outputs[ONNX_OUTPUT_NAME];
  if (!out) throw new Error(`model has no "${ONNX_OUTPUT_NAME}" output`);
  const data = out.data as Float32Array;
  if (data.length !== rows * spec.maxHorizon) throw new Error(`model returned ${data.length} values for ${rows} × ${spec.maxHorizon}`);
  return histories.map((_, r) => data.slice(r * spec.maxHorizon, (r + 1) * spec.maxHorizon));
}

export async function loadModel(bytes: Uint8Array, options: LoadOptions): Promise<LoadedModel> {
  const meta = readOnnxMetadata(bytes);
  const spec = parseModelSpec({ lookback: meta.lookback, maxHorizon: meta.horizon });
  const metrics = parseValidationMetrics(meta.validation, spec.maxHorizon);
  const { session, outcome } = await createSession(bytes, options.providers);
  try {
    // A forecast of a gently rising series must come back as maxHorizon positive prices.
    const probe = Array.from({ length: spec.lookback }, (_, i) => 100 * (1 + 0.001 * i));
    const [out] = await runSession(session, spec, [probe]);
    checkModelOutput(out!, spec.maxHorizon, options.version);
  } catch (err) {
    await session.release().catch(() => undefined);
    throw err;
  }

  const batcher: MicroBatcher<readonly number[], Float32Array> = createMicroBatcher({
    maxBatchSize: options.maxBatchSize,
    maxWaitMs: options.maxWaitMs,
    maxPending: options.maxPending,
    schedule: tickScheduler,
    run: (inputs) => runSession(session, spec, inputs),
  });
  let disposed: Promise<void> | undefined;

  return {
    name: options.name,
    version: options.version,
    spec,
    metrics,
    meta,
    provider: outcome.provider ?? 'none',
    providerSummary: outcome.summary,
    loadedAt: new Date(),
    forecast: (history) => batcher.submit(history),
    runBatch: (histories) => runSession(session, spec, histories),
    batchStats: () => batcher.stats(),
    dispose: () => {
      disposed ??= batcher.close({ drain: true }).then(() => session.release());
      return disposed;
    },
  };
}
