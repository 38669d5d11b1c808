// The two baselines the sentiment model is measured against on the real evaluation split:
//  - majority class: always the training split's most frequent label (neutral), what a model that
//    learned nothing scores on accuracy;
//  - lexicon: VADER (vader-sentiment, the JavaScript port of Hutto & Gilbert 2014), a general-purpose
//    social-media sentiment lexicon with rules, mapped to labels by its standard compound-score
//    thresholds (≥ 0.05 positive, ≤ −0.05 negative, else neutral).
// The build (model card) and `npm run eval:sentiment` both compute them with these functions.
import { LabelledText } from './dataset';
import { SENTIMENT_LABELS, SentimentLabel } from './labels';
import { classificationMetrics, ClassificationMetrics } from './metrics';

interface VaderModule {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { neg: number; neu: number; pos: number; compound: number } };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vader = require('vader-sentiment') as VaderModule;

/** VADER's recommended thresholds on the compound score. */
export const VADER_COMPOUND_THRESHOLD = 0.05;

export function vaderLabel(text: string): SentimentLabel {
  const { compound } = vader.SentimentIntensityAnalyzer.polarity_scores(text);
  if (compound >= VADER_COMPOUND_THRESHOLD) return 'positive';
  if (compound <= -VADER_COMPOUND_THRESHOLD) return 'negative';
  return 'neutral';
}

/** The most frequent label of the training rows (ties: FinBERT's label order). */
export function majorityLabel(training: readonly LabelledText[]): SentimentLabel {
  const counts = SENTIMENT_LABELS.map((l) => training.filter((r) => r.label === l).length);
  return SENTIMENT_LABELS[counts.indexOf(Math.max(...counts))] ?? 'neutral';
}

export interface BaselineMetrics {
  majority: ClassificationMetrics & { label: SentimentLabel };
  vader: ClassificationMetrics;
}

export function baselineMetrics(training: readonly LabelledText[], evaluation: readonly LabelledText[]): BaselineMetrics {
  const actual = evaluation.map((r) => r.label);
  const label = majorityLabel(training);
  return {
    majority: { label, ...classificationMetrics(actual, evaluation.map(() => label)) },
    vader: classificationMetrics(actual, evaluation.map((r) => vaderLabel(r.text))),
  };
}
