// Benchmark of the sentiment service: headlines/s of the shipped model (batched, in-process and through
// the worker thread, one big request and many concurrent single-headline requests), the event loop's
// worst stall while classifying each way, and the p50/p95 latency of sentiment() on a cache hit vs a
// cache miss (the aggregate recomputed from PostgreSQL), in the application layer and over REST.
// Needs Redis and PostgreSQL (REDIS_URL, DATABASE_URL; migrated). Writes bench/results/sentiment.json.
// Run: `npm run bench:sentiment`.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createLogger, loadConfig, startService, type RunningService } from '@aitrader/platform';
import { loadSentimentClassifier, pickSentimentModelName } from '../models/src/sentiment/classifier';
import { readHeldoutSet } from '../models/src/sentiment/dataset';
import { definition as marketdata } from '../subgraphs/marketdata/src';
import { definition as sentimentDefinition } from '../subgraphs/sentiment/src';
import { createSentimentInference } from '../subgraphs/sentiment/src/inference/inference';
import { DEFAULT_MODELS_DIR, type SentimentServices } from '../subgraphs/sentiment/src/services';

const TEXTS = 10_000;
const BATCH_SIZE = 32;
const CONCURRENT_REQUESTS = 2_000;
const CACHE_SAMPLES = 300;
const NEWS_IN_WINDOW = 200;
const RUNS = 3;

const round = (x: number, digits = 3) => Number(x.toFixed(digits));
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

