// The serving side of one model name in one runner process: loads the promoted version (registering and
// promoting the shipped bootstrap when the registry has none), routes each forecast through the model
// router (A/B candidate by a stable hash of the routing key, per-version counters) into the version's
// micro-batcher, and hot-swaps versions. A new version is always loaded — and test-run — before the
// router pointer moves; the old one is released by the router once its in-flight requests are done.
// Promotions and candidate changes reach every replica through Redis pub/sub (`models:promoted`,
// `models:candidate`); a periodic check against the registry catches a replica that missed an event.
import type { Redis } from 'ioredis';
import { readOnnxMetadata } from '@aitrader/models/nbeats';
import type { EventBus, Logger } from '@aitrader/platform';
import {
  buildForecast,
  createModelRouter,
  parseForecastRequest,
  type ForecastResult,
  type InferenceInputError,
  type ModelHandle,
  type ModelRouter,
  type RouteDecision,
  type VersionMetrics,
} from '../domain';
import { metricsFromOnnx } from '../storage/model-metrics';
import { BOOTSTRAP_VERSION, type ArtifactStore } from '../storage/artifacts';
import type { ModelStore } from '../storage/model-store';
import { loadModel, type LoadedModel } from './loaded-model';
import type { ProviderSetup } from './session';

/** Pub/sub channels (under REDIS_PREFIX) that keep every replica serving the same versions. */
import { CANDIDATE_CHANNEL, PROMOTED_CHANNEL } from '../events';

export interface PromotedEvent {
  name: string;
  version: string;
}

export interface CandidateEvent {
  name: string;
  /** null: the candidate was cleared. */
  version: string | null;
  weight: number;
}

export interface RuntimeOptions {
  name: string;
  store: ModelStore;
  artifacts: ArtifactStore;
  providers: ProviderSetup;
  maxBatchSize: number;
  maxWaitMs: number;
  maxPending?: number;
  redis: Redis;
  prefix: string;
  events: EventBus;
  logger: Logger;
  /** How often to compare with the registry (ms); 0 turns it off. Default 15 s. */
  reconcileMs?: number;
}

export interface ServedForecast extends ForecastResult {
  provider: string;
  arm: RouteDecision['arm'];
  horizon: number;
  lastPrice: number;
}

export type ForecastOutcome = { ok: true; result: ServedForecast } | { ok: false; error: InferenceInputError };

export interface VersionServing extends VersionMetrics {
  arm: 'PROMOTED' | 'CANDIDATE' | 'DRAINING' | 'RETIRED';
  provider: string | null;
  batches: number;
  batchedItems: number;
  maxBatchSeen: number;
}

export interface ServingState {
  model: string;
  promoted: string;
  candidate: string | null;
  candidateWeight: number | null;
  provider: string;
  providerSummary: string;
  versions: VersionServing[];
}

/** Thrown while the runtime is not initialised (the first load is still running, or it failed). */
export class ModelNotReadyError extends Error {
  readonly code = 'MODEL_NOT_READY';
}

type Handle = ModelHandle<LoadedModel>;

