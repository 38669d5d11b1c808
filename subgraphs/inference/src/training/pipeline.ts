// One training run from data to a registered model version: build the corpus, train in a worker thread,
// export ONNX, check the file loads and matches the TypeScript forward pass, write the artifact, then
// register it READY (and PROMOTED when asked and it beats naive) in one transaction. Nothing is
// registered unless every earlier step succeeded; a failed registration removes the artifact again.
import type { Logger } from '@aitrader/platform';
import type { PrismaClient } from '@aitrader/prisma';
import { exportOnnx, predict, type NBeatsModel } from '@aitrader/models/nbeats';
import { BOOTSTRAP_TRAINING } from '@aitrader/models/nbeats/bootstrap';
import { storedMetrics, type StoredModelMetrics } from '../storage/model-metrics';
import { loadModel } from '../runtime/loaded-model';
import type { PromotedEvent } from '../runtime/model-runtime';
import type { ArtifactStore } from '../storage/artifacts';
import { VersionExistsError, type ModelStore } from '../storage/model-store';
import { buildCorpus } from './corpus';
import type { TrainJobPayload } from './job-spec';
import { trainInThread, type ThreadResult } from './train-in-thread';

export interface TrainingDeps {
  prisma: PrismaClient;
  store: ModelStore;
  artifacts: ArtifactStore;
  /** Tells the runners (Redis pub/sub `models:promoted`) to hot-reload; failures are logged, the runners' registry check catches up. */
  announcePromoted: (event: PromotedEvent) => Promise<void>;
  logger?: Logger;
}

export type TrainingStage = 'data' | 'training' | 'export' | 'register' | 'done';

export interface TrainingRunOptions {
  jobId?: string;
  onProgress?: (fraction: number, stage: TrainingStage) => void;
  signal?: AbortSignal;
}

export interface TrainingReport {
  name: string;
  version: string;
  status: 'READY' | 'PROMOTED';
  promoted: boolean;
  /** Why promote: true did not promote (it did not beat the naive forecast on validation). */
  promoteSkipped: string | null;
  retired: string[];
  path: string;
  data: string;
  epochsRun: number;
  bestEpoch: number;
  trainingSeconds: number;
  metrics: StoredModelMetrics;
}

/** The float32 ONNX graph must reproduce the float64 TS forecast (relative to the last price) within 1e-4. */
const PARITY_TOLERANCE = 1e-4;

async function verifyArtifact(bytes: Uint8Array, model: NBeatsModel, history: number[], version: string): Promise<void> {
  const loaded = await loadModel(bytes, { name: 'verify', version, providers: ['cpu'], maxBatchSize: 1, maxWaitMs: 0 });
  try {
    const [onnxOut] = await loaded.runBatch([history]);
    const [tsOut] = predict(model, [history]);
    const last = history[history.length - 1]!;
    const worst = Math.max(...tsOut!.map((p, j) => Math.abs((onnxOut![j]! - p) / last)));
    if (!(worst < PARITY_TOLERANCE)) throw new Error(`exported model disagrees with the trained one: max |Δ/last| = ${worst}`);
  } finally {
    await loaded.dispose();
  }
}

export async function runTraining(payload: TrainJobPayload, deps: TrainingDeps, options: TrainingRunOptions = {}): Promise<TrainingReport> {
  const progress = options.onProgress ?? (() => undefined);
  progress(0, 'data');
  const corpus = await buildCorpus(payload, deps.prisma);
  progress(0.02, 'training');
  const trainOptions = { ...BOOTSTRAP_TRAINING, epochs: payload.epochs, seed: payload.seed };
  const thread: ThreadResult = await trainInThread(corpus.series, trainOptions, (p) => progress(0.02 + 0.88 * p.fraction, 'training'), options.signal);
  progress(0.9, 'export');

  const model: NBeatsModel = { config: thread.config, params: thread.params };
  const { validation, test } = thread.metrics;
  const trainingSeconds = Math.round(thread.trainingMs) / 1000;
  const shouldPromote = payload.promote && validation.relativeToNaive < 1;
  const promoteSkipped = payload.promote && !shouldPromote
    ? `validation relativeToNaive ${validation.relativeToNaive.toFixed(4)} ≥ 1: the model does not beat the naive forecast`
    : null;
  const training = {
    data: corpus.description,
    epochs: payload.epochs,
    bestEpoch: thread.bestEpoch,
    stoppedEarly: thread.stoppedEarly,
    seed: payload.seed,
    trainingSeconds,
    config: thread.config,
    split: thread.split,
    ...(options.jobId ? { jobId: options.jobId } : {}),
  };
  const metrics = storedMetrics(validation, test, training);
  const probe = Array.from(corpus.series.subarray(corpus.series.length - thread.config.lookback));

  // The version name is claimed by creating its file exclusively; a name whose file exists (another
  // run's, or an orphan of a crashed one) is skipped, and so is one a racing registration took.
  const taken: string[] = [];
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) throw new Error('training was aborted');
    if (attempt >= 20) throw new Error(`could not claim a version name for ${payload.name} (tried ${taken.join(', ')})`);
    const version = await deps.store.nextVersion(payload.name, taken);
    taken.push(version);
    const bytes = exportOnnx(model, {
      version,
      validation,
      test,
      extra: { 'aitrader.data': corpus.description, 'aitrader.training': JSON.stringify({ ...trainOptions, bestEpoch: thread.bestEpoch, split: thread.split }) },
    });
    await verifyArtifact(bytes, model, probe, version);
    progress(0.95, 'register');
    const path = await deps.artifacts.writeNew(payload.name, version, bytes);
    if (path === null) continue;
    let registered: Awaited<ReturnType<ModelStore['register']>>;
    try {
      registered = await deps.store.register({ name: payload.name, version, path, metrics, promote: shouldPromote });
    } catch (err) {
      await deps.artifacts.remove(path).catch(() => undefined);
      if (err instanceof VersionExistsError) continue;
      throw err;
    }
    if (shouldPromote) {
      await deps.announcePromoted({ name: payload.name, version }).catch((err: Error) =>
        deps.logger?.warn({ version, err: err.message }, 'could not announce the promotion; runners will pick it up from the registry'),
      );
    }
    progress(1, 'done');
    return {
      name: payload.name,
      version,
      status: shouldPromote ? 'PROMOTED' : 'READY',
      promoted: shouldPromote,
      promoteSkipped,
      retired: registered.retired,
      path,
      data: corpus.description,
      epochsRun: thread.history.length,
      bestEpoch: thread.bestEpoch,
      trainingSeconds,
      metrics,
    };
  }
}
