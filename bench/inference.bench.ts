// Benchmark of the N-BEATS runner (the shipped bootstrap model on onnxruntime-node, CPU): single-request
// latency (p50/p95/p99) straight on the session, through the runner path (micro-batcher + confidence),
// and through HTTP (POST /infer/forecast/nbeats on a real ONNX runner when Redis and PostgreSQL answer),
// against batched throughput (forecasts/s at batch sizes 1, 8, 32, 128) and the micro-batcher's
// throughput under 128 concurrent single requests. Writes bench/results/inference.json.
// Run: npm run bench:inference   (part of npm run bench)
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createDatabase, loadConfig, parseSettings, startService } from '@aitrader/platform';
import { buildForecast } from '../subgraphs/inference/src/domain';
import { definition } from '../subgraphs/inference/src';
import { InferenceSettings } from '../subgraphs/inference/src/settings';
import { loadModel, type LoadedModel } from '../subgraphs/inference/src/runtime/loaded-model';
import { BOOTSTRAP_FILE, BOOTSTRAP_VERSION } from '../subgraphs/inference/src/storage/artifacts';

const BATCH_SIZES = [1, 8, 32, 128];
const SINGLE_REQUESTS = 3000;
const HTTP_REQUESTS = 1500;
const SECONDS_PER_BATCH_SIZE = 1.5;

interface Latency {
  n: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  mean_ms: number;
}

function summarise(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { n: samples.length, p50_ms: round(at(0.5)), p95_ms: round(at(0.95)), p99_ms: round(at(0.99)), mean_ms: round(samples.reduce((s, x) => s + x, 0) / samples.length) };
}

/** Histories at different price levels with some structure, so inputs vary between requests. */
function histories(count: number): number[][] {
  return Array.from({ length: count }, (_, k) => Array.from({ length: 60 }, (_, t) => (20 + 7 * k) * Math.exp(0.0005 * t + 0.01 * Math.sin((t + k) / 4))));
}

async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(200, n); i++) await fn(i); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    out.push(performance.now() - start);
  }
  return out;
}

async function batchedThroughput(model: LoadedModel, inputs: number[][]) {
  const results = [];
  for (const size of BATCH_SIZES) {
    const batch = inputs.slice(0, size);
    for (let i = 0; i < 20; i++) await model.runBatch(batch);
    let runs = 0;
    const start = performance.now();
    while (performance.now() - start < SECONDS_PER_BATCH_SIZE * 1000) {
      await model.runBatch(batch);
      runs++;
    }
    const seconds = (performance.now() - start) / 1000;
    results.push({ batch_size: size, forecasts_per_s: Math.round((runs * size) / seconds), ms_per_batch: Math.round((seconds * 1e6) / runs) / 1000 });
  }
  return results;
}

