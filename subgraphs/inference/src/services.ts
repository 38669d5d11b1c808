// The runners' application objects (ONNX runner :8001 and GPU runner :8007 alike), built once at start:
// the model registry and artifacts, the serving runtime with its execution providers, the jobs table
// and stream (to enqueue training), and where `forecast(symbol)` reads the latest prices.
import { serviceUrl, StreamPublisher, type SettingsContext } from '@aitrader/platform';
import type { InferenceSettings } from './settings';
import { HistorySource } from './storage/history-source';
import { ModelRuntime } from './runtime/model-runtime';
import type { ProviderSetup } from './runtime/session';
import { ArtifactStore } from './storage/artifacts';
import { JobsStore } from './storage/jobs-store';
import { ModelStore } from './storage/model-store';

export interface RunnerServices {
  runtime: ModelRuntime;
  store: ModelStore;
  jobs: JobsStore;
  artifacts: ArtifactStore;
  history: HistorySource;
  publisher: StreamPublisher;
  providers: ProviderSetup;
}

export function createRunnerServices(ctx: SettingsContext<InferenceSettings>, providers: ProviderSetup): RunnerServices {
  const c = { ...ctx.config, ...ctx.settings };
  const store = new ModelStore(ctx.prisma);
  const artifacts = new ArtifactStore(c.MODELS_DIR);
  const runtime = new ModelRuntime({
    name: c.MODEL_NAME,
    store,
    artifacts,
    providers,
    maxBatchSize: c.INFERENCE_MAX_BATCH,
    maxWaitMs: c.INFERENCE_MAX_WAIT_MS,
    maxPending: 10_000,
    redis: ctx.redis,
    prefix: c.REDIS_PREFIX,
    events: ctx.events,
    logger: ctx.logger,
  });
  return {
    runtime,
    store,
    jobs: new JobsStore(ctx.prisma),
    artifacts,
    history: new HistorySource({ signalsGraphqlUrl: serviceUrl(c, 'signals', '/graphql'), prisma: ctx.prisma, logger: ctx.logger, headers: () => ctx.serviceHeaders() }),
    publisher: new StreamPublisher(ctx.redis, { prefix: c.REDIS_PREFIX }),
    providers,
  };
}
