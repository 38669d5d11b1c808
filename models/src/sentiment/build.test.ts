// The builder: deterministic output, the committed models/finance-sentiment is exactly what it builds,
// and a model in FinBERT's exact layout (a folder named finbert/ with FinBERT's own config.json) loads
// through the same loadSentimentClassifier path the platform uses. The full build trains 6 times (5 folds
// for the calibration, then the model: ~20 s on 2 cores), so it runs once here; the determinism and layout
// tests build from a subset of the real training split.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSentimentModel, BuildOptions, DEFAULT_OUT_DIR, MODEL_VERSION, SentimentBuildResult } from './build';
import { loadSentimentClassifier, pickSentimentModelName } from './classifier';
import { readHeldoutSet, readRealEvaluationSet, readRealTrainingSet } from './dataset';
import { DEFAULT_TRAINING_CONFIG } from './train';

/** Every 4th training row, 15 epochs, 3 calibration folds: the same pipeline in a few seconds. */
const SMALL: Omit<BuildOptions, 'outDir'> = {
  training: readRealTrainingSet().filter((_, i) => i % 4 === 0),
  heldout: readRealEvaluationSet().slice(0, 300),
  handwritten: readHeldoutSet(),
  config: { ...DEFAULT_TRAINING_CONFIG, epochs: 15, calibrationFolds: 3 },
};

const FINBERT_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'vocab.txt', 'onnx/model.onnx'];

// ProsusAI/finbert's config.json as published: no "aitrader" block, so the loader must fall back to
// the folder name for the model id.
const FINBERT_CONFIG = {
  _name_or_path: 'ProsusAI/finbert',
  architectures: ['BertForSequenceClassification'],
  attention_probs_dropout_prob: 0.1,
  gradient_checkpointing: false,
  hidden_act: 'gelu',
  hidden_dropout_prob: 0.1,
  hidden_size: 768,
  id2label: { '0': 'positive', '1': 'negative', '2': 'neutral' },
  initializer_range: 0.02,
  intermediate_size: 3072,
  label2id: { negative: 1, neutral: 2, positive: 0 },
  layer_norm_eps: 1e-12,
  max_position_embeddings: 512,
  model_type: 'bert',
  num_attention_heads: 12,
  num_hidden_layers: 12,
  pad_token_id: 0,
  position_embedding_type: 'absolute',
  type_vocab_size: 2,
  vocab_size: 30522,
};

let scratch: string;
let full: SentimentBuildResult;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'sentiment-build-'));
  full = buildSentimentModel();
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const read = (dir: string, path: string) => readFileSync(join(dir, ...path.split('/')));

describe('buildSentimentModel', () => {
  it('is deterministic: two builds write byte-identical files', () => {
    const first = buildSentimentModel({ ...SMALL, outDir: join(scratch, 'a') });
    const second = buildSentimentModel({ ...SMALL, outDir: join(scratch, 'b') });
    expect(first.files.map((f) => f.path).sort()).toEqual([...FINBERT_FILES, 'README.md'].sort());
    for (const { path } of first.files) expect(read(join(scratch, 'a'), path).equals(read(join(scratch, 'b'), path))).toBe(true);
    expect(second.metrics).toEqual(first.metrics);
  });

  it('matches the committed models/finance-sentiment (rebuild it after changing data or code)', () => {
    const { files } = full;
    for (const file of files) expect([file.path, Buffer.from(file.bytes).equals(read(DEFAULT_OUT_DIR, file.path))]).toEqual([file.path, true]);
  });

  it('stays small and records what it is, its data and its held-out metrics and baselines in config.json', () => {
    const { files, metrics, baselines } = full;
    expect(files.reduce((n, f) => n + f.bytes.length, 0)).toBeLessThan(2 * 1024 * 1024);
    const config = JSON.parse(read(DEFAULT_OUT_DIR, 'config.json').toString('utf8'));
    expect(config).toMatchObject({
      model_type: 'bert',
      architectures: ['BertForSequenceClassification'],
      id2label: { '0': 'positive', '1': 'negative', '2': 'neutral' },
      label2id: { positive: 0, negative: 1, neutral: 2 },
      aitrader: { name: 'finance-sentiment', version: MODEL_VERSION, platform_model: true, metrics, baselines_on_heldout: baselines },
    });
    expect(config.aitrader.training.data).toMatchObject({ license: 'MIT', path: 'models/src/sentiment/data/financial-news-sentiment/' });
    expect(metrics.heldout.examples).toBe(readRealEvaluationSet().length);
    // The shipped model beats both baselines on the held-out real split by a wide margin.
    expect(metrics.heldout.macroF1).toBeGreaterThan(baselines.vader.macroF1 + 0.25);
    expect(metrics.heldout.accuracy).toBeGreaterThan(baselines.majority.accuracy + 0.15);
    // Calibrated: the temperature was fitted (not left at 1) and is recorded.
    expect(config.aitrader.training.temperature).toBeGreaterThan(1);
  });
});

describe('a model in FinBERT layout under models/finbert', () => {
  const modelsDir = () => join(scratch, 'models');

  beforeAll(() => {
    const finbertDir = join(modelsDir(), 'finbert');
    buildSentimentModel({ ...SMALL, outDir: finbertDir });
    rmSync(join(finbertDir, 'README.md'));
    writeFileSync(join(finbertDir, 'config.json'), JSON.stringify(FINBERT_CONFIG, null, 2));
  });

  it('is preferred over the platform model when present', () => {
    expect(pickSentimentModelName(modelsDir())).toBe('finbert');
    expect(pickSentimentModelName(join(scratch, 'no-models-here'))).toBe('finance-sentiment');
  });

  it('loads through loadSentimentClassifier and reports the folder name as model id', async () => {
    const classifier = await loadSentimentClassifier({ modelsDir: modelsDir(), modelName: 'finbert' });
    try {
      expect(classifier.modelId).toBe('finbert');
      const [up, down, flat] = await classifier.classify([
        'Nvidia beats estimates and raises its revenue outlook',
        'Airline shares plunge after profit warning',
        'Retailer to report quarterly results on Wednesday',
      ]);
      expect([up?.label, down?.label, flat?.label]).toEqual(['positive', 'negative', 'neutral']);
    } finally {
      await classifier.dispose();
    }
  });

  it('is refused when its labels are not FinBERT’s', async () => {
    const dir = join(modelsDir(), 'sst2');
    buildSentimentModel({ ...SMALL, outDir: dir });
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...FINBERT_CONFIG, id2label: { '0': 'NEGATIVE', '1': 'POSITIVE' } }));
    await expect(loadSentimentClassifier({ modelsDir: modelsDir(), modelName: 'sst2' })).rejects.toThrow(/not FinBERT/);
  });
});
