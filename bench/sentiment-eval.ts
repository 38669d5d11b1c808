// `npm run eval:sentiment`: how the shipped sentiment model does on real finance text it never saw. Runs
// models/finance-sentiment through the service's own loader (transformers.js + onnxruntime-node) on the
// held-out real split (models/src/sentiment/data/financial-news-sentiment/valid.csv), and in the same run
// the majority-class baseline and the VADER lexicon baseline; prints accuracy, macro-F1, per-class F1 and
// confusion matrices, the calibration of the model's probabilities (ECE, NLL, Brier), and writes
// bench/results/sentiment-eval.json. No database or Redis needed; about a second of CPU.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineMetrics } from '../models/src/sentiment/baselines';
import { loadSentimentClassifier, type SentimentScore } from '../models/src/sentiment/classifier';
import { readRealEvaluationSet, readRealTrainingSet, REAL_EVALUATION_SET_PATH } from '../models/src/sentiment/dataset';
import { SENTIMENT_LABELS, type SentimentLabel } from '../models/src/sentiment/labels';
import { classificationMetrics, round4, type ClassificationMetrics } from '../models/src/sentiment/metrics';

const ROOT = join(__dirname, '..');
const MODELS_DIR = join(ROOT, 'models');
const MODEL_NAME = 'finance-sentiment';
const OUT = join(ROOT, 'bench', 'results', 'sentiment-eval.json');
const CALIBRATION_BINS = 10;

/** Expected calibration error of the top-class probability (equal-width bins), plus NLL and multi-class Brier score. */
export function calibration(scores: readonly SentimentScore[], actual: readonly SentimentLabel[]) {
  const bins = Array.from({ length: CALIBRATION_BINS }, () => ({ n: 0, confidence: 0, correct: 0 }));
  let nll = 0;
  let brier = 0;
  scores.forEach((s, i) => {
    const truth = actual[i]!;
    const bin = bins[Math.min(CALIBRATION_BINS - 1, Math.floor(s.score * CALIBRATION_BINS))]!;
    bin.n += 1;
    bin.confidence += s.score;
    bin.correct += s.label === truth ? 1 : 0;
    nll -= Math.log(Math.max(s.probabilities[truth], 1e-12));
    brier += SENTIMENT_LABELS.reduce((sum, l) => sum + (s.probabilities[l] - (l === truth ? 1 : 0)) ** 2, 0);
  });
  const n = scores.length;
  const ece = bins.reduce((sum, b) => sum + (b.n ? (b.n / n) * Math.abs(b.confidence / b.n - b.correct / b.n) : 0), 0);
  return {
    ece: round4(ece),
    nll: round4(nll / n),
    brier: round4(brier / n),
    mean_confidence: round4(scores.reduce((sum, s) => sum + s.score, 0) / n),
    reliability: bins
      .map((b, i) => ({ bin: `${(i / CALIBRATION_BINS).toFixed(1)}-${((i + 1) / CALIBRATION_BINS).toFixed(1)}`, n: b.n, mean_confidence: b.n ? round4(b.confidence / b.n) : null, accuracy: b.n ? round4(b.correct / b.n) : null }))
      .filter((b) => b.n > 0),
  };
}

function confusionLines(name: string, m: ClassificationMetrics): string[] {
  const w = 10;
  return [
    `${name}: accuracy ${(m.accuracy * 100).toFixed(1)}%, macro-F1 ${m.macroF1.toFixed(3)} (F1 ${SENTIMENT_LABELS.map((l) => `${l} ${m.perClass[l].f1.toFixed(3)}`).join(', ')})`,
    `  ${'actual \\ predicted'.padEnd(20)}${SENTIMENT_LABELS.map((l) => l.padStart(w)).join('')}`,
    ...SENTIMENT_LABELS.map((a) => `  ${a.padEnd(20)}${SENTIMENT_LABELS.map((p) => String(m.confusion[a][p]).padStart(w)).join('')}`),
  ];
}

async function main(): Promise<void> {
  const evaluation = readRealEvaluationSet();
  const training = readRealTrainingSet();
  const actual = evaluation.map((r) => r.label);
  const config = JSON.parse(readFileSync(join(MODELS_DIR, MODEL_NAME, 'config.json'), 'utf8'));

  const classifier = await loadSentimentClassifier({ modelsDir: MODELS_DIR, modelName: MODEL_NAME });
  let scores: SentimentScore[];
  let seconds: number;
  try {
    await classifier.classify(evaluation.slice(0, 64).map((r) => r.text)); // warm-up
    const started = performance.now();
    scores = await classifier.classify(evaluation.map((r) => r.text));
    seconds = (performance.now() - started) / 1000;
  } finally {
    await classifier.dispose();
  }
  const model = classificationMetrics(actual, scores.map((s) => s.label));
  const baselines = baselineMetrics(training, evaluation);
  const result = {
    generated_by: 'npm run eval:sentiment (bench/sentiment-eval.ts)',
    dataset: {
      path: 'models/src/sentiment/data/financial-news-sentiment/valid.csv',
      examples: evaluation.length,
      class_counts: Object.fromEntries(SENTIMENT_LABELS.map((l) => [l, actual.filter((a) => a === l).length])),
      note: 'held-out real split: never trained or tuned on (settings come from cross-validation on train.csv)',
      source: config.aitrader?.training?.data ?? null,
    },
    model: {
      id: classifier.modelId,
      runtime: 'transformers.js text-classification pipeline + onnxruntime-node (the service loader)',
      ...model,
      calibration: calibration(scores, actual),
      temperature: config.aitrader?.training?.temperature ?? null,
      agrees_with_build_metrics: JSON.stringify(model) === JSON.stringify(config.aitrader?.metrics?.heldout),
      headlines_per_s_in_this_run: Math.round(evaluation.length / seconds),
    },
    baselines: {
      majority_class: { ...baselines.majority, description: `always "${baselines.majority.label}" (the training split's most frequent label)` },
      vader: { ...baselines.vader, description: 'VADER lexicon (vader-sentiment), compound ≥ 0.05 positive, ≤ −0.05 negative, else neutral' },
    },
    target: { macro_f1: 0.8, met: model.macroF1 >= 0.8 },
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);

  const lines = [
    `sentiment evaluation on ${REAL_EVALUATION_SET_PATH.replace(`${ROOT}/`, '')}: ${evaluation.length} texts (${SENTIMENT_LABELS.map((l) => `${l} ${result.dataset.class_counts[l]}`).join(', ')})`,
    '',
    ...confusionLines(`model ${classifier.modelId}`, model),
    `  calibration: ECE ${result.model.calibration.ece}, NLL ${result.model.calibration.nll}, Brier ${result.model.calibration.brier} (temperature ${result.model.temperature})`,
    `  same metrics as the build recorded in config.json: ${result.model.agrees_with_build_metrics ? 'yes' : 'NO'}`,
    '',
    ...confusionLines(`baseline: majority class ("${baselines.majority.label}")`, baselines.majority),
    '',
    ...confusionLines('baseline: VADER lexicon', baselines.vader),
    '',
    `target macro-F1 ≥ 0.80: ${result.target.met ? 'met' : `not met (${model.macroF1.toFixed(3)}, ${(0.8 - model.macroF1).toFixed(3)} short)`}`,
    `wrote ${OUT.replace(`${ROOT}/`, '')}`,
  ];
  console.log(lines.join('\n'));
}

main().catch((err: Error) => {
  console.error(`eval:sentiment failed: ${err.stack ?? err.message}`);
  process.exit(1);
});
