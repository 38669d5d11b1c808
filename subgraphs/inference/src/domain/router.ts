// Model version router: serves the promoted version, sends a stable share of traffic to a candidate
// (A/B split by a hash of the routing key) and hot-swaps versions. In-flight requests keep the model
// they started on; a swapped-out model is released (onRelease) only once its last request finishes.
import { ModelRouterError } from './errors';
import { bucketOf } from './hash';
import type { VersionRef } from './model';

/** A loaded model: its version and whatever runs it (an inference session, a batcher's submit, …). */
export interface ModelHandle<R> {
  readonly version: VersionRef;
  readonly runner: R;
}

export type Arm = 'promoted' | 'candidate';

export interface RouterState {
  promoted: VersionRef;
  candidate?: { version: VersionRef; weight: number };
}

export interface RouteDecision {
  version: VersionRef;
  arm: Arm;
}

export interface ModelLease<R> extends RouteDecision {
  runner: R;
  /**
   * Ends the request: records its outcome (latency defaults to the time since acquire) and may release
   * a swapped-out model. Idempotent: only the first call counts.
   */
  release(outcome?: { ok: boolean; latencyMs?: number }): void;
}

export interface VersionMetrics {
  version: VersionRef;
  requests: number;
  errors: number;
  inFlight: number;
  latencyMsSum: number;
  latencyCount: number;
  meanLatencyMs: number | null;
}

export interface ModelRouterOptions<R> {
  promoted: ModelHandle<R>;
  candidate?: { model: ModelHandle<R>; weight: number };
  /** Called once per swapped-out model after its in-flight count reaches zero (dispose its session here). */
  onRelease?: (model: ModelHandle<R>) => void;
  /** Receives what onRelease threw; the router itself carries on. */
  onReleaseError?: (error: unknown, model: ModelHandle<R>) => void;
  /** Millisecond clock for latencies (default performance.now). */
  now?: () => number;
}

export interface ModelRouter<R> {
  /** Which version a request with this key goes to under the current state (no side effects). */
  route(key: string): RouteDecision;
  /** Routes and pins the model for the duration of a request; call lease.release() when done. */
  acquire(key: string): ModelLease<R>;
  /** acquire + fn + release, recording an error if fn rejects. */
  run<T>(key: string, fn: (runner: R, version: VersionRef) => Promise<T>): Promise<T>;
  /** Makes model the promoted version in one step; the old one drains and is released. Clears a candidate of the same version. */
  promote(model: ModelHandle<R>): RouterState;
  /** Starts (or replaces) an A/B test: `weight` ∈ [0, 1] of keys go to model. */
  setCandidate(model: ModelHandle<R>, weight: number): RouterState;
  setWeight(weight: number): RouterState;
  clearCandidate(): RouterState;
  state(): RouterState;
  /** Counters per version name, promoted first, then candidate, then any others seen. */
  metrics(): VersionMetrics[];
  /** Versions swapped out that still have requests in flight. */
  draining(): VersionRef[];
}

interface Counters {
  requests: number;
  errors: number;
  inFlight: number;
  latencyMsSum: number;
  latencyCount: number;
}

function checkWeight(weight: number): void {
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > 1) {
    throw new ModelRouterError('BAD_WEIGHT', `candidate weight must be a number in [0, 1], got ${weight}`);
  }
}

