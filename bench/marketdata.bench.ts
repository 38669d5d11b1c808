// Benchmark of the synthetic market generator: one hour of five symbols (seed 7), median over RUNS.
// Prints ticks/s, how many times faster than real time the hour is generated, and the ratio to a
// baseline measured in the same run: JSON-encoding the same ticks, which the replay does to every tick
// it publishes. Writes bench/results/marketdata.json. Run: `npm run bench:marketdata`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { generateTicks } from '../subgraphs/marketdata/src/domain/synthetic';

const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'TSLA', 'SPY'];
const DURATION_MS = 3_600_000;
const RUNS = 5;

/** Median seconds of `fn` over RUNS runs after one warm-up. */
function medianSeconds(fn: () => number): number {
  let sink = fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    sink += fn();
    times.push((performance.now() - started) / 1000);
  }
  if (Number.isNaN(sink)) throw new Error('unexpected NaN');
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const generate = () => generateTicks({ seed: 7, symbols: SYMBOLS, start: '2025-09-26T13:30:00Z', durationMs: DURATION_MS });
const ticks = generate();
const generateS = medianSeconds(() => generate().length);
const encodeS = medianSeconds(() => ticks.reduce((n, t) => n + JSON.stringify(t).length, 0));

const result = {
  ticks: ticks.length,
  generate_ticks_per_s: Math.round(ticks.length / generateS),
  times_real_time: Math.round(DURATION_MS / 1000 / generateS),
  json_encode_ticks_per_s: Math.round(ticks.length / encodeS),
  generate_vs_encode_ratio: Number((encodeS / generateS).toFixed(2)),
  runs: RUNS,
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
};
console.log(`synthetic market, 1 h of ${SYMBOLS.length} symbols: ${result.ticks} ticks`);
console.log(`generate ${(result.generate_ticks_per_s / 1e6).toFixed(2)}M ticks/s (${result.times_real_time}x real time); JSON-encode ${(result.json_encode_ticks_per_s / 1e6).toFixed(2)}M ticks/s; generate/encode ${result.generate_vs_encode_ratio}`);
const outDir = join(__dirname, 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'marketdata.json'), `${JSON.stringify(result, null, 2)}\n`);
