// Registry and serving changes behind the GraphQL mutations: promote a version, set or clear the A/B
// candidate, enqueue a training job. Each change is applied here first (the new version is loaded and
// test-run before the registry commit and the swap), then announced on Redis pub/sub so every other
// replica of both runners does the same. Failures come back as typed payload errors, never half applied.
import type { AppContext } from '@aitrader/platform';
import { CANDIDATE_CHANNEL, PROMOTED_CHANNEL } from '../events';
import type { CandidateEvent, PromotedEvent, ServingState } from '../runtime/model-runtime';
import type { RunnerServices } from '../services';
import type { InferenceSettings } from '../settings';
import type { ModelVersionRow, PromoteResult } from '../storage/model-store';
import type { JobRow } from '../storage/jobs-store';
import { parseTrainPayload } from '../training/job-spec';

type Ctx = AppContext<RunnerServices, InferenceSettings>;

export type ModelErrorCode = 'NOT_FOUND' | 'NOT_READY' | 'NOT_SERVED' | 'BAD_WEIGHT' | 'CANDIDATE_IS_PROMOTED' | 'LOAD_FAILED';

export interface ModelPayload {
  model: ModelVersionRow | null;
  serving: ServingState | null;
  error: { code: ModelErrorCode; message: string; field: string | null } | null;
}

export interface JobPayload {
  job: JobRow | null;
  error: { code: 'INVALID_INPUT' | 'ENQUEUE_FAILED'; message: string; field: string | null } | null;
}

const failure = (code: ModelErrorCode, message: string, field: string | null = null): ModelPayload => ({ model: null, serving: null, error: { code, message, field } });

class PromotionRefused extends Error {
  constructor(readonly result: PromoteResult & { ok: false }) {
    super(result.message);
  }
}

async function announce(ctx: Ctx, channel: string, event: PromotedEvent | CandidateEvent): Promise<void> {
  await ctx.events.pubsub.publish(ctx.events.channel(channel), event);
}

export async function promoteModel(ctx: Ctx, name: string, version: string): Promise<ModelPayload> {
  const { store, runtime } = ctx.services;
  const row = await store.get(name, version);
  if (!row) return failure('NOT_FOUND', `model ${name} has no version ${version}`, 'version');
  const commit = async () => {
    const result = await store.promote(name, version);
    if (!result.ok) throw new PromotionRefused(result);
    return result;
  };
  try {
    if (name === runtime.name) {
      await runtime.activate(version, commit);
      // A candidate that has just been promoted is no longer a candidate anywhere.
      if ((await runtime.storedCandidate())?.version === version) {
        await runtime.storeCandidate(null);
        await announce(ctx, CANDIDATE_CHANNEL, { name, version: null, weight: 0 });
      }
    } else {
      await commit(); // not served by this runner: the registry change and the announcement are enough
    }
  } catch (err) {
    if (err instanceof PromotionRefused) return failure(err.result.code, err.message, 'version');
    return failure('LOAD_FAILED', `${name} ${version} could not be loaded: ${(err as Error).message}`, 'version');
  }
  await announce(ctx, PROMOTED_CHANNEL, { name, version });
  return { model: await store.get(name, version), serving: name === runtime.name ? runtime.serving() : null, error: null };
}

export async function setModelCandidate(ctx: Ctx, name: string, version: string, weight: number): Promise<ModelPayload> {
  const { store, runtime } = ctx.services;
  if (name !== runtime.name) return failure('NOT_SERVED', `this deployment serves ${runtime.name}, not ${name}`, 'name');
  if (!(Number.isFinite(weight) && weight >= 0 && weight <= 1)) return failure('BAD_WEIGHT', `weight must be a number from 0 to 1, got ${weight}`, 'weight');
  const row = await store.get(name, version);
  if (!row) return failure('NOT_FOUND', `model ${name} has no version ${version}`, 'version');
  if (row.status === 'PROMOTED' || runtime.serving().promoted === version) return failure('CANDIDATE_IS_PROMOTED', `${version} is the promoted version`, 'version');
  if (row.status === 'TRAINING') return failure('NOT_READY', `${version} is still TRAINING`, 'version');
  try {
    await runtime.setCandidate(version, weight, () => runtime.storeCandidate({ version, weight }));
  } catch (err) {
    return failure('LOAD_FAILED', `${name} ${version} could not be loaded: ${(err as Error).message}`, 'version');
  }
  await announce(ctx, CANDIDATE_CHANNEL, { name, version, weight });
  return { model: row, serving: runtime.serving(), error: null };
}

export async function clearModelCandidate(ctx: Ctx, name: string): Promise<ModelPayload> {
  const { runtime } = ctx.services;
  if (name !== runtime.name) return failure('NOT_SERVED', `this deployment serves ${runtime.name}, not ${name}`, 'name');
  await runtime.clearCandidate(() => runtime.storeCandidate(null));
  await announce(ctx, CANDIDATE_CHANNEL, { name, version: null, weight: 0 });
  return { model: null, serving: runtime.serving(), error: null };
}

/** Creates the QUEUED job row, then puts it on the `jobs` stream for the worker. */
export async function enqueueTraining(ctx: Ctx, input: Record<string, unknown>): Promise<JobPayload> {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
  const parsed = parseTrainPayload({ name: ctx.services.runtime.name, ...defined });
  if (!parsed.ok) return { job: null, error: { code: 'INVALID_INPUT', message: parsed.message, field: parsed.field } };
  const job = await ctx.services.jobs.create('train', parsed.payload);
  try {
    await ctx.services.publisher.publish('jobs', { jobId: job.id, type: 'train', enqueuedAt: new Date().toISOString() });
  } catch (err) {
    await ctx.services.jobs.fail(job.id, `could not enqueue: ${(err as Error).message}`);
    return { job: await ctx.services.jobs.get(job.id), error: { code: 'ENQUEUE_FAILED', message: (err as Error).message, field: null } };
  }
  return { job, error: null };
}