export class ModelRuntime {
  readonly name: string;
  private router?: ModelRouter<LoadedModel>;
  private promotedHandle?: Handle;
  private candidateHandle?: Handle;
  private serialQueue: Promise<unknown> = Promise.resolve();
  private problem: string | null = null;
  private subscriptions: number[] = [];
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly o: RuntimeOptions) {
    this.name = o.name;
  }

  private candidateKey(): string {
    return `${this.o.prefix}models:${this.name}:candidate`;
  }

  /** Runs state changes one at a time, in order, whatever the outcome of the previous one. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.serialQueue.then(fn, fn);
    this.serialQueue = next.catch(() => undefined);
    return next;
  }

  private async load(version: string, path: string): Promise<Handle> {
    const bytes = await this.o.artifacts.read(path);
    const model = await loadModel(bytes, {
      name: this.name,
      version,
      providers: this.o.providers.plan.providers,
      maxBatchSize: this.o.maxBatchSize,
      maxWaitMs: this.o.maxWaitMs,
      maxPending: this.o.maxPending,
    });
    this.o.logger.info({ model: this.name, version, provider: model.providerSummary }, 'model version loaded');
    return { version, runner: model };
  }

  private async loadRegistered(version: string): Promise<Handle> {
    const row = await this.o.store.get(this.name, version);
    if (!row) throw new Error(`model ${this.name} has no version ${version} in the registry`);
    return this.load(version, row.path);
  }

  /** Registers/promotes the bootstrap if needed, loads the promoted version and any A/B candidate, subscribes to changes. */
  async init(): Promise<void> {
    const bootstrapPath = await this.o.artifacts.ensureBootstrap(this.name);
    const bootstrapMeta = readOnnxMetadata(await this.o.artifacts.read(bootstrapPath));
    const promoted = await this.o.store.ensurePromoted(this.name, { version: BOOTSTRAP_VERSION, path: bootstrapPath, metrics: metricsFromOnnx(bootstrapMeta) });
    let handle: Handle;
    try {
      handle = await this.load(promoted.version, promoted.path);
    } catch (err) {
      // Serve something rather than nothing: the shipped model, with /health saying why (degraded).
      this.problem = `promoted version ${promoted.version} could not be loaded (${(err as Error).message}); serving ${BOOTSTRAP_VERSION}`;
      this.o.logger.error({ model: this.name, version: promoted.version, err: (err as Error).message }, 'promoted model failed to load; serving the bootstrap');
      handle = await this.load(BOOTSTRAP_VERSION, bootstrapPath);
    }
    this.promotedHandle = handle;
    this.router = createModelRouter<LoadedModel>({
      promoted: handle,
      onRelease: (old) => {
        void old.runner.dispose().then(
          () => this.o.logger.info({ model: this.name, version: old.version }, 'model version released'),
          (err: Error) => this.o.logger.warn({ model: this.name, version: old.version, err: err.message }, 'model release failed'),
        );
      },
      onReleaseError: (err, old) => this.o.logger.warn({ version: old.version, err: (err as Error).message }, 'model release failed'),
    });
    await this.syncCandidate().catch((err: Error) => this.o.logger.warn({ err: err.message }, 'A/B candidate could not be loaded'));

    const { pubsub, channel } = this.o.events;
    this.subscriptions.push(
      await pubsub.subscribe<PromotedEvent>(channel(PROMOTED_CHANNEL), (event) => {
        if (event?.name !== this.name) return;
        this.activate(event.version).catch((err: Error) => this.o.logger.error({ version: event.version, err: err.message }, 'hot reload failed'));
      }),
      await pubsub.subscribe<CandidateEvent>(channel(CANDIDATE_CHANNEL), (event) => {
        if (event?.name !== this.name) return;
        this.syncCandidate().catch((err: Error) => this.o.logger.error({ err: err.message }, 'A/B candidate change failed'));
      }),
    );
    const every = this.o.reconcileMs ?? 15_000;
    if (every > 0) {
      this.timer = setInterval(() => void this.reconcile().catch((err: Error) => this.o.logger.warn({ err: err.message }, 'registry check failed')), every);
      this.timer.unref();
    }
  }

  private requireRouter(): ModelRouter<LoadedModel> {
    if (!this.router || this.closed) throw new ModelNotReadyError(`model ${this.name} is not loaded yet`);
    return this.router;
  }

  /** The promoted version's spec (what requests are validated against). */
  spec() {
    const handle = this.promotedHandle;
    if (!handle) throw new ModelNotReadyError(`model ${this.name} is not loaded yet`);
    return handle.runner.spec;
  }

  /** Validates and serves one forecast request ({symbol, history, horizon}); `key` routes the A/B split (default: the symbol). */
  async forecast(input: unknown, key?: string): Promise<ForecastOutcome> {
    const router = this.requireRouter();
    const parsed = parseForecastRequest(input, this.spec());
    if (!parsed.ok) return parsed;
    const lease = router.acquire(key ?? parsed.request.symbol);
    try {
      const model = lease.runner;
      let request = parsed.request;
      if (model.spec.lookback !== this.spec().lookback || model.spec.maxHorizon !== this.spec().maxHorizon) {
        const again = parseForecastRequest(input, model.spec);
        if (!again.ok) {
          lease.release({ ok: true });
          return again;
        }
        request = again.request;
      }
      const output = await model.forecast(request.history);
      const result = buildForecast(request, output, { version: model.version, spec: model.spec, metrics: model.metrics });
      lease.release({ ok: true });
      return { ok: true, result: { ...result, provider: model.provider, arm: lease.arm, horizon: request.horizon, lastPrice: request.history[request.history.length - 1]! } };
    } catch (err) {
      lease.release({ ok: false });
      throw err;
    }
  }

  /**
   * Serves `version` as the promoted one: loads it (or reuses the A/B candidate of that version), runs
   * `commit` (the registry transaction) if given — a failing commit discards the load — then swaps.
   * A no-op when it is already promoted here.
   */
  activate<T = void>(version: string, commit?: () => Promise<T>): Promise<T | undefined> {
    return this.serial(async () => {
      const router = this.requireRouter();
      if (router.state().promoted === version && !this.problem) return commit ? commit() : undefined;
      const reuse = this.candidateHandle?.version === version ? this.candidateHandle : undefined;
      const handle = reuse ?? (await this.loadRegistered(version));
      let committed: T | undefined;
      try {
        if (commit) committed = await commit();
      } catch (err) {
        if (!reuse) await handle.runner.dispose();
        throw err;
      }
      router.promote(handle);
      this.promotedHandle = handle;
      if (reuse) this.candidateHandle = undefined;
      this.problem = null;
      this.o.logger.info({ model: this.name, version, provider: handle.runner.provider }, 'serving new promoted version');
      return committed;
    });
  }

  /** Loads `version` and sends `weight` of routing keys to it; `commit` (storing the choice) runs before the swap. */
  setCandidate(version: string, weight: number, commit?: () => Promise<void>): Promise<void> {
    return this.serial(async () => {
      const router = this.requireRouter();
      if (this.candidateHandle?.version === version) {
        await commit?.();
        router.setWeight(weight);
        return;
      }
      if (router.state().promoted === version) {
        throw Object.assign(new Error(`${version} is already the promoted version`), { code: 'CANDIDATE_IS_PROMOTED' });
      }
      const handle = await this.loadRegistered(version);
      try {
        await commit?.();
        router.setCandidate(handle, weight);
      } catch (err) {
        await handle.runner.dispose();
        throw err;
      }
      this.candidateHandle = handle;
    });
  }

  clearCandidate(commit?: () => Promise<void>): Promise<void> {
    return this.serial(async () => {
      await commit?.();
      this.requireRouter().clearCandidate();
      this.candidateHandle = undefined;
    });
  }

  /** The stored A/B choice (Redis), as set through any replica. */
  async storedCandidate(): Promise<{ version: string; weight: number } | null> {
    const raw = await this.o.redis.get(this.candidateKey());
    if (!raw) return null;
    try {
      const value = JSON.parse(raw) as { version?: unknown; weight?: unknown };
      return typeof value.version === 'string' && typeof value.weight === 'number' ? { version: value.version, weight: value.weight } : null;
    } catch {
      return null;
    }
  }

  async storeCandidate(candidate: { version: string; weight: number } | null): Promise<void> {
    if (candidate) await this.o.redis.set(this.candidateKey(), JSON.stringify(candidate));
    else await this.o.redis.del(this.candidateKey());
  }

  /** Applies the stored A/B choice here (after a `models:candidate` event, at start, and periodically). */
  async syncCandidate(): Promise<void> {
    const stored = await this.storedCandidate();
    const router = this.requireRouter();
    if (!stored || stored.version === router.state().promoted) {
      if (router.state().candidate) await this.clearCandidate();
      return;
    }
    const current = router.state().candidate;
    if (current?.version === stored.version && current.weight === stored.weight) return;
    await this.setCandidate(stored.version, stored.weight);
  }

  /** Catches up with the registry and the stored candidate (a missed pub/sub event, a failed hot reload). */
  async reconcile(): Promise<void> {
    if (this.closed || !this.router) return;
    const row = await this.o.store.promoted(this.name);
    if (row && (row.version !== this.router.state().promoted || this.problem)) await this.activate(row.version);
    await this.syncCandidate();
  }

  /** The A/B state and this replica's per-version counters (requests, errors, latency, batching). */
  serving(): ServingState {
    const router = this.requireRouter();
    const state = router.state();
    const draining = new Set(router.draining());
    const live = new Map<string, LoadedModel>();
    if (this.promotedHandle) live.set(this.promotedHandle.version, this.promotedHandle.runner);
    if (this.candidateHandle) live.set(this.candidateHandle.version, this.candidateHandle.runner);
    const promoted = this.promotedHandle!.runner;
    return {
      model: this.name,
      promoted: state.promoted,
      candidate: state.candidate?.version ?? null,
      candidateWeight: state.candidate?.weight ?? null,
      provider: promoted.provider,
      providerSummary: promoted.providerSummary,
      versions: router.metrics().map((m) => {
        const model = live.get(m.version);
        const stats = model?.batchStats();
        const arm = m.version === state.promoted ? 'PROMOTED' : m.version === state.candidate?.version ? 'CANDIDATE' : draining.has(m.version) ? 'DRAINING' : 'RETIRED';
        return { ...m, arm, provider: model?.provider ?? null, batches: stats?.batches ?? 0, batchedItems: stats?.items ?? 0, maxBatchSeen: stats?.maxBatchSeen ?? 0 };
      }),
    };
  }

  /** The loaded versions as a model handle list (the benchmark runs batches on the promoted one). */
  promotedModel(): LoadedModel {
    this.requireRouter();
    return this.promotedHandle!.runner;
  }

  /** Details for /health: versions loaded, the provider that runs them; degraded while the promoted version cannot be served. */
  healthDetails(): Record<string, unknown> {
    if (!this.router) throw new ModelNotReadyError(`model ${this.name} is not loaded yet`);
    const s = this.serving();
    return {
      ...(this.problem ? { status: 'degraded', problem: this.problem } : {}),
      model: s.model,
      promoted: s.promoted,
      candidate: s.candidate,
      candidate_weight: s.candidateWeight,
      loaded: [this.promotedHandle, this.candidateHandle].filter((h): h is Handle => Boolean(h)).map((h) => h.version),
      provider: s.provider,
      provider_summary: s.providerSummary,
      providers_planned: this.o.providers.plan.providers,
      providers_skipped: this.o.providers.plan.skipped,
      gpu: this.o.providers.gpu,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    for (const id of this.subscriptions) this.o.events.pubsub.unsubscribe(id);
    this.subscriptions = [];
    await this.serialQueue;
    const handles = [this.promotedHandle, this.candidateHandle].filter((h): h is Handle => Boolean(h));
    await Promise.all(handles.map((h) => h.runner.dispose().catch(() => undefined)));
  }
}
