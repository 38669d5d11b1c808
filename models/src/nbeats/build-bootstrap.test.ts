// The committed bootstrap model (models/nbeats/nbeats-bootstrap.onnx) is exactly what the build script
// makes, carries metrics measured on real 1-minute prices (the ones the service's confidence is built
// from: they must say what the model is worth there, which is about nothing), and runs in onnxruntime.
import { readFileSync } from 'node:fs';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { BOOTSTRAP_FILE, BOOTSTRAP_TRAINING, BOOTSTRAP_VERSION, buildBootstrap, type BootstrapBuild } from './build-bootstrap';
import { splitChronologically } from './data';
import { BITSTAMP_BARS_FILE } from './data/make-bitstamp-bars';
import { evaluateForecasts, naiveOneStepMae } from './metrics';
import { readOhlcvCsv } from './ohlcv';
import { ONNX_INPUT_NAME, ONNX_OUTPUT_NAME, readOnnxMetadata } from './onnx-export';
import { predict } from './predict';

const committed = new Uint8Array(readFileSync(BOOTSTRAP_FILE));
let build: BootstrapBuild;
beforeAll(() => {
  build = buildBootstrap(); // a few seconds of training, once
}, 30_000);

test('rebuilding gives the committed bytes (run `npm run models:bootstrap` after changing the recipe)', () => {
  expect(Buffer.from(build.bytes).equals(Buffer.from(committed))).toBe(true);
});

test('metadata: 60 → 10, its version, trained on the real price file, per-step errors growing with the step', () => {
  const meta = readOnnxMetadata(committed);
  expect(meta).toMatchObject({ lookback: 60, horizon: 10, version: BOOTSTRAP_VERSION });
  expect(meta.properties['aitrader.data']).toMatch(/bitstamp-btcusd-1m\.csv/);
  expect(meta.perStepRelativeRmse).toHaveLength(10);
  expect(meta.perStepRelativeRmse![9]!).toBeGreaterThan(meta.perStepRelativeRmse![0]!);
  expect(committed.length).toBeLessThan(64 * 1024);
});

test('its validation and test metrics are what the model scores on the real file (so the confidence built on them is honest)', () => {
  const meta = readOnnxMetadata(committed);
  const { series } = readOhlcvCsv(BITSTAMP_BARS_FILE);
  const split = splitChronologically(series, { lookback: 60, horizon: 10, validationFraction: 0.15, testFraction: 0.15 });
  const scale = naiveOneStepMae(series.subarray(0, split.trainEnd));
  for (const [name, windows] of [['validation', split.validation], ['test', split.test]] as const) {
    const histories = Array.from({ length: windows.count }, (_, w) => windows.inputs.subarray(w * 60, (w + 1) * 60));
    const scored = evaluateForecasts(windows, Float64Array.from(predict(build.result.model, histories).flat()), scale);
    expect([name, scored.relativeToNaive]).toEqual([name, expect.closeTo(meta[name]!.relativeToNaive, 10)]);
    expect(scored.count).toBe(meta[name]!.count);
  }
  // On real 1-minute prices it does not beat repeating the last price: the skill the service derives,
  // 1 − relativeToNaive clamped to [0, 1], is ~0, so its confidence stays at the floor.
  expect(Math.max(0, 1 - meta.validation!.relativeToNaive)).toBeLessThan(0.05);
  expect(BOOTSTRAP_TRAINING).toMatchObject({ lookback: 60, horizon: 10 });
});

test('onnxruntime runs it and agrees with the TS forward pass of the rebuilt model', async () => {
  const { result } = build;
  const history = Array.from({ length: 60 }, (_, i) => 50 * Math.exp(0.001 * i + 0.02 * Math.sin(i / 3)));
  const session = await InferenceSession.create(Buffer.from(committed));
  try {
    const out = await session.run({ [ONNX_INPUT_NAME]: new Tensor('float32', Float32Array.from(history), [1, 60]) });
    const onnxForecast = Array.from(out[ONNX_OUTPUT_NAME]!.data as Float32Array);
    const tsForecast = predict(result.model, [history])[0]!;
    onnxForecast.forEach((p, j) => expect(Math.abs(p - tsForecast[j]!) / history[59]!).toBeLessThan(1e-4));
  } finally {
    await session.release();
  }
});
