// Builds the platform's finance sentiment model in FinBERT's folder layout:
//   config.json, tokenizer.json, tokenizer_config.json, special_tokens_map.json, vocab.txt, onnx/model.onnx,
//   README.md
// Run: npx tsx models/src/sentiment/build.ts [outDir]   (default: models/finance-sentiment)
// Trained on the real training split (data/financial-news-sentiment/train.csv); the real evaluation split
// (valid.csv) and the hand-written headlines are only measured.
// Deterministic: no timestamps, no Math.random, sorted vocabulary, little-endian tensors.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { baselineMetrics, BaselineMetrics } from './baselines';
import { LabelledText, readHeldoutSet, readRealEvaluationSet, readRealTrainingSet } from './dataset';
import { ID2LABEL, LABEL2ID, SentimentLabel } from './labels';
import { classificationMetrics, ClassificationMetrics } from './metrics';
import { modelCard } from './model-card';
import { NEGATORS, SKIP_BIGRAM_OFFSET } from './features';
import { buildOnnxGraph, OPSET_VERSION } from './onnx-graph';
import { specialTokensMap, tokenizerConfig, tokenizerJson, vocabTxt } from './tokenizer-files';
import { DEFAULT_TRAINING_CONFIG, lexiconExamples, predict, SentimentTrainingConfig, TrainedSentimentModel, trainSentimentModel } from './train';


export const MODEL_NAME = 'finance-sentiment';
export const MODEL_VERSION = '2.1.0';

/** Where the training and evaluation text comes from (recorded in config.json and the model card). */
export const TRAINING_DATA_SOURCE = {
  name: 'financial-news-sentiment',
  description: 'finance news headlines and posts from social media, labelled bearish / bullish / neutral by hand',
  origin: 'the public "twitter-financial-news-sentiment" dataset published by zeroshot',
  license: 'MIT',
  path: 'models/src/sentiment/data/financial-news-sentiment/',
  label_mapping: { '0 (bearish)': 'negative', '1 (bullish)': 'positive', '2 (neutral)': 'neutral' },
} as const;
export const DEFAULT_OUT_DIR = resolve(__dirname, '..', '..', MODEL_NAME);

export interface BuildOptions {
  /** Where to write the model folder; omit to only compute the files. */
  outDir?: string;
  /** Default: the real training split (train.csv). */
  training?: readonly LabelledText[];
  /** Examples trained on besides `training` (default: the finance lexicon's phrases). */
  lexicon?: readonly LabelledText[];
  /** Default: the real evaluation split (valid.csv); only measured, never trained or tuned on. */
  heldout?: readonly LabelledText[];
  /** Default: the hand-written held-out headlines (heldout.ndjson); only measured. */
  handwritten?: readonly LabelledText[];
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
  /** The real evaluation split (valid.csv). */
  heldout: ClassificationMetrics;
  /** Clear-cut hand-written headlines, in another style than the training text. */
  handwritten: ClassificationMetrics;
}

export interface SentimentBuildResult {
  files: BuiltFile[];
  metrics: BuildMetrics;
  /** Majority-class and VADER baselines on the same held-out texts. */
  baselines: BaselineMetrics;
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
  data: { training: readonly LabelledText[]; lexicon: readonly LabelledText[]; heldout: readonly LabelledText[]; handwritten: readonly LabelledText[] },
  metrics: BuildMetrics,
  baselines: BaselineMetrics,
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
      description: 'AITrader finance headline sentiment: class-weighted, calibrated softmax regression over hashed WordPiece unigrams, bigrams and skip-bigrams with finance-lexicon and VADER features',
      architecture: {
        type: 'linear-hashed-ngrams',
        pooling: 'sum',
        onnx_opset: OPSET_VERSION,
        unigram_rows: model.vocab.size,
        bigram_buckets: model.space.buckets,
        bigram_hash: '(left_id * vocab_size + right_id) mod bigram_buckets',
        skip_bigram_hash: model.space.skipBigrams ? `(left_id * vocab_size + right_id + ${SKIP_BIGRAM_OFFSET}) mod bigram_buckets, right two pieces after left` : null,
        unigram_tokens: 'informative word pieces (informative initializer): not a single letter or digit piece',
        bigram_tokens: 'informative word pieces seen in training (pairable initializer)',
        lexicon_features: 'finance lexicon class and VADER polarity, shared rows folded into the unigram rows',
        negation: model.space.negationScope > 0 ? { scope: model.space.negationScope, negators: NEGATORS, effect: 'unigram rows of pieces within scope after a negator count with sign -1 (negators initializer)' } : null,
        ignored_positions: ['attention_mask == 0', '[CLS]', '[SEP]'],
      },
      training: {
        ...config,
        temperature: model.temperature,
        class_weights: model.classWeights,
        data: TRAINING_DATA_SOURCE,
        training_examples: data.training.length,
        lexicon_examples: data.lexicon.length,
        heldout_examples: data.heldout.length,
        handwritten_examples: data.handwritten.length,
        training_data_sha256: sha256OfRows(data.training),
        heldout_data_sha256: sha256OfRows(data.heldout),
      },
      metrics,
      baselines_on_heldout: baselines,
    },
  };
}

/** Trains and returns every file of the model folder, in memory. */
export function createSentimentModelFiles(options: Omit<BuildOptions, 'outDir'> = {}): SentimentBuildResult {
  const training = options.training ?? readRealTrainingSet();
  const heldout = options.heldout ?? readRealEvaluationSet();
  const handwritten = options.handwritten ?? readHeldoutSet();
  const lexicon = options.lexicon ?? lexiconExamples();
  const config = options.config ?? DEFAULT_TRAINING_CONFIG;
  const version = options.version ?? MODEL_VERSION;

  const model = trainSentimentModel(training, lexicon, config);
  const metrics: BuildMetrics = { training: evaluate(model, training), heldout: evaluate(model, heldout), handwritten: evaluate(model, handwritten) };
  const baselines = baselineMetrics(training, heldout);
  const { space } = model;
  const onnxBytes = buildOnnxGraph(
    { ...model.weights, vocabSize: space.vocabSize, buckets: space.buckets, clsId: space.clsId, sepId: space.sepId, informative: space.informative, pairable: space.pairable, skipBigrams: space.skipBigrams, negators: space.negators, negationScope: space.negationScope },
    { producerVersion: version, docString: `AITrader ${MODEL_NAME} ${version}: linear model over hashed WordPiece n-grams` },
  );
  const files: BuiltFile[] = [
    jsonFile('config.json', configJson(model, version, config, { training, lexicon, heldout, handwritten }, metrics, baselines)),
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
    temperature: model.temperature,
    classWeights: model.classWeights,
    trainingExamples: training.length,
    lexiconExamples: lexicon.length,
    training: metrics.training,
    heldout: metrics.heldout,
    handwritten: metrics.handwritten,
    baselines,
    fileSizes: files.map((f) => ({ path: f.path, bytes: f.bytes.length })),
  });
  files.push({ path: 'README.md', bytes: Buffer.from(card, 'utf8') });
  return { files, metrics, baselines, model };
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
  console.log(`training accuracy ${metrics.training.accuracy}; held-out (valid.csv) accuracy ${metrics.heldout.accuracy}, macro-F1 ${metrics.heldout.macroF1}; hand-written accuracy ${metrics.handwritten.accuracy}`);
  (['positive', 'negative', 'neutral'] as const).forEach((l) => console.log(`  ${describeClass(l, metrics.heldout)}`));
}
