// Loads a FinBERT-layout sentiment model (our models/finance-sentiment, or a real FinBERT export in
// models/finbert) through transformers.js's text-classification pipeline, offline, and classifies
// texts in batches into FinBERT's labels with the full probability distribution.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isSentimentLabel, SENTIMENT_LABELS, SentimentLabel } from './labels';
import { env, pipeline } from './transformers';

export const PLATFORM_MODEL_NAME = 'finance-sentiment';
export const FINBERT_MODEL_NAME = 'finbert';
export const DEFAULT_BATCH_SIZE = 32;

export interface SentimentScore {
  label: SentimentLabel;
  /** Probability of `label`, the most likely class. */
  score: number;
  probabilities: Record<SentimentLabel, number>;
}

export interface SentimentClassifier {
  /** "finance-sentiment@1.0.0" for the platform's model; the folder name (e.g. "finbert") for a foreign one. */
  modelId: string;
  classify(texts: readonly string[]): Promise<SentimentScore[]>;
  /** Releases the onnxruntime session. */
  dispose(): Promise<void>;
}

export interface LoadSentimentClassifierOptions {
  /** Folder that holds model folders, e.g. <repo>/models. */
  modelsDir: string;
  /** Model folder inside modelsDir, e.g. "finance-sentiment" or "finbert". */
  modelName: string;
  batchSize?: number;
}

interface ModelConfig {
  id2label?: Record<string, string>;
  aitrader?: { name?: string; version?: string };
}

function readModelConfig(modelDir: string): ModelConfig {
  const path = join(modelDir, 'config.json');
  if (!existsSync(path)) throw new Error(`no sentiment model at ${modelDir} (missing config.json)`);
  return JSON.parse(readFileSync(path, 'utf8')) as ModelConfig;
}

/** The model must speak FinBERT's label space, or its scores would be mislabelled downstream. */
function assertFinbertLabels(config: ModelConfig, modelDir: string): void {
  const labels = Object.values(config.id2label ?? {}).sort();
  const expected = [...SENTIMENT_LABELS].sort();
  if (labels.length !== expected.length || labels.some((l, i) => l !== expected[i])) {
    throw new Error(`${modelDir}: id2label ${JSON.stringify(config.id2label)} is not FinBERT's (${expected.join(', ')})`);
  }
}

export function modelIdOf(config: ModelConfig, modelName: string): string {
  const own = config.aitrader;
  return own?.name && own.version ? `${own.name}@${own.version}` : modelName;
}

/** models/finbert when a FinBERT export has been put there, else the platform's own model. */
export function pickSentimentModelName(modelsDir: string): string {
  return existsSync(join(modelsDir, FINBERT_MODEL_NAME, 'onnx', 'model.onnx')) ? FINBERT_MODEL_NAME : PLATFORM_MODEL_NAME;
}

// transformers.js reads its file locations from the global `env` while a pipeline loads, so two loads
// from different folders must not overlap; they queue here.
let loadQueue: Promise<unknown> = Promise.resolve();

async function createPipeline(modelsDir: string, modelName: string) {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${modelsDir}/`;
  // fp32 = onnx/model.onnx, which both our build and a FinBERT export provide; cpu = onnxruntime-node.
  return pipeline('text-classification', modelName, { dtype: 'fp32', device: 'cpu' });
}

type ClassifierPipeline = Awaited<ReturnType<typeof createPipeline>>;
type LabelScores = Array<{ label: string; score: number }>;

function toScore(scores: LabelScores): SentimentScore {
  const probabilities = { positive: 0, negative: 0, neutral: 0 };
  for (const { label, score } of scores) {
    if (isSentimentLabel(label)) probabilities[label] = score;
  }
  const label = SENTIMENT_LABELS.reduce((best, l) => (probabilities[l] > probabilities[best] ? l : best));
  return { label, score: probabilities[label], probabilities };
}

export async function loadSentimentClassifier(options: LoadSentimentClassifierOptions): Promise<SentimentClassifier> {
  const modelsDir = resolve(options.modelsDir);
  const modelDir = join(modelsDir, options.modelName);
  const config = readModelConfig(modelDir);
  assertFinbertLabels(config, modelDir);
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);

  const loading = loadQueue.then(() => createPipeline(modelsDir, options.modelName));
  loadQueue = loading.catch(() => undefined);
  const classifier: ClassifierPipeline = await loading;

  return {
    modelId: modelIdOf(config, options.modelName),
    async classify(texts) {
      const results: SentimentScore[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        const batch = texts.slice(start, start + batchSize);
        // top_k: null → every label's probability, for each text of the batch.
        const output = (await classifier(batch, { top_k: null })) as LabelScores[];
        results.push(...output.map(toScore));
      }
      return results;
    },
    dispose: () => classifier.dispose(),
  };
}
