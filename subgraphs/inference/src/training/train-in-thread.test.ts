// The trainer in a worker thread: progress per epoch comes back, the weights arrive intact (same as
// training in this thread with the same seed), and the trainer's own errors keep their code.
import { syntheticSeries, train } from '@aitrader/models/nbeats';
import { trainInThread, TrainingError } from './train-in-thread';

const options = { blocks: 1, layersPerBlock: 1, hiddenSize: 8, epochs: 3, seed: 4, patience: Infinity };

test('trains off the main thread with per-epoch progress and the same weights as in-thread training', async () => {
  const series = syntheticSeries({ length: 800, seed: 3 });
  const progress: number[] = [];
  const result = await trainInThread(series, options, (p) => progress.push(p.epoch));
  expect(progress).toEqual([1, 2, 3]);
  const local = train({ ...options, series });
  expect(Array.from(result.params)).toEqual(Array.from(local.model.params));
  expect(result.metrics.validation.relativeToNaive).toBeCloseTo(local.metrics.validation.relativeToNaive, 12);
  expect(result.trainingMs).toBeGreaterThan(0);
}, 20_000);

test("rejects with the trainer's error code for a series that is too short", async () => {
  const error = await trainInThread(syntheticSeries({ length: 50, seed: 1 }), options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TrainingError);
  expect(error).toMatchObject({ code: 'TOO_SHORT' });
}, 20_000);

test('an abort stops the thread', async () => {
  const controller = new AbortController();
  const running = trainInThread(syntheticSeries({ length: 4000, seed: 1 }), { ...options, hiddenSize: 64, epochs: 200 }, () => controller.abort(), controller.signal);
  await expect(running).rejects.toMatchObject({ code: 'ABORTED' });
}, 20_000);
