// The worker against real Redis and PostgreSQL: a job id on `jobs` that no one created can never run, so
// it is dead-lettered with the reason (not acknowledged in silence); the worker goes on with the next job.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { createLogger, startService, StreamPublisher, type RunningService } from '@aitrader/platform';
import { definition as worker } from '../../../subgraphs/inference/src/worker';
import { REDIS_URL, fieldsOf, testConfig, uniquePrefix, waitFor } from '../support/env';

const redis = new Redis(REDIS_URL);
const prefix = uniquePrefix('unknown-job');
let service: RunningService;

beforeAll(async () => {
  const config = testConfig({ REDIS_PREFIX: prefix });
  service = await startService(worker, { config, port: 0, logger: createLogger('worker', config) });
});
afterAll(async () => {
  await service?.close();
  await redis.quit();
});

test('a job message naming no job is dead-lettered as rejected, with the job id in the error', async () => {
  const jobId = `nobody-${randomBytes(4).toString('hex')}`;
  await new StreamPublisher(redis, { prefix }).publish('jobs', { jobId, type: 'train' });
  await waitFor(async () => (await redis.xlen(`${prefix}jobs:dlq`)) === 1, 15_000, 'the dead letter');
  const [entry] = await redis.xrange(`${prefix}jobs:dlq`, '-', '+');
  expect(fieldsOf(entry![1])).toMatchObject({ reason: 'rejected', error: `unknown job ${jobId}: no such job` });
  const pending = (await redis.xpending(`${prefix}jobs`, 'worker')) as [number];
  expect(pending[0]).toBe(0);
});