export function createModelRouter<R>(options: ModelRouterOptions<R>): ModelRouter<R> {
  const now = options.now ?? (() => performance.now());
  let promoted = options.promoted;
  let candidate: { model: ModelHandle<R>; weight: number } | undefined;
  /** In-flight requests per model object (not per name: a reloaded "v3" is a different session). */
  const inFlight = new Map<ModelHandle<R>, number>();
  const released = new WeakSet<ModelHandle<R>>();
  const counters = new Map<VersionRef, Counters>();

  const countersOf = (version: VersionRef): Counters => {
    let c = counters.get(version);
    if (!c) {
      c = { requests: 0, errors: 0, inFlight: 0, latencyMsSum: 0, latencyCount: 0 };
      counters.set(version, c);
    }
    return c;
  };

  const isLive = (model: ModelHandle<R>): boolean => model === promoted || model === candidate?.model;

  const releaseIfIdle = (model: ModelHandle<R>): void => {
    if (isLive(model) || released.has(model) || (inFlight.get(model) ?? 0) > 0) return;
    inFlight.delete(model);
    released.add(model);
    try {
      options.onRelease?.(model);
    } catch (error) {
      options.onReleaseError?.(error, model);
    }
  };

  const checkUsable = (model: ModelHandle<R>): void => {
    if (released.has(model)) {
      throw new ModelRouterError('RELEASED_MODEL', `model ${model.version} was already released; load it again before serving it`);
    }
  };

  const state = (): RouterState =>
    candidate ? { promoted: promoted.version, candidate: { version: candidate.model.version, weight: candidate.weight } } : { promoted: promoted.version };

  const pick = (key: string): { model: ModelHandle<R>; arm: Arm } => {
    // Salting with the candidate's version gives each experiment its own split; within one experiment
    // a key in the candidate's share stays there when the weight is raised.
    if (candidate && bucketOf(`${candidate.model.version}\u0000${key}`) < candidate.weight) {
      return { model: candidate.model, arm: 'candidate' };
    }
    return { model: promoted, arm: 'promoted' };
  };

  const acquire = (key: string): ModelLease<R> => {
    const { model, arm } = pick(key);
    const started = now();
    const c = countersOf(model.version);
    c.requests += 1;
    c.inFlight += 1;
    inFlight.set(model, (inFlight.get(model) ?? 0) + 1);
    let done = false;
    return {
      version: model.version,
      arm,
      runner: model.runner,
      release(outcome = { ok: true }) {
        if (done) return;
        done = true;
        c.inFlight -= 1;
        if (!outcome.ok) c.errors += 1;
        c.latencyMsSum += outcome.latencyMs ?? now() - started;
        c.latencyCount += 1;
        inFlight.set(model, (inFlight.get(model) ?? 1) - 1);
        releaseIfIdle(model);
      },
    };
  };

  const run = async <T>(key: string, fn: (runner: R, version: VersionRef) => Promise<T>): Promise<T> => {
    const lease = acquire(key);
    try {
      const result = await fn(lease.runner, lease.version);
      lease.release({ ok: true });
      return result;
    } catch (error) {
      lease.release({ ok: false });
      throw error;
    }
  };

  const promote = (model: ModelHandle<R>): RouterState => {
    checkUsable(model);
    const previous = [promoted, candidate?.model];
    promoted = model;
    if (candidate && candidate.model.version === model.version) candidate = undefined;
    for (const old of previous) if (old) releaseIfIdle(old);
    return state();
  };

  const setCandidate = (model: ModelHandle<R>, weight: number): RouterState => {
    checkWeight(weight);
    checkUsable(model);
    if (model.version === promoted.version) {
      throw new ModelRouterError('CANDIDATE_IS_PROMOTED', `${model.version} is already the promoted version`);
    }
    const previous = candidate?.model;
    candidate = { model, weight };
    if (previous) releaseIfIdle(previous);
    return state();
  };

  const setWeight = (weight: number): RouterState => {
    checkWeight(weight);
    if (!candidate) throw new ModelRouterError('NO_CANDIDATE', 'no candidate version to weight');
    candidate = { ...candidate, weight };
    return state();
  };

  const clearCandidate = (): RouterState => {
    const previous = candidate?.model;
    candidate = undefined;
    if (previous) releaseIfIdle(previous);
    return state();
  };

  const metrics = (): VersionMetrics[] => {
    const order = [promoted.version, ...(candidate ? [candidate.model.version] : [])];
    for (const version of counters.keys()) if (!order.includes(version)) order.push(version);
    return order.map((version) => {
      const c = counters.get(version) ?? { requests: 0, errors: 0, inFlight: 0, latencyMsSum: 0, latencyCount: 0 };
      return { version, ...c, meanLatencyMs: c.latencyCount > 0 ? c.latencyMsSum / c.latencyCount : null };
    });
  };

  const draining = (): VersionRef[] =>
    [...inFlight.entries()].filter(([model, n]) => n > 0 && !isLive(model)).map(([model]) => model.version);

  if (options.candidate) setCandidate(options.candidate.model, options.candidate.weight);

  return {
    route: (key) => {
      const { model, arm } = pick(key);
      return { version: model.version, arm };
    },
    acquire,
    run,
    promote,
    setCandidate,
    setWeight,
    clearCandidate,
    state,
    metrics,
    draining,
  };
}
