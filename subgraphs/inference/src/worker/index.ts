// The worker (the seed's Worker service, health on :8010): consumes the `jobs` stream in the consumer
// group `worker` and runs each job (training: data → worker-thread training → ONNX → registry, promoted
// when asked) with its status and progress in the `jobs` table. Jobs enqueued before the group existed
// are consumed too (the group starts at the stream's beginning). A job is only claimed from a dead
// worker after 15 minutes idle, longer than any training run, so a live run is never started twice.
import { RejectedMessageError, topicConsumer, type AppContext, type ServiceDefinition, type SettingsContext } from '@aitrader/platform';
import { PROMOTED_CHANNEL } from '../events';
import { InferenceSettings } from '../settings';
import { ArtifactStore } from '../storage/artifacts';
import { JobsStore } from '../storage/jobs-store';
import { ModelStore } from '../storage/model-store';
import { NO_SUCH_JOB, runJob, type JobRunnerDeps } from '../training/job-runner';

export const JOBS_GROUP = 'worker';

export interface WorkerServices {
  deps: JobRunnerDeps;
  /** The job being run now, for /health. */
  current: { jobId: string; startedAt: string; progress: number; stage: string } | null;
  counts: { succeeded: number; failed: number; skipped: number };
}

export function createWorkerServices(ctx: SettingsContext<InferenceSettings>): WorkerServices {
  return {
    deps: {
      prisma: ctx.prisma,
      store: new ModelStore(ctx.prisma),
      artifacts: new ArtifactStore(ctx.settings.MODELS_DIR),
      jobs: new JobsStore(ctx.prisma),
      announcePromoted: (event) => ctx.events.pubsub.publish(ctx.events.channel(PROMOTED_CHANNEL), event),
      logger: ctx.logger,
    },
    current: null,
    counts: { succeeded: 0, failed: 0, skipped: 0 },
  };
}

/** Starts consuming `jobs`; returns how to stop (an in-flight job is aborted and runs again after a restart). */
export async function startJobConsumer(ctx: AppContext<WorkerServices, InferenceSettings>): Promise<() => Promise<void>> {
  const abort = new AbortController();
  const services = ctx.services;
  const consumer = topicConsumer('jobs', {
    redis: ctx.redis,
    prefix: ctx.config.REDIS_PREFIX,
    group: JOBS_GROUP,
    consumer: ctx.consumerName,
    startId: '0',
    batchSize: 1,
    claimIdleMs: 15 * 60_000,
    maxDeliveries: 3,
    logger: ctx.logger,
    handler: async (message) => {
      services.current = { jobId: message.jobId, startedAt: new Date().toISOString(), progress: 0, stage: 'starting' };
      try {
        const outcome = await runJob(message.jobId, services.deps, {
          signal: abort.signal,
          onProgress: (progress, stage) => {
            if (services.current) Object.assign(services.current, { progress, stage });
          },
        });
        if (outcome.status === 'SUCCEEDED') services.counts.succeeded += 1;
        else if (outcome.status === 'FAILED') services.counts.failed += 1;
        else {
          services.counts.skipped += 1;
          // A job id nobody created can never run: dead-lettered with the reason, not acked in silence.
          // (A job already finished or running is a redelivery, and acked.)
          if (outcome.reason === NO_SUCH_JOB) throw new RejectedMessageError(`unknown job ${message.jobId}: ${NO_SUCH_JOB}`);
        }
      } finally {
        services.current = null;
      }
    },
  });
  await consumer.start();
  return async () => {
    const stopped = consumer.stop();
    abort.abort();
    await stopped;
  };
}

export const definition: ServiceDefinition<WorkerServices, InferenceSettings> = {
  name: 'worker',
  settings: InferenceSettings,
  services: createWorkerServices,
  checks: (ctx) => [
    {
      name: 'jobs',
      check: async () => ({ stream: `${ctx.config.REDIS_PREFIX}jobs`, group: JOBS_GROUP, current: ctx.services.current, ...ctx.services.counts }),
    },
  ],
  start: startJobConsumer,
};
