// The committed bootstrap model (models/nbeats/nbeats-bootstrap.onnx) is exactly what the build script
// makes, carries its metrics, beats the naive forecast on held-out data, and runs in onnxruntime.
import { readFileSync } from 'node:fs';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { BOOTSTRAP_FILE, BOOTSTRAP_VERSION, buildBootstrap, type BootstrapBuild } from './build-bootstrap';
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

test('metadata: 60 → 10, its version, validation and test metrics that beat naive, per-step errors', () => {
  const meta = readOnnxMetadata(committed);
  expect(meta).toMatchObject({ lookback: 60, horizon: 10, version: BOOTSTRAP_VERSION });
  expect(meta.validation!.relativeToNaive).toBeLessThan(0.5);
  expect(meta.test!.relativeToNaive).toBeLessThan(0.5);
  expect(meta.test!.mase).toBeLessThan(1);
  expect(meta.perStepRelativeRmse).toHaveLength(10);
  expect(meta.properties['aitrader.data']).toMatch(/^syntheticSeries\(/);
  expect(committed.length).toBeLessThan(64 * 1024);
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
