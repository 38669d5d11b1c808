// Builds the platform's finance sentiment model in FinBERT's folder layout:
//   config.json, tokenizer.json, tokenizer_config.json, special_tokens_map.json, vocab.txt, onnx/model.onnx,
//   README.md
// Run: npx tsx models/src/sentiment/build.ts [outDir]   (default: models/finance-sentiment)
// Deterministic: no timestamps, no Math.random, sorted vocabulary, little-endian tensors.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LabelledText, readHeldoutSet, readTrainingSet } from './dataset';
import { ID2LABEL, LABEL2ID, SentimentLabel } from './labels';
import { classificationMetrics, ClassificationMetrics } from './metrics';
import { modelCard } from './model-card';
import { buildOnnxGraph, OPSET_VERSION } from './onnx-graph';
import { specialTokensMap, tokenizerConfig, tokenizerJson, vocabTxt } from './tokenizer-files';
import { DEFAULT_TRAINING_CONFIG, lexiconExamples, predict, SentimentTrainingConfig, TrainedSentimentModel, trainSentimentModel } from './train';

export const MODEL_NAME = 'finance-sentiment';
export const MODEL_VERSION = '1.0.0';
export const DEFAULT_OUT_DIR = resolve(__dirname, '..', '..', MODEL_NAME);

export interface BuildOptions {
  /** Where to write the model folder; omit to only compute the files. */
  outDir?: string;
  training?: readonly LabelledText[];
  heldout?: readonly LabelledText[];
  lexicon?: readonly LabelledText[];
  config?: SentimentTrainingConfig;
  version?: string;
}

export interface BuiltFile {
  /** Relative to the model folder, with forward slashes. */
  path: string;
  bytes: Uint8Array;
}

export interface BuildMetrics {
  training: ClassificationMetrics;
  heldout: ClassificationMetrics;
}

export interface SentimentBuildResult {
  files: BuiltFile[];
  metrics: BuildMetrics;
  model: TrainedSentimentModel;
}

function evaluate(model: TrainedSentimentModel, rows: readonly LabelledText[]): ClassificationMetrics {
  return classificationMetrics(
    rows.map((r) => r.label),
    rows.map((r) => predict(model, r.text).label),
  );
}

/** Provenance: which exact data the weights came from. */
function sha256OfRows(rows: readonly LabelledText[]): string {
  return createHash('sha256').update(rows.map((r) => JSON.stringify({ text: r.text, label: r.label })).join('\n')).digest('hex');
}

