// Benchmark: the native pattern engine vs the TypeScript reference on the same 1M ticks —
// batch mode (one symbol, and a 5-symbol mix run as one batch per symbol) for an
// SMA+RSI+ATR-only config and the full default config, plus live `onTick` calls (ns/call)
// on an interleaved 5-symbol stream. Prints ticks/s and ratios; writes
// bench/results/native.json at the repo root. Run: `npm run bench --workspace native`.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { backend, coreVersion, createPatternEngine, loadError, reference, type EngineConfig, type PatternEngine } from '../src/index';
import { interleave, syntheticTicks, type StreamTick, type TickColumns } from '../src/testing/synthetic-ticks';

const TICKS = 1_000_000;
const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'TSLA'];
const WARMUP = 2;
const RUNS = 7;

const CONFIGS: Record<string, EngineConfig> = {
  'sma+rsi+atr': { indicators: ['sma', 'rsi', 'atr'], detectors: [] },
  full: {},
};

type Factory = (config: EngineConfig) => PatternEngine;
const FACTORIES: Record<'native' | 'typescript', Factory> = {
  native: (config) => createPatternEngine(config),
  typescript: (config) => new reference.ReferencePatternEngine(config),
};

/** Median of `fn()`'s duration in seconds over RUNS runs after WARMUP runs. */
function medianSeconds(fn: () => number): number {
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) sink += fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    sink += fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  if (Number.isNaN(sink)) throw new Error('unexpected NaN');
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Ticks/s of runBatch over `batches` (one per symbol), fresh engine per run. */
function batchRate(factory: Factory, config: EngineConfig, batches: Array<[string, TickColumns]>): number {
  const total = batches.reduce((n, [, b]) => n + b.ts.length, 0);
  const seconds = medianSeconds(() => {
    const engine = factory(config);
    let signals = 0;
    for (const [symbol, b] of batches) {
      signals += engine.runBatch(symbol, b.ts, b.price, b.size, b.bidSize, b.askSize).signals.length;
    }
    return signals;
  });
  return total / seconds;
}

/** ns per onTick call over an interleaved multi-symbol stream, fresh engine per run. */
function perTickNs(factory: Factory, config: EngineConfig, stream: StreamTick[]): number {
  const seconds = medianSeconds(() => {
    const engine = factory(config);
    let signals = 0;
    for (const t of stream) signals += engine.onTick(t.symbol, t.ts, t.price, t.size, t.bidSize, t.askSize).length;
    return signals;
  });
  return (seconds * 1e9) / stream.length;
}

function main(): void {
  if (backend !== 'native') {
    console.error(`native backend unavailable (${loadError ?? 'unknown reason'}); run \`npm run build:native\``);
    process.exit(1);
  }
  const single: Array<[string, TickColumns]> = [['AAPL', syntheticTicks(TICKS, 1)]];
  const mix: Array<[string, TickColumns]> = SYMBOLS.map((s, k) => [s, syntheticTicks(TICKS / SYMBOLS.length, 100 + k)]);
  const stream = interleave(mix);
  const m = (r: number): string => `${(r / 1e6).toFixed(2)}M ticks/s`;

  console.log(`pattern engine, core ${coreVersion()}, ${TICKS.toLocaleString('en-US')} ticks (~100 ms apart, 1 s bars), node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}`);
  const batch: Record<string, Record<string, { native_ticks_per_s: number; ts_ticks_per_s: number; ratio: number }>> = {};
  for (const [configName, config] of Object.entries(CONFIGS)) {
    batch[configName] = {};
    for (const [dataName, data] of [['1 symbol', single], ['5-symbol mix', mix]] as const) {
      const nativeRate = batchRate(FACTORIES.native, config, data);
      const tsRate = batchRate(FACTORIES.typescript, config, data);
      const ratio = nativeRate / tsRate;
      batch[configName]![dataName] = {
        native_ticks_per_s: Math.round(nativeRate),
        ts_ticks_per_s: Math.round(tsRate),
        ratio: Number(ratio.toFixed(2)),
      };
      console.log(`batch ${configName.padEnd(12)} ${dataName.padEnd(13)} native ${m(nativeRate).padStart(17)}  typescript ${m(tsRate).padStart(17)}  ${ratio.toFixed(1)}x`);
    }
  }
  const perTick: Record<string, { native_ns: number; ts_ns: number }> = {};
  for (const [configName, config] of Object.entries(CONFIGS)) {
    const nativeNs = perTickNs(FACTORIES.native, config, stream);
    const tsNs = perTickNs(FACTORIES.typescript, config, stream);
    perTick[configName] = { native_ns: Number(nativeNs.toFixed(1)), ts_ns: Number(tsNs.toFixed(1)) };
    console.log(`onTick ${configName.padEnd(12)} 5-symbol stream native ${nativeNs.toFixed(0).padStart(5)} ns/call  typescript ${tsNs.toFixed(0).padStart(5)} ns/call`);
  }

  const headline = batch['sma+rsi+atr']!['1 symbol']!;
  const result = {
    native_ticks_per_s: headline.native_ticks_per_s,
    ts_ticks_per_s: headline.ts_ticks_per_s,
    ratio: headline.ratio,
    per_tick_call_ns: perTick.full!.native_ns,
    headline: 'batch, SMA+RSI+ATR-only config, 1 symbol; per_tick_call_ns: native onTick, full config',
    batch,
    per_tick_call: perTick,
    ticks: TICKS,
    runs: RUNS,
    core_version: coreVersion(),
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
  };
  const outDir = path.join(__dirname, '..', '..', 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'native.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), path.join(outDir, 'native.json'))}`);
}

main();
