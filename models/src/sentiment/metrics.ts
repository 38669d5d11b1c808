// Classification metrics (accuracy, per-class precision/recall/F1, confusion matrix) for the build's
// report in config.json and the model card, and for the tests that run the shipped model.
import { SENTIMENT_LABELS, SentimentLabel } from './labels';

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationMetrics {
  examples: number;
  accuracy: number;
  /** Unweighted mean of the three classes' F1: what a model that ignores a minority class cannot fake. */
  macroF1: number;
  perClass: Record<SentimentLabel, ClassMetrics>;
  /** confusion[actual][predicted] */
  confusion: Record<SentimentLabel, Record<SentimentLabel, number>>;
}

/** Four decimals: enough for a report, and keeps config.json free of float noise. */
export const round4 = (x: number): number => Math.round(x * 10000) / 10000;

export function classificationMetrics(actual: readonly SentimentLabel[], predicted: readonly SentimentLabel[]): ClassificationMetrics {
  if (actual.length !== predicted.length) throw new Error('actual and predicted differ in length');
  const zeros = () => Object.fromEntries(SENTIMENT_LABELS.map((l) => [l, 0])) as Record<SentimentLabel, number>;
  const confusion = Object.fromEntries(SENTIMENT_LABELS.map((l) => [l, zeros()])) as ClassificationMetrics['confusion'];
  actual.forEach((a, i) => {
    const p = predicted[i];
    if (p !== undefined) confusion[a][p] += 1;
  });
  const correct = SENTIMENT_LABELS.reduce((n, l) => n + confusion[l][l], 0);
  const perClass = Object.fromEntries(
    SENTIMENT_LABELS.map((label) => {
      const tp = confusion[label][label];
      const support = SENTIMENT_LABELS.reduce((n, p) => n + confusion[label][p], 0);
      const predictedCount = SENTIMENT_LABELS.reduce((n, a) => n + confusion[a][label], 0);
      const precision = predictedCount ? tp / predictedCount : 0;
      const recall = support ? tp / support : 0;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return [label, { precision: round4(precision), recall: round4(recall), f1: round4(f1), support }];
    }),
  ) as Record<SentimentLabel, ClassMetrics>;
  // From the unrounded per-class F1s, so the mean does not carry their rounding.
  const f1s = SENTIMENT_LABELS.map((label) => {
    const tp = confusion[label][label];
    const support = SENTIMENT_LABELS.reduce((n, p) => n + confusion[label][p], 0);
    const predictedCount = SENTIMENT_LABELS.reduce((n, a) => n + confusion[a][label], 0);
    return tp === 0 ? 0 : (2 * tp) / (support + predictedCount);
  });
  const macroF1 = round4(f1s.reduce((a, b) => a + b, 0) / SENTIMENT_LABELS.length);
  return { examples: actual.length, accuracy: round4(actual.length ? correct / actual.length : 0), macroF1, perClass, confusion };
}