const jsonFile = (path: string, value: unknown): BuiltFile => ({ path, bytes: Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8') });

function configJson(
  model: TrainedSentimentModel,
  version: string,
  config: SentimentTrainingConfig,
  data: { training: readonly LabelledText[]; lexicon: readonly LabelledText[]; heldout: readonly LabelledText[] },
  metrics: BuildMetrics,
): object {
  return {
    _name_or_path: `aitrader/${MODEL_NAME}`,
    architectures: ['BertForSequenceClassification'],
    model_type: 'bert',
    problem_type: 'single_label_classification',
    id2label: ID2LABEL,
    label2id: LABEL2ID,
    vocab_size: model.vocab.size,
    pad_token_id: 0,
    // Pins the fp32 file (onnx/model.onnx) even where transformers.js would default to a quantized one.
    'transformers.js_config': { dtype: 'fp32' },
    aitrader: {
      name: MODEL_NAME,
      version,
      platform_model: true,
      description: 'AITrader finance headline sentiment: softmax regression over hashed WordPiece unigrams and bigrams',
      architecture: {
        type: 'linear-hashed-ngrams',
        pooling: 'sum',
        onnx_opset: OPSET_VERSION,
        unigram_rows: model.vocab.size,
        bigram_buckets: model.space.buckets,
        bigram_hash: '(left_id * vocab_size + right_id) mod bigram_buckets',
        bigram_tokens: 'word pieces seen in training (seen_in_training initializer)',
        ignored_positions: ['attention_mask == 0', '[CLS]', '[SEP]'],
      },
      training: {
        ...config,
        training_examples: data.training.length,
        lexicon_examples: data.lexicon.length,
        heldout_examples: data.heldout.length,
        training_data_sha256: sha256OfRows(data.training),
        heldout_data_sha256: sha256OfRows(data.heldout),
      },
      metrics,
    },
  };
}

/** Trains and returns every file of the model folder, in memory. */
export function createSentimentModelFiles(options: Omit<BuildOptions, 'outDir'> = {}): SentimentBuildResult {
  const training = options.training ?? readTrainingSet();
  const heldout = options.heldout ?? readHeldoutSet();
  const lexicon = options.lexicon ?? lexiconExamples();
  const config = options.config ?? DEFAULT_TRAINING_CONFIG;
  const version = options.version ?? MODEL_VERSION;

  const model = trainSentimentModel(training, lexicon, config);
  const metrics: BuildMetrics = { training: evaluate(model, training), heldout: evaluate(model, heldout) };
  const onnxBytes = buildOnnxGraph(
    { ...model.weights, vocabSize: model.vocab.size, buckets: model.space.buckets, clsId: model.space.clsId, sepId: model.space.sepId, seenInTraining: model.space.seenInTraining },
    { producerVersion: version, docString: `AITrader ${MODEL_NAME} ${version}: linear model over hashed WordPiece n-grams` },
  );
  const files: BuiltFile[] = [
    jsonFile('config.json', configJson(model, version, config, { training, lexicon, heldout }, metrics)),
    jsonFile('tokenizer.json', tokenizerJson(model.vocab)),
    jsonFile('tokenizer_config.json', tokenizerConfig()),
    jsonFile('special_tokens_map.json', specialTokensMap()),
    { path: 'vocab.txt', bytes: Buffer.from(vocabTxt(model.vocab), 'utf8') },
    { path: 'onnx/model.onnx', bytes: onnxBytes },
  ];
  const card = modelCard({
    name: MODEL_NAME,
    version,
    vocabSize: model.vocab.size,
    config,
    trainingExamples: training.length,
    lexiconExamples: lexicon.length,
    training: metrics.training,
    heldout: metrics.heldout,
    fileSizes: files.map((f) => ({ path: f.path, bytes: f.bytes.length })),
  });
  files.push({ path: 'README.md', bytes: Buffer.from(card, 'utf8') });
  return { files, metrics, model };
}

export function writeModelFiles(outDir: string, files: readonly BuiltFile[]): void {
  for (const file of files) {
    const target = join(outDir, ...file.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
  }
}

/** Trains the model and writes its folder (when outDir is given). */
export function buildSentimentModel(options: BuildOptions = {}): SentimentBuildResult {
  const result = createSentimentModelFiles(options);
  if (options.outDir) writeModelFiles(options.outDir, result.files);
  return result;
}

function describeClass(label: SentimentLabel, m: ClassificationMetrics): string {
  const c = m.perClass[label];
  return `${label}: precision ${c.precision} recall ${c.recall} f1 ${c.f1} (n=${c.support})`;
}

if (require.main === module) {
  const outDir = resolve(process.argv[2] ?? DEFAULT_OUT_DIR);
  const started = Date.now();
  const { files, metrics } = buildSentimentModel({ outDir });
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  console.log(`built ${MODEL_NAME}@${MODEL_VERSION} in ${Date.now() - started} ms → ${outDir}`);
  files.forEach((f) => console.log(`  ${f.path.padEnd(24)} ${f.bytes.length} bytes`));
  console.log(`  total ${total} bytes`);
  console.log(`training accuracy ${metrics.training.accuracy}, held-out accuracy ${metrics.heldout.accuracy}`);
  (['positive', 'negative', 'neutral'] as const).forEach((l) => console.log(`  ${describeClass(l, metrics.heldout)}`));
}
