// Builds the N-BEATS model the inference service ships with (models/nbeats/nbeats-bootstrap.onnx), which
// it registers and promotes on first start when the registry has no promoted version.
// Run: npm run models:bootstrap   (or npx tsx models/src/nbeats/build-bootstrap.ts [outFile])
//
// Training data: real prices, the 9,603 one-minute closes of data/bitstamp-btcusd-1m.csv (Bitstamp
// BTC/USD, 2013-11-25 → 12-01; source and license in data/README.md), split in time 70/15/15. The metrics
// the file carries are therefore measured on real prices, and the service's confidence is built from
// them (skill = 1 − validation relativeToNaive). Measured: the network does not beat the naive forecast
// on real 1-minute prices (validation relativeToNaive ≈ 1.05, test ≈ 1.12), so its skill is 0 and every
// confidence it reports is the floor ε = 0.001: the strategy's forecast factor is then 0, which is what
// a forecast worth nothing should weigh. The previous recipe trained on a seeded synthetic series
// (SYNTHETIC_CORPUS, still the worker's default corpus) and carried synthetic metrics (relativeToNaive
// 0.12), so it reported confidences of 0.4–0.7 on real prices while scoring 1.9 × naive's error there
// (npm run eval:forecast measures both).
//
// Deterministic: same code, same bytes (seeded data and initialisation, no clock in the file).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type SyntheticSeriesOptions } from './data';
import { BITSTAMP_BARS_FILE } from './data/make-bitstamp-bars';
import { readOhlcvCsv } from './ohlcv';
import { exportOnnx } from './onnx-export';
import { train, type TrainOptions, type TrainResult } from './train';

export const BOOTSTRAP_VERSION = 'nbeats-bootstrap';
export const BOOTSTRAP_FILE = resolve(__dirname, '..', '..', 'nbeats', `${BOOTSTRAP_VERSION}.onnx`);

/**
 * The previous bootstrap's synthetic training corpus (6000 steps, ±4 % / ±1.5 % cycles, 0.3 % noise, 0.1 %
 * random walk per step); still the worker's default training data and eval:forecast's comparison.
 */
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

/** What the bootstrap trains on, as recorded in its metadata (`aitrader.data`). */
export const BOOTSTRAP_DATA = 'ohlcv 1m close: models/src/nbeats/data/bitstamp-btcusd-1m.csv (Bitstamp BTC/USD, 2013-11-25 to 2013-12-01, 9603 bars; ta4j-examples 0.15, MIT)';

export function buildBootstrap(): BootstrapBuild {
  const { series } = readOhlcvCsv(BITSTAMP_BARS_FILE);
  const started = performance.now();
  const result = train({ ...BOOTSTRAP_TRAINING, series });
  const trainingMs = performance.now() - started;
  const bytes = exportOnnx(result.model, {
    version: BOOTSTRAP_VERSION,
    validation: result.metrics.validation,
    test: result.metrics.test,
    extra: {
      'aitrader.data': BOOTSTRAP_DATA,
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
