// A loaded version: the shipped bootstrap model's metadata and metrics, concurrent forecasts batched into
// fewer model runs with the same answers as one batch, release after draining, and broken artifacts
// refused at load time.
import { readFileSync } from 'node:fs';
import { exportOnnx, createModel } from '@aitrader/models/nbeats';
import { BOOTSTRAP_FILE, BOOTSTRAP_VERSION } from '../storage/artifacts';
import { loadModel } from './loaded-model';

const bytes = new Uint8Array(readFileSync(BOOTSTRAP_FILE));
const options = { name: 'nbeats', version: BOOTSTRAP_VERSION, providers: ['cpu'] as const, maxBatchSize: 16, maxWaitMs: 5 };
const history = (i: number) => Array.from({ length: 60 }, (_, t) => 100 + i + Math.sin((t + i) / 5));

test('loads the bootstrap with its shape and validation metrics', async () => {
  const model = await loadModel(bytes, { ...options, providers: [...options.providers] });
  try {
    expect(model.spec).toEqual({ lookback: 60, maxHorizon: 10 });
    expect(model.meta.version).toBe(BOOTSTRAP_VERSION);
    expect(model.metrics.stepRelRmse).toHaveLength(10);
    // Measured on real 1-minute prices, where it does not beat naive (models/src/nbeats/README.md).
    expect(model.metrics.relativeToNaive).toBeGreaterThan(0);
    expect(model.provider).toBe('cpu');
  } finally {
    await model.dispose();
  }
});

test('concurrent forecasts share model runs and get the answers a single batch gives', async () => {
  const model = await loadModel(bytes, { ...options, providers: [...options.providers] });
  try {
    const histories = Array.from({ length: 40 }, (_, i) => history(i));
    const single = await Promise.all(histories.map((h) => model.forecast(h)));
    const batch = await model.runBatch(histories);
    single.forEach((out, i) => expect(Array.from(out)).toEqual(Array.from(batch[i]!)));
    const stats = model.batchStats();
    expect(stats.items).toBe(40);
    expect(stats.batches).toBeLessThan(40);
    expect(stats.maxBatchSeen).toBeLessThanOrEqual(16);
  } finally {
    await model.dispose();
    await model.dispose(); // idempotent
  }
  await expect(model.forecast(history(0))).rejects.toMatchObject({ code: 'BATCHER_CLOSED' });
});

test('refuses an artifact without N-BEATS metadata or whose output is not a price', async () => {
  await expect(loadModel(new Uint8Array([0, 1, 2]), { ...options, providers: ['cpu'] })).rejects.toMatchObject({ code: 'BAD_MODEL' });
  // A model with NaN-free but absurd weights: outputs ≤ 0 are refused by the load-time test forecast.
  const model = createModel({ blocks: 1, layersPerBlock: 1, hiddenSize: 4 }, 1);
  model.params.fill(0);
  const forecastBias = model.params.length - 10; // the last dense layer's bias is the forecast head's
  model.params.fill(-5, forecastBias);
  const metrics = { count: 1, mae: 1, rmse: 1, mase: 1, maseScale: 1, naiveMae: 1, relativeToNaive: 0.5, perStepRelativeRmse: Array(10).fill(0.01) };
  const broken = exportOnnx(model, { version: 'broken', validation: metrics });
  await expect(loadModel(broken, { ...options, version: 'broken', providers: ['cpu'] })).rejects.toMatchObject({ code: 'BAD_MODEL_OUTPUT' });
});
