// The shipped model (models/finance-sentiment), run for real through transformers.js and onnxruntime:
// labels on clear held-out headlines, held-out accuracy, batching and padding invariance.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSentimentClassifier, SentimentClassifier } from './classifier';
import { readHeldoutSet, readTrainingSet } from './dataset';
import { SENTIMENT_LABELS } from './labels';
import { classificationMetrics } from './metrics';

const MODELS_DIR = join(__dirname, '..', '..');
/** The bar the shipped model must clear on data it never saw; it scores about 0.97 (see its README). */
const MIN_HELDOUT_ACCURACY = 0.9;
const MIN_HELDOUT_RECALL_PER_CLASS = 0.85;

const EXAMPLES = [
  { text: 'Apple beats earnings estimates and raises full-year guidance', label: 'positive' },
  { text: 'Tesla shares plunge after company misses delivery targets', label: 'negative' },
  { text: 'Microsoft to report quarterly results on Tuesday', label: 'neutral' },
] as const;

let classifier: SentimentClassifier;
beforeAll(async () => {
  classifier = await loadSentimentClassifier({ modelsDir: MODELS_DIR, modelName: 'finance-sentiment' });
});
afterAll(() => classifier.dispose());

describe('shipped finance-sentiment model', () => {
  it('reports its name and version as model id', () => {
    const config = JSON.parse(readFileSync(join(MODELS_DIR, 'finance-sentiment', 'config.json'), 'utf8'));
    expect(classifier.modelId).toBe(`finance-sentiment@${config.aitrader.version}`);
  });

  it('labels clear positive, negative and neutral headlines from the held-out set', async () => {
    const heldout = new Set(readHeldoutSet().map((r) => r.text));
    const training = new Set(readTrainingSet().map((r) => r.text));
    for (const { text } of EXAMPLES) expect([text, heldout.has(text), training.has(text)]).toEqual([text, true, false]);

    const scores = await classifier.classify(EXAMPLES.map((e) => e.text));
    expect(scores.map((s) => s.label)).toEqual(EXAMPLES.map((e) => e.label));
    for (const s of scores) {
      expect(s.score).toBe(s.probabilities[s.label]);
      expect(s.score).toBeGreaterThan(0.5);
      expect(SENTIMENT_LABELS.reduce((sum, l) => sum + s.probabilities[l], 0)).toBeCloseTo(1, 5);
    }
  });

  it(`scores at least ${MIN_HELDOUT_ACCURACY} on the held-out set, as the build measured`, async () => {
    const heldout = readHeldoutSet();
    const scores = await classifier.classify(heldout.map((r) => r.text));
    const metrics = classificationMetrics(
      heldout.map((r) => r.label),
      scores.map((s) => s.label),
    );
    expect(metrics.accuracy).toBeGreaterThanOrEqual(MIN_HELDOUT_ACCURACY);
    for (const label of SENTIMENT_LABELS) expect(metrics.perClass[label].recall).toBeGreaterThanOrEqual(MIN_HELDOUT_RECALL_PER_CLASS);
    // onnxruntime's float32 sums and the builder's JavaScript scorer agree on every label.
    const config = JSON.parse(readFileSync(join(MODELS_DIR, 'finance-sentiment', 'config.json'), 'utf8'));
    expect(metrics).toEqual(config.aitrader.metrics.heldout);
  });

  it('reads negations: "fails to beat", "not expected to"', async () => {
    const scores = await classifier.classify([
      'Chipmaker fails to beat revenue estimates',
      'Retailer not expected to return to profit until next year',
    ]);
    expect(scores.map((s) => s.label)).toEqual(['negative', 'negative']);
  });

  it("gives a text the same probabilities whether it is padded in a batch of longer texts or not", async () => {
    const short = 'Bank shares climb';
    const longer = [
      'Regulator fines bank for money laundering failures after a two-year investigation into its branches',
      'Company announces date of third-quarter earnings call and will publish an investor presentation',
    ];
    const [alone] = await classifier.classify([short]);
    const [padded] = await classifier.classify([short, ...longer]);
    for (const label of SENTIMENT_LABELS) expect(Math.abs((padded?.probabilities[label] ?? NaN) - (alone?.probabilities[label] ?? NaN))).toBeLessThan(1e-6);
  });

  it('gives the same results whatever the batch size, and nothing for no texts', async () => {
    const texts = readHeldoutSet()
      .slice(0, 20)
      .map((r) => r.text);
    const small = await loadSentimentClassifier({ modelsDir: MODELS_DIR, modelName: 'finance-sentiment', batchSize: 3 });
    try {
      const inSmallBatches = await small.classify(texts);
      const inOneBatch = await classifier.classify(texts);
      expect(inSmallBatches.map((s) => s.label)).toEqual(inOneBatch.map((s) => s.label));
      inSmallBatches.forEach((s, i) => expect(s.score).toBeCloseTo(inOneBatch[i]?.score ?? NaN, 6));
    } finally {
      await small.dispose();
    }
    await expect(classifier.classify([])).resolves.toEqual([]);
  });
});
