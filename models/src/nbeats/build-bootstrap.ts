// Builds the N-BEATS model the inference service ships with (models/nbeats/nbeats-bootstrap.onnx), which
// it registers and promotes on first start when the registry has no promoted version.
// Run: npm run models:bootstrap   (or npx tsx models/src/nbeats/build-bootstrap.ts [outFile])
//
// Training data: a seeded synthetic series (trend × 20- and 7-step cycles × noise, plus a random-walk
// part so the error grows with the horizon step, as it does on real prices). Not the bundled market
// data, on purpose: sample-trades.csv holds 12 trades and sample-ticks.ndjson 30 minutes of five
// symbols (30 one-minute closes each; 1-second closes forward-filled give ~9k prices that are a pure
// random walk with nothing to learn: a model trained on them scored relativeToNaive ≈ 1.5 on the test
// split). A 60 → 10 model needs thousands of windows with structure to be worth serving. The worker's
// training jobs use the same corpus unless they are given symbols (their candles from PostgreSQL).
//
// Deterministic: same code, same bytes (seeded data and initialisation, no clock in the file).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { syntheticSeries, type SyntheticSeriesOptions } from './data';
import { exportOnnx } from './onnx-export';
import { train, type TrainOptions, type TrainResult } from './train';

export const BOOTSTRAP_VERSION = 'nbeats-bootstrap';
export const BOOTSTRAP_FILE = resolve(__dirname, '..', '..', 'nbeats', `${BOOTSTRAP_VERSION}.onnx`);

/** The synthetic training corpus: 6000 steps, ±4 % / ±1.5 % cycles, 0.3 % noise, 0.1 % random walk per step. */
export const SYNTHETIC_CORPUS: SyntheticSeriesOptions = { length: 6000, seed: 42, randomWalk: 0.001 };

/** A small network (2 blocks × 2 layers × 32, ~10.6k weights, ~45 KB as ONNX) that trains in seconds on one core. */
export const BOOTSTRAP_TRAINING: Omit<TrainOptions, 'series'> = {
  lookback: 60,
  horizon: 10,
  blocks: 2,
  layersPerBlock: 2,
  hiddenSize: 32,
  epochs: 20,
  batchSize: 64,
  seed: 1,
};

export interface BootstrapBuild {
  bytes: Uint8Array;
  result: TrainResult;
  trainingMs: number;
}

export function buildBootstrap(): BootstrapBuild {
  const series = syntheticSeries(SYNTHETIC_CORPUS);
  const started = performance.now();
  const result = train({ ...BOOTSTRAP_TRAINING, series });
  const trainingMs = performance.now() - started;
  const bytes = exportOnnx(result.model, {
    version: BOOTSTRAP_VERSION,
    validation: result.metrics.validation,
    test: result.metrics.test,
    extra: {
      'aitrader.data': `syntheticSeries(${JSON.stringify(SYNTHETIC_CORPUS)})`,
      'aitrader.training': JSON.stringify({ ...BOOTSTRAP_TRAINING, bestEpoch: result.bestEpoch, split: result.split }),
    },
  });
  return { bytes, result, trainingMs };
}

/** Writes via a temporary file and a rename, so a reader never sees half a model. */
export function writeAtomically(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

if (require.main === module) {
  const out = resolve(process.argv[2] ?? BOOTSTRAP_FILE);
  const { bytes, result, trainingMs } = buildBootstrap();
  writeAtomically(out, bytes);
  const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(4));
  const { validation, test } = result.metrics;
  process.stdout.write(
    [
      `wrote ${out} (${bytes.length} bytes) in ${(trainingMs / 1000).toFixed(2)} s of training, best epoch ${result.bestEpoch}`,
      `validation: relativeToNaive ${fmt(validation.relativeToNaive)}  MASE ${fmt(validation.mase)}  (${validation.count} windows)`,
      `test:       relativeToNaive ${fmt(test?.relativeToNaive)}  MASE ${fmt(test?.mase)}  (${test?.count ?? 0} windows)`,
      `per-step relative RMSE (validation): ${validation.perStepRelativeRmse.map((e) => e.toFixed(5)).join(' ')}`,
      '',
    ].join('\n'),
  );
}
