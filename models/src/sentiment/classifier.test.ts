// The shipped model (models/finance-sentiment), run for real through transformers.js and onnxruntime:
// labels on clear held-out headlines, macro-F1 on the held-out real split (what the build recorded, and
// above both baselines), batching and padding invariance.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSentimentClassifier, SentimentClassifier } from './classifier';
import { baselineMetrics } from './baselines';
import { readHeldoutSet, readRealEvaluationSet, readRealTrainingSet, readTrainingSet } from './dataset';
import { SENTIMENT_LABELS } from './labels';
import { classificationMetrics } from './metrics';

const MODELS_DIR = join(__dirname, '..', '..');
/** The bars the shipped model must clear on real text it never saw; it scores macro-F1 ≈ 0.80 (see its README). */
const MIN_REAL_MACRO_F1 = 0.78;
const MIN_REAL_RECALL_PER_CLASS = 0.65;
/** …and on the clear-cut hand-written headlines (≈ 0.97). */
const MIN_HANDWRITTEN_ACCURACY = 0.9;
const MIN_HANDWRITTEN_RECALL_PER_CLASS = 0.85;

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

  it(`scores macro-F1 ≥ ${MIN_REAL_MACRO_F1} on the held-out real split, above both baselines, as the build measured`, async () => {
    const heldout = readRealEvaluationSet();
    const training = new Set(readRealTrainingSet().map((r) => r.text));
    expect(heldout.filter((r) => training.has(r.text))).toEqual([]);
    const scores = await classifier.classify(heldout.map((r) => r.text));
    const metrics = classificationMetrics(
      heldout.map((r) => r.label),
      scores.map((s) => s.label),
    );
    expect(metrics.macroF1).toBeGreaterThanOrEqual(MIN_REAL_MACRO_F1);
    for (const label of SENTIMENT_LABELS) expect(metrics.perClass[label].recall).toBeGreaterThanOrEqual(MIN_REAL_RECALL_PER_CLASS);
    const baselines = baselineMetrics(readRealTrainingSet(), heldout);
    expect(metrics.macroF1).toBeGreaterThan(baselines.vader.macroF1);
    expect(metrics.accuracy).toBeGreaterThan(baselines.majority.accuracy);
    // onnxruntime's float32 sums and the builder's JavaScript scorer agree on every label.
    const config = JSON.parse(readFileSync(join(MODELS_DIR, 'finance-sentiment', 'config.json'), 'utf8'));
    expect(metrics).toEqual(config.aitrader.metrics.heldout);
  });

  it(`scores at least ${MIN_HANDWRITTEN_ACCURACY} on the clear-cut hand-written held-out headlines`, async () => {
    const heldout = readHeldoutSet();
    const scores = await classifier.classify(heldout.map((r) => r.text));
    const metrics = classificationMetrics(
      heldout.map((r) => r.label),
      scores.map((s) => s.label),
    );
    expect(metrics.accuracy).toBeGreaterThanOrEqual(MIN_HANDWRITTEN_ACCURACY);
    for (const label of SENTIMENT_LABELS) expect(metrics.perClass[label].recall).toBeGreaterThanOrEqual(MIN_HANDWRITTEN_RECALL_PER_CLASS);
    const config = JSON.parse(readFileSync(join(MODELS_DIR, 'finance-sentiment', 'config.json'), 'utf8'));
    expect(metrics).toEqual(config.aitrader.metrics.handwritten);
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