/** Median over RUNS of texts/s, and the event loop's largest stall (ms) seen during the runs. */
async function throughput(label: string, texts: number, run: () => Promise<unknown>): Promise<{ headlines_per_s: number; event_loop_max_stall_ms: number; event_loop_p99_delay_ms: number }> {
  await run(); // warm-up
  const rates: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    rates.push(texts / ((performance.now() - started) / 1000));
  }
  delay.disable();
  const rate = percentile(rates, 0.5);
  const stall = delay.max / 1e6;
  const p99 = delay.percentile(99) / 1e6;
  console.log(`${label.padEnd(52)} ${Math.round(rate).toString().padStart(6)} headlines/s   event loop: max stall ${stall.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
  return { headlines_per_s: Math.round(rate), event_loop_max_stall_ms: round(stall, 1), event_loop_p99_delay_ms: round(p99, 1) };
}

async function classification() {
  const heldout = readHeldoutSet().map((r) => r.text);
  const texts = Array.from({ length: TEXTS }, (_, i) => heldout[i % heldout.length]!);
  const modelName = pickSentimentModelName(DEFAULT_MODELS_DIR);

  const direct = await loadSentimentClassifier({ modelsDir: DEFAULT_MODELS_DIR, modelName, batchSize: BATCH_SIZE });
  const unbatched = await loadSentimentClassifier({ modelsDir: DEFAULT_MODELS_DIR, modelName, batchSize: 1 });
  const worker = createSentimentInference({ mode: 'worker', modelsDir: DEFAULT_MODELS_DIR, modelName, batchSize: BATCH_SIZE, queueLimit: 1_000_000 });
  await worker.ready();
  try {
    const few = texts.slice(0, 1_000);
    const results = {
      model: direct.modelId,
      texts: TEXTS,
      batch_size: BATCH_SIZE,
      direct_batched: await throughput(`in-process, batches of ${BATCH_SIZE}`, TEXTS, () => direct.classify(texts)),
      direct_unbatched: await throughput('in-process, one headline per model call', few.length, () => unbatched.classify(few)),
      worker_one_request: await throughput(`worker thread, one request of ${TEXTS}`, TEXTS, () => worker.classify(texts)),
      worker_ingest_batches: await throughput('worker thread, requests of 500 (an ingest batch)', TEXTS, async () => {
        for (let i = 0; i < TEXTS; i += 500) await worker.classify(texts.slice(i, i + 500));
      }),
      direct_ingest_batches: await throughput('in-process, requests of 500 (an ingest batch)', TEXTS, async () => {
        for (let i = 0; i < TEXTS; i += 500) await direct.classify(texts.slice(i, i + 500));
      }),
      worker_concurrent_single: await throughput(`worker thread, ${CONCURRENT_REQUESTS} concurrent 1-headline requests`, CONCURRENT_REQUESTS, () =>
        Promise.all(texts.slice(0, CONCURRENT_REQUESTS).map((t) => worker.classify([t]))),
      ),
      // How many model calls one burst of concurrent single-headline requests was coalesced into.
      worker_calls_per_concurrent_burst: await (async () => {
        const before = worker.stats().calls;
        await Promise.all(texts.slice(0, CONCURRENT_REQUESTS).map((t) => worker.classify([t])));
        return worker.stats().calls - before;
      })(),
    };
    console.log(`${CONCURRENT_REQUESTS} concurrent requests went to the model in ${results.worker_calls_per_concurrent_burst} calls`);
    return results;
  } finally {
    await Promise.all([direct.dispose(), unbatched.dispose(), worker.close()]);
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function cache() {
  const run = randomBytes(3).toString('hex');
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', HOST: '127.0.0.1', REDIS_PREFIX: `bench:sentiment:${run}:`, REPLAY_ON_START: 'none', NEWS_FEED_FILE: '', INTERNAL_SECRET: process.env.INTERNAL_SECRET || randomBytes(32).toString('hex') });
  const services: RunningService<unknown>[] = [];
  // Marketdata seeds the instruments table the sentiment service validates symbols against.
  services.push(await startService(marketdata, { config, port: 0, logger: createLogger('marketdata', config) }));
  const sentiment = await startService(sentimentDefinition, { config, port: 0, logger: createLogger('sentiment', config) });
  services.push(sentiment as RunningService<unknown>);
  const app = (sentiment.ctx.services as SentimentServices).sentiment;
  const prisma = sentiment.ctx.prisma;
  // News in one hour of the year 2000 (nobody else writes there), removed afterwards.
  const asOf = new Date(Date.UTC(2000, 0, 1 + Math.floor(Math.random() * 360), 12));
  const source = `AITrader Bench ${run}`;
  try {
    const heldout = readHeldoutSet().map((r) => r.text);
    const items = Array.from({ length: NEWS_IN_WINDOW }, (_, i) => ({
      headline: `${heldout[i % heldout.length]} (bench ${i})`, source, symbols: ['AAPL'], publishedAt: new Date(asOf.getTime() - (i + 1) * 15_000).toISOString(),
    }));
    const ingested = await app.ingest(items);
    if (!ingested.ok) throw new Error(`bench ingest failed: ${JSON.stringify(ingested.errors.slice(0, 3))}`);
    const query = { symbol: 'AAPL', window: '1h', asOf };
    const url = `${sentiment.url}/api/sentiment?symbol=AAPL&window=1h&as_of=${encodeURIComponent(asOf.toISOString())}`;
    const invalidate = () => (sentiment.ctx.services as SentimentServices).cache.invalidate(['AAPL']);

    const miss: number[] = [];
    const hit: number[] = [];
    const restMiss: number[] = [];
    const restHit: number[] = [];
    for (let i = 0; i < 20; i++) await app.sentiment(query); // warm-up (connections, JIT)
    for (let i = 0; i < CACHE_SAMPLES; i++) {
      await invalidate();
      miss.push(await timed(async () => { if ((await app.sentiment(query)).cached) throw new Error('expected a miss'); }));
      hit.push(await timed(async () => { if (!(await app.sentiment(query)).cached) throw new Error('expected a hit'); }));
      await invalidate();
      restMiss.push(await timed(() => fetch(url, { headers: sentiment.ctx.serviceHeaders() }).then((r) => r.json())));
      restHit.push(await timed(() => fetch(url, { headers: sentiment.ctx.serviceHeaders() }).then((r) => r.json())));
    }
    const count = (await app.sentiment(query)).count;
    const stats = (xs: number[]) => ({ p50_ms: round(percentile(xs, 0.5)), p95_ms: round(percentile(xs, 0.95)) });
    const result = {
      news_in_window: count,
      samples: CACHE_SAMPLES,
      sentiment_hit: stats(hit),
      sentiment_miss: stats(miss),
      rest_hit: stats(restHit),
      rest_miss: stats(restMiss),
    };
    console.log(`sentiment() cache hit   p50 ${result.sentiment_hit.p50_ms} ms  p95 ${result.sentiment_hit.p95_ms} ms`);
    console.log(`sentiment() cache miss  p50 ${result.sentiment_miss.p50_ms} ms  p95 ${result.sentiment_miss.p95_ms} ms  (${count} news in the window)`);
    console.log(`GET /api/sentiment hit  p50 ${result.rest_hit.p50_ms} ms, miss p50 ${result.rest_miss.p50_ms} ms`);
    return result;
  } finally {
    await prisma.newsItem.deleteMany({ where: { source } });
    await Promise.all(services.map((s) => s.close()));
  }
}

async function main() {
  console.log(`sentiment benchmark on ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  const results = { generated_at: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu_model: cpus()[0]?.model ?? null, classification: await classification(), cache: await cache() };
  const out = join(__dirname, 'results', 'sentiment.json');
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${out}`);
}

main().then(() => process.exit(0), (err: Error) => {
  console.error(err);
  process.exit(1);
});
