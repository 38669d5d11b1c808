// Benchmark: smaBatch through the native binding vs the TypeScript reference on 1M values.
// Prints ticks/s for each and the speed-up, and writes bench/results/native.json at the
// repo root. Run with `npm run bench --workspace native` after `npm run build:native`.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { backend, coreVersion, loadError, reference, smaBatch } from '../src/index';

const N = 1_000_000;
const PERIOD = 20;
const WARMUP = 3;
const RUNS = 15;

/** Deterministic random-walk prices (mulberry32), so runs are comparable. */
function series(n: number): Float64Array {
  let a = 0x5eed;
  const out = new Float64Array(n);
  let price = 100;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    price *= 1 + (((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5) * 0.02;
    out[i] = price;
  }
  return out;
}

/** Median ticks/s of `fn` over RUNS timed runs after WARMUP untimed ones. */
function ticksPerSecond(fn: (v: Float64Array, p: number) => Float64Array, values: Float64Array): number {
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) sink += fn(values, PERIOD)[values.length - 1]!;
  const rates: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    sink += fn(values, PERIOD)[values.length - 1]!;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(values.length / seconds);
  }
  if (Number.isNaN(sink)) throw new Error('unexpected NaN result');
  rates.sort((x, y) => x - y);
  return rates[Math.floor(rates.length / 2)]!;
}

function main(): void {
  if (backend !== 'native') {
    console.error(`native backend unavailable (${loadError ?? 'unknown reason'}); run \`npm run build:native\``);
    process.exit(1);
  }
  const values = series(N);
  const nativeRate = ticksPerSecond(smaBatch, values);
  const tsRate = ticksPerSecond(reference.smaBatch, values);
  const ratio = nativeRate / tsRate;

  const fmt = (r: number): string => `${(r / 1e6).toFixed(1)}M ticks/s`;
  console.log(`smaBatch(period=${PERIOD}) on ${N.toLocaleString('en-US')} values, core ${coreVersion()}`);
  console.log(`  native     ${fmt(nativeRate)}`);
  console.log(`  typescript ${fmt(tsRate)}`);
  console.log(`  ratio      ${ratio.toFixed(2)}x`);

  const outDir = path.join(__dirname, '..', '..', 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const result = {
    native_ticks_per_s: Math.round(nativeRate),
    ts_ticks_per_s: Math.round(tsRate),
    ratio: Number(ratio.toFixed(3)),
    values: N,
    period: PERIOD,
    runs: RUNS,
  };
  fs.writeFileSync(path.join(outDir, 'native.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`  wrote ${path.relative(process.cwd(), path.join(outDir, 'native.json'))}`);
}

main();
