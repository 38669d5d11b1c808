// Training jobs end to end on the real stack: trainModel (GraphQL) → `jobs` row + stream entry → the
// worker trains in a worker thread → ONNX artifact → READY/PROMOTED registry row with metrics → the
// runners hot-reload it. A job that cannot train ends FAILED with the error and registers nothing.
// `npm run train` does the same from the command line.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runTsx } from '../support/cli';
import { DATABASE_URL, REDIS_URL, gql, waitFor } from '../support/env';
import { runJob } from '../../../subgraphs/inference/src/training/job-runner';
import { postForecast, pricePath, startInferenceStack, type InferenceStack } from './support';

let stack: InferenceStack;
beforeAll(async () => {
  stack = await startInferenceStack('train');
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const TRAIN = `mutation($i: TrainModelInput) { trainModel(input: $i) { job { id type status progress payload } error { code message field } } }`;
const JOB = `query($id: ID!) { job(id: $id) { id status progress result error startedAt finishedAt
  modelVersion { version status path metrics { relativeToNaive mase perStepRelativeRmse epochs bestEpoch trainingSeconds data
    validation { count relativeToNaive mase } test { count relativeToNaive mase } } } } }`;

async function finished(id: string, timeoutMs = 30_000) {
  let job: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const progress: number[] = [];
  await waitFor(async () => {
    job = (await gql(stack.onnx, JOB, { id })).data!.job;
    progress.push(job.progress);
    return job.status === 'SUCCEEDED' || job.status === 'FAILED';
  }, timeoutMs, `job ${id}`);
  return { job, progress };
}

test('a training job enqueued through GraphQL is run by the worker, registered with metrics, promoted and served', async () => {
  const enqueued = await gql(stack.gateway.url, TRAIN, { i: { epochs: 4, seed: 3, promote: true } });
  expect(enqueued.errors).toBeUndefined();
  const { job: created, error } = enqueued.data!.trainModel;
  expect(error).toBeNull();
  expect(created).toMatchObject({ type: 'train', status: 'QUEUED', progress: 0 });
  expect(JSON.parse(created.payload)).toEqual({ name: stack.modelName, symbols: [], interval: '1m', epochs: 4, seed: 3, promote: true });

  const { job, progress } = await finished(created.id);
  expect(job.error).toBeNull();
  expect(progress).toEqual([...progress].sort((a, b) => a - b)); // polled progress never goes back
  expect(job).toMatchObject({ status: 'SUCCEEDED', progress: 1 });
  expect(job.startedAt).toEqual(expect.any(String));
  const result = JSON.parse(job.result);
  expect(result).toMatchObject({ name: stack.modelName, version: 'nbeats-v1', status: 'PROMOTED', promoted: true, epochsRun: 4 });
  const version = job.modelVersion;
  expect(version).toMatchObject({ version: 'nbeats-v1', status: 'PROMOTED', path: `${stack.modelName}/nbeats-v1.onnx` });
  expect(existsSync(join(stack.modelsDir, version.path))).toBe(true);
  expect(version.metrics.relativeToNaive).toBeLessThan(1);
  expect(version.metrics.test.relativeToNaive).toBeLessThan(1);
  expect(version.metrics.mase).toBeGreaterThan(0);
  expect(version.metrics.validation.count).toBeGreaterThan(100);
  expect(version.metrics.perStepRelativeRmse).toHaveLength(10);
  expect(version.metrics).toMatchObject({ epochs: 4, data: expect.stringMatching(/syntheticSeries/) });

  // Promoted by the worker, announced on pub/sub: both runners serve it.
  const history = pricePath(60, 9, 75);
  await waitFor(async () => (await postForecast(stack.onnx, { symbol: 'AAPL', history })).body.model_version === 'nbeats-v1', 5000, 'ONNX runner on nbeats-v1');
  await waitFor(async () => (await postForecast(stack.gpu, { symbol: 'AAPL', history })).body.model_version === 'nbeats-v1', 5000, 'GPU runner on nbeats-v1');
  const worker = (await (await fetch(`${stack.worker}/health`)).json()) as { status: string; dependencies: { jobs: { succeeded: number; current: unknown } } };
  expect(worker.status).toBe('ok');
  expect(worker.dependencies.jobs).toMatchObject({ succeeded: 1, current: null });
}, 45_000);

test('a job that cannot train ends FAILED with the error and registers nothing; bad input is refused up front', async () => {
  const before = (await gql(stack.onnx, 'query($n: String) { models(name: $n) { version } }', { n: stack.modelName })).data!.models.length;
  const enqueued = await gql(stack.onnx, TRAIN, { i: { symbols: ['ZZNODATA'], epochs: 2 } });
  expect(enqueued.data!.trainModel.error).toBeNull();
  const { job } = await finished(enqueued.data!.trainModel.job.id);
  expect(job).toMatchObject({ status: 'FAILED', result: null, modelVersion: null });
  expect(job.error).toMatch(/ZZNODATA has 0 1m candles/);
  expect((await gql(stack.onnx, 'query($n: String) { models(name: $n) { version } }', { n: stack.modelName })).data!.models).toHaveLength(before);

  for (const [input, field] of [[{ epochs: 0 }, 'epochs'], [{ epochs: 500 }, 'epochs'], [{ symbols: ['aapl'] }, 'symbols.0'], [{ interval: '2m' }, 'interval'], [{ seed: -1 }, 'seed']] as const) {
    const refused = await gql(stack.onnx, TRAIN, { i: input });
    expect(refused.data!.trainModel).toMatchObject({ job: null, error: { code: 'INVALID_INPUT', field } });
  }
});

test('a job over its time limit is stopped and FAILED, registering nothing', async () => {
  const ctx = stack.services.get('worker')!.ctx;
  const deps = ctx.services.deps;
  const before = (await deps.store.list(stack.modelName)).length;
  const job = await deps.jobs.create('train', { name: stack.modelName, epochs: 200 });
  const outcome = await runJob(job.id, deps, { timeoutMs: 100 });
  expect(outcome).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/took longer than 0 s/) });
  expect((await deps.jobs.get(job.id))!.status).toBe('FAILED');
  expect(await deps.store.list(stack.modelName)).toHaveLength(before);
});

test('npm run train runs one job from the command line: progress bar, registered and promoted version, metrics', async () => {
  const cli = 'subgraphs/inference/src/training/train-cli.ts';
  const run = await runTsx(cli, ['--epochs', '2', '--seed', '5', '--promote'], {
    ...process.env, DATABASE_URL, REDIS_URL, MODELS_DIR: stack.modelsDir, MODEL_NAME: stack.modelName, REDIS_PREFIX: stack.config.REDIS_PREFIX,
  });
  expect(run.status).toBe(0);
  // The bar goes to stderr (cli-progress' default), the report to stdout.
  expect(run.stderr).toMatch(/training \|.*\| 100% \| done/);
  expect(run.stderr).not.toMatch(/error|failed/i);
  expect(run.stdout).toMatch(new RegExp(`registered ${stack.modelName} nbeats-v2 \\(PROMOTED\\)`));
  expect(run.stdout).toMatch(/validation: relativeToNaive 0\.\d+ {2}MASE \d/);
  expect((await runTsx(cli, ['--epochs', 'x'], { ...process.env, DATABASE_URL })).status).toBe(2);
  // The CLI announced the promotion on Redis: the running runners hot-reload it.
  const history = pricePath(60, 9, 75);
  await waitFor(async () => (await postForecast(stack.onnx, { symbol: 'AAPL', history })).body.model_version === 'nbeats-v2', 5000, 'ONNX runner on nbeats-v2');
}, 45_000);