async function microBatcherThroughput(model: LoadedModel, inputs: number[][], concurrency: number) {
  const before = model.batchStats();
  let done = 0;
  const start = performance.now();
  const deadline = start + SECONDS_PER_BATCH_SIZE * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (performance.now() < deadline) {
        await model.forecast(inputs[w % inputs.length]!);
        done++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const after = model.batchStats();
  const batches = after.batches - before.batches;
  return { concurrency, forecasts_per_s: Math.round(done / seconds), mean_batch_size: Math.round(((after.items - before.items) / Math.max(1, batches)) * 10) / 10 };
}

type HttpResult = { sequential: Latency; concurrent: { concurrency: number; requests_per_s: number }; mean_batch_size: number | null } | { skipped: string };

/** POST /infer/forecast/nbeats on a real ONNX runner (own model name, temporary MODELS_DIR, rows removed after). */
async function overHttp(inputs: number[][]): Promise<HttpResult> {
  const modelsDir = mkdtempSync(join(tmpdir(), 'aitrader-bench-'));
  const modelName = `bench-${process.pid}`;
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', HOST: '127.0.0.1', MODEL_NAME: modelName, MODELS_DIR: modelsDir, REDIS_PREFIX: `bench:${process.pid}:`, INTERNAL_SECRET: process.env.INTERNAL_SECRET || randomBytes(32).toString('hex') });
  const prisma = createDatabase(config.DATABASE_URL);
  try {
    await Promise.race([prisma.$queryRaw`SELECT 1`, new Promise((_, reject) => setTimeout(() => reject(new Error('PostgreSQL did not answer')), 3000))]);
  } catch (err) {
    await prisma.$disconnect();
    rmSync(modelsDir, { recursive: true, force: true });
    return { skipped: `no database: ${(err as Error).message}` };
  }
  const service = await startService(definition, { config, port: 0, logger: createLogger('bench', config) });
  try {
    const post = (i: number) =>
      fetch(`${service.url}/infer/forecast/nbeats`, {
        method: 'POST',
        // Called as a platform service would (a signed principal), like the strategy engine does.
        headers: { 'content-type': 'application/json', ...service.ctx.serviceHeaders() },
        body: JSON.stringify({ symbol: 'AAPL', history: inputs[i % inputs.length], horizon: 10 }),
      }).then(async (r) => {
        if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
        return r.json();
      });
    const sequential = summarise(await timeEach(HTTP_REQUESTS, post));
    let done = 0;
    const start = performance.now();
    await Promise.all(Array.from({ length: 32 }, async (_, w) => {
      while (performance.now() - start < SECONDS_PER_BATCH_SIZE * 1000) {
        await post(w);
        done++;
      }
    }));
    const concurrent = { concurrency: 32, requests_per_s: Math.round(done / ((performance.now() - start) / 1000)) };
    const batches = service.ctx.services.runtime.serving().versions[0];
    return { sequential, concurrent, mean_batch_size: batches ? Math.round((batches.batchedItems / Math.max(1, batches.batches)) * 10) / 10 : null };
  } finally {
    await service.close();
    await prisma.modelVersion.deleteMany({ where: { name: modelName } });
    await prisma.$disconnect();
    rmSync(modelsDir, { recursive: true, force: true });
  }
}

async function main() {
  const bytes = new Uint8Array(readFileSync(BOOTSTRAP_FILE));
  const config = parseSettings(InferenceSettings, loadConfig());
  const model = await loadModel(bytes, { name: 'nbeats', version: BOOTSTRAP_VERSION, providers: ['cpu'], maxBatchSize: config.INFERENCE_MAX_BATCH, maxWaitMs: config.INFERENCE_MAX_WAIT_MS });
  const inputs = histories(128);
  try {
    const session = summarise(await timeEach(SINGLE_REQUESTS, (i) => model.runBatch([inputs[i % 128]!])));
    const runner = summarise(
      await timeEach(SINGLE_REQUESTS, async (i) => {
        const history = inputs[i % 128]!;
        const out = await model.forecast(history);
        return buildForecast({ symbol: 'AAPL', history, horizon: 10 }, out, { version: model.version, spec: model.spec, metrics: model.metrics });
      }),
    );
    const batched = await batchedThroughput(model, inputs);
    const microBatched = await microBatcherThroughput(model, inputs, 128);
    const http: HttpResult = await overHttp(inputs).catch((err: Error) => ({ skipped: err.message }));
    const result = {
      generated_at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}` },
      model: { version: model.version, provider: model.provider, lookback: model.spec.lookback, horizon: model.spec.maxHorizon, config: model.meta.config, bytes: bytes.length },
      micro_batcher: { max_batch: config.INFERENCE_MAX_BATCH, max_wait_ms: config.INFERENCE_MAX_WAIT_MS },
      single_request_latency: { session_run: session, runner_path: runner, http },
      batched_throughput: batched,
      concurrent_single_requests_through_micro_batcher: microBatched,
    };
    const outDir = join(__dirname, 'results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'inference.json'), `${JSON.stringify(result, null, 2)}\n`);
    const line = (name: string, l: Latency) => `  ${name.padEnd(28)} p50 ${l.p50_ms.toFixed(3)} ms  p95 ${l.p95_ms.toFixed(3)} ms  p99 ${l.p99_ms.toFixed(3)} ms  (n=${l.n})`;
    process.stdout.write(
      [
        `N-BEATS ${model.version} on ${model.provider}, ${result.machine.cpus} CPU(s), Node ${process.version}`,
        'single-request latency:',
        line('session.run, batch of 1', session),
        line('runner (batcher+confidence)', runner),
        ...('skipped' in http
          ? [`  HTTP: skipped (${http.skipped})`]
          : [line('HTTP POST, sequential', http.sequential), `  HTTP, 32 concurrent clients: ${http.concurrent.requests_per_s} requests/s (mean micro-batch ${http.mean_batch_size})`]),
        'batched throughput:',
        ...batched.map((b) => `  batch ${String(b.batch_size).padStart(3)}: ${String(b.forecasts_per_s).padStart(8)} forecasts/s  (${b.ms_per_batch} ms per batch)`),
        `  128 concurrent single requests through the micro-batcher: ${microBatched.forecasts_per_s} forecasts/s (mean batch ${microBatched.mean_batch_size})`,
        `wrote ${join(outDir, 'inference.json')}`,
        '',
      ].filter((l) => l !== '').join('\n') + '\n',
    );
  } finally {
    await model.dispose();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`bench failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
