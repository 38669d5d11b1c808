// The classifier behind its bounded queue, with the shipped model run for real: in a worker thread and
// in-process the labels agree; concurrent small requests are coalesced into fewer model calls; a full
// queue refuses work (INFERENCE_BUSY); a model that cannot load, or a closed classifier, is unavailable.
import { join } from 'node:path';
import { InferenceBusyError, InferenceUnavailableError, createSentimentInference, type SentimentInference } from './inference';

const MODELS_DIR = join(__dirname, '..', '..', '..', '..', 'models');
const TEXTS = [
  'Nvidia beats estimates and raises its revenue outlook',
  'Airline shares plunge after profit warning',
  'Retailer to report quarterly results on Wednesday',
];

const opened: SentimentInference[] = [];
const open = (options: Partial<Parameters<typeof createSentimentInference>[0]> = {}) => {
  const inference = createSentimentInference({ mode: 'worker', modelsDir: MODELS_DIR, batchSize: 32, queueLimit: 1000, ...options });
  opened.push(inference);
  return inference;
};
afterAll(() => Promise.all(opened.map((i) => i.close())));

describe.each(['worker', 'inline'] as const)('%s mode', (mode) => {
  it('loads the shipped model on ready() and classifies with FinBERT labels and full probabilities', async () => {
    const inference = open({ mode });
    expect(inference.stats().state).toBe('idle');
    const { modelId } = await inference.ready();
    expect(modelId).toMatch(/^finance-sentiment@\d+\.\d+\.\d+$/);
    const scores = await inference.classify(TEXTS);
    expect(scores.map((s) => s.label)).toEqual(['positive', 'negative', 'neutral']);
    for (const s of scores) {
      expect(s.probabilities.positive + s.probabilities.negative + s.probabilities.neutral).toBeCloseTo(1, 5);
      expect(s.score).toBe(s.probabilities[s.label]);
    }
    expect(inference.stats()).toMatchObject({ mode, state: 'ready', modelId, classified: 3, queuedTexts: 0 });
  });
});

it('gives the same probabilities in the worker and in-process', async () => {
  const [a, b] = [open({ mode: 'worker' }), open({ mode: 'inline' })];
  const [fromWorker, inline] = await Promise.all([a.classify(TEXTS), b.classify(TEXTS)]);
  expect(fromWorker).toEqual(inline);
});

it('coalesces queued requests into fewer model calls and answers each with its own scores', async () => {
  const inference = open();
  await inference.ready();
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => inference.classify([TEXTS[i % 3]!])));
  expect(results.map((r) => r.map((s) => s.label)[0])).toEqual(Array.from({ length: 12 }, (_, i) => ['positive', 'negative', 'neutral'][i % 3]));
  // The first request goes alone; the eleven that queued behind it go together.
  expect(inference.stats().calls).toBeLessThanOrEqual(3);
  expect(inference.stats().classified).toBe(12);
});

it('refuses work beyond the queue limit without losing what was accepted', async () => {
  const inference = open({ queueLimit: 5 });
  await inference.ready();
  const first = inference.classify(TEXTS); // taken by the worker at once
  const queued = inference.classify(TEXTS); // waits: 3 of 5
  await expect(inference.classify(TEXTS)).rejects.toBeInstanceOf(InferenceBusyError); // 6 > 5
  expect((await first).length).toBe(3);
  expect((await queued).length).toBe(3);
  expect(inference.stats().queuedTexts).toBe(0);
});

it('reports a model that cannot load as unavailable', async () => {
  const inference = open({ modelName: 'no-such-model' });
  await expect(inference.ready()).rejects.toBeInstanceOf(InferenceUnavailableError);
  expect(inference.stats()).toMatchObject({ state: 'failed', error: expect.stringMatching(/no sentiment model/) });
  await expect(inference.classify(['x'])).rejects.toBeInstanceOf(InferenceUnavailableError);
});

it('is unavailable once closed, also for requests still queued', async () => {
  const inference = open();
  await inference.ready();
  const inFlight = inference.classify(TEXTS);
  const queued = inference.classify(TEXTS);
  const closing = inference.close();
  await expect(queued).rejects.toBeInstanceOf(InferenceUnavailableError);
  await inFlight.catch(() => undefined); // in flight when the worker stopped: answered or refused, never hanging
  await closing;
  await expect(inference.classify(TEXTS)).rejects.toBeInstanceOf(InferenceUnavailableError);
  expect(inference.stats().state).toBe('closed');
});

it('replaces a worker that dies: queued requests wait for the new one, in-flight ones fail', async () => {
  const inference = open();
  await inference.ready();
  // Reach the thread the way a crash would: end it from outside, not through close().
  const thread = (inference as unknown as { engine: { worker: import('node:worker_threads').Worker } }).engine.worker;
  const inFlight = inference.classify(TEXTS);
  const queued = inference.classify(TEXTS);
  await thread.terminate();
  await expect(inFlight).rejects.toBeInstanceOf(InferenceUnavailableError);
  expect((await queued).map((s) => s.label)).toEqual(['positive', 'negative', 'neutral']);
  expect(inference.stats()).toMatchObject({ state: 'ready', restarts: 1 });
});
