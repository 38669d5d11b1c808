// The builder: deterministic output, the committed models/finance-sentiment is exactly what it builds,
// and a model in FinBERT's exact layout (a folder named finbert/ with FinBERT's own config.json) loads
// through the same loadSentimentClassifier path the platform uses.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSentimentModel, DEFAULT_OUT_DIR, MODEL_VERSION } from './build';
import { loadSentimentClassifier, pickSentimentModelName } from './classifier';

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
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'sentiment-build-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const read = (dir: string, path: string) => readFileSync(join(dir, ...path.split('/')));

describe('buildSentimentModel', () => {
  it('is deterministic: two builds write byte-identical files', () => {
    const first = buildSentimentModel({ outDir: join(scratch, 'a') });
    const second = buildSentimentModel({ outDir: join(scratch, 'b') });
    expect(first.files.map((f) => f.path).sort()).toEqual([...FINBERT_FILES, 'README.md'].sort());
    for (const { path } of first.files) expect(read(join(scratch, 'a'), path).equals(read(join(scratch, 'b'), path))).toBe(true);
    expect(second.metrics).toEqual(first.metrics);
  });

  it('matches the committed models/finance-sentiment (rebuild it after changing data or code)', () => {
    const { files } = buildSentimentModel();
    for (const file of files) expect([file.path, Buffer.from(file.bytes).equals(read(DEFAULT_OUT_DIR, file.path))]).toEqual([file.path, true]);
  });

  it('stays small and records what it is in config.json', () => {
    const { files, metrics } = buildSentimentModel();
    expect(files.reduce((n, f) => n + f.bytes.length, 0)).toBeLessThan(2 * 1024 * 1024);
    const config = JSON.parse(read(DEFAULT_OUT_DIR, 'config.json').toString('utf8'));
    expect(config).toMatchObject({
      model_type: 'bert',
      architectures: ['BertForSequenceClassification'],
      id2label: { '0': 'positive', '1': 'negative', '2': 'neutral' },
      label2id: { positive: 0, negative: 1, neutral: 2 },
      aitrader: { name: 'finance-sentiment', version: MODEL_VERSION, platform_model: true, metrics },
    });
  });
});

describe('a model in FinBERT layout under models/finbert', () => {
  const modelsDir = () => join(scratch, 'models');

  beforeAll(() => {
    const finbertDir = join(modelsDir(), 'finbert');
    buildSentimentModel({ outDir: finbertDir });
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
    buildSentimentModel({ outDir: dir });
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...FINBERT_CONFIG, id2label: { '0': 'NEGATIVE', '1': 'POSITIVE' } }));
    await expect(loadSentimentClassifier({ modelsDir: modelsDir(), modelName: 'sst2' })).rejects.toThrow(/not FinBERT/);
  });
});
