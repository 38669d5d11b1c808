// Runs one job of the `jobs` table for the worker (and for `npm run train`): takes it (QUEUED → RUNNING,
// by one worker only), runs the training pipeline with throttled progress writes, and finishes it
// SUCCEEDED with the report or FAILED with the error. An aborted run (the worker is stopping) is left
// RUNNING and rethrown, so its stream entry is not acked and the job runs again after a restart.
import type { Logger } from '@aitrader/platform';
import type { JobRow, JobsStore } from '../storage/jobs-store';
import { parseTrainPayload } from './job-spec';
import { runTraining, type TrainingDeps, type TrainingReport, type TrainingStage } from './pipeline';
import { createProgressThrottle } from './progress';

export interface JobRunnerDeps extends TrainingDeps {
  jobs: JobsStore;
  logger?: Logger;
  /** Minimum time between two progress writes to the jobs row. Default 500 ms. */
  progressIntervalMs?: number;
}

/** A training job running longer than this is stopped and FAILED (well below the worker's 15-minute claim time). */
export const DEFAULT_JOB_TIMEOUT_MS = 10 * 60_000;

export interface JobRunOptions {
  /** Aborting means the worker is stopping: the job is left RUNNING for a restart, not failed. */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Every progress report, unthrottled (the CLI's progress bar). */
  onProgress?: (fraction: number, stage: TrainingStage) => void;
}

export type JobOutcome =
  | { status: 'SUCCEEDED'; job: JobRow; report: TrainingReport }
  | { status: 'FAILED'; job: JobRow; error: string }
  | { status: 'SKIPPED'; reason: string };

/** The skip reason of a job id that does not exist (its message is dead-lettered). */
export const NO_SUCH_JOB = 'no such job';

export async function runJob(jobId: string, deps: JobRunnerDeps, options: JobRunOptions = {}): Promise<JobOutcome> {
  const job = await deps.jobs.take(jobId);
  if (!job) {
    const existing = await deps.jobs.get(jobId);
    const reason = existing ? `job is already ${existing.status}` : NO_SUCH_JOB;
    deps.logger?.info({ jobId, reason }, 'job skipped');
    return { status: 'SKIPPED', reason };
  }
  const fail = async (error: string): Promise<JobOutcome> => {
    await deps.jobs.fail(job.id, error);
    deps.logger?.warn({ jobId, error }, 'job failed');
    return { status: 'FAILED', job: (await deps.jobs.get(job.id))!, error };
  };
  if (job.type !== 'train') return fail(`unknown job type ${JSON.stringify(job.type)}`);
  const parsed = parseTrainPayload(job.payload);
  if (!parsed.ok) return fail(`invalid payload: ${parsed.message}`);

  const throttle = createProgressThrottle({
    write: (p) => deps.jobs.progress(job.id, p),
    minIntervalMs: deps.progressIntervalMs ?? 500,
    onError: (err) => deps.logger?.warn({ jobId, err: (err as Error).message }, 'progress write failed'),
  });
  deps.logger?.info({ jobId, payload: parsed.payload }, 'training job started');
  const timeoutMs = options.timeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const report = await runTraining(parsed.payload, deps, {
      jobId: job.id,
      signal,
      onProgress: (fraction, stage) => {
        // The final 1 is written with SUCCEEDED, in one update.
        if (fraction < 1) throttle.report(fraction);
        options.onProgress?.(fraction, stage);
      },
    });
    await throttle.flush();
    await deps.jobs.succeed(job.id, report);
    deps.logger?.info({ jobId, version: report.version, promoted: report.promoted, relativeToNaive: report.metrics.relativeToNaive }, 'training job succeeded');
    return { status: 'SUCCEEDED', job: (await deps.jobs.get(job.id))!, report };
  } catch (err) {
    await throttle.flush();
    if (options.signal?.aborted) throw err;
    if (timeout.aborted) return fail(`training took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`);
    return fail((err as Error).message);
  }
}
