// Trains the finance sentiment classifier end to end, in memory: vocabulary from the training text
// and lexicon, n-gram features of the WordPiece ids, seeded softmax regression, float32 weights.
// Also the JavaScript reference scorer, which computes what the ONNX graph computes.
import { FeatureSpace, featuresOf } from './features';
import { FINANCE_LEXICON, LEXICON_EXAMPLE_WEIGHT } from './finance-lexicon';
import { LABEL2ID, SENTIMENT_LABELS, SentimentLabel } from './labels';
import { argmax, LinearModel, logitsOf, softmax, toFloat32, trainLinearModel, TrainingExample, TrainingOptions } from './linear-model';
import { LabelledText } from './dataset';
import { buildVocab } from './vocab-builder';
import { SPECIAL_TOKENS, WordPieceVocab } from './wordpiece';

export interface SentimentTrainingConfig extends TrainingOptions {
  /** Bigram hash buckets; a prime. 65521 (largest prime < 2^16) keeps the table under 800 kB. */
  buckets: number;
  lexiconWeight: number;
  /**
   * Empty examples labelled neutral. A text with no known word pieces (empty, or only unseen names)
   * scores the bias alone; FinBERT calls the absence of sentiment neutral, and these teach the bias
   * the same. Without them the bias leans to whichever class needs it to balance the word weights.
   */
  noEvidenceExamples: number;
}

/** Chosen by 5-fold cross-validation on the training set only (see the model card). */
export const DEFAULT_TRAINING_CONFIG: Readonly<SentimentTrainingConfig> = {
  seed: 20240611,
  epochs: 40,
  learningRate: 0.5,
  learningRateDecay: 0.1,
  l2: 0.02,
  buckets: 65521,
  lexiconWeight: LEXICON_EXAMPLE_WEIGHT,
  noEvidenceExamples: 20,
};

export interface TrainedSentimentModel {
  vocab: WordPieceVocab;
  space: FeatureSpace;
  weights: LinearModel<Float32Array>;
}

export interface Prediction {
  label: SentimentLabel;
  probabilities: Record<SentimentLabel, number>;
}

export function lexiconExamples(lexicon: Readonly<Record<SentimentLabel, readonly string[]>> = FINANCE_LEXICON): LabelledText[] {
  return SENTIMENT_LABELS.flatMap((label) => lexicon[label].map((text) => ({ text, label })));
}

export function trainSentimentModel(
  training: readonly LabelledText[],
  lexicon: readonly LabelledText[],
  config: SentimentTrainingConfig = DEFAULT_TRAINING_CONFIG,
): TrainedSentimentModel {
  const vocab = buildVocab([...training, ...lexicon].map((row) => row.text));
  const encoded = [...training.map((row) => ({ row, weight: 1 })), ...lexicon.map((row) => ({ row, weight: config.lexiconWeight }))].map(
    ({ row, weight }) => ({ ids: vocab.encode(row.text), label: LABEL2ID[row.label], weight }),
  );
  const seenInTraining = new Uint8Array(vocab.size);
  encoded.forEach(({ ids }) => ids.forEach((id) => (seenInTraining[id] = 1)));
  const space: FeatureSpace = {
    vocabSize: vocab.size,
    buckets: config.buckets,
    clsId: vocab.idOfSpecial(SPECIAL_TOKENS.cls),
    sepId: vocab.idOfSpecial(SPECIAL_TOKENS.sep),
    seenInTraining,
  };
  const noEvidence: TrainingExample = { features: { unigrams: [], bigrams: [] }, label: LABEL2ID.neutral, weight: 1 };
  const examples: TrainingExample[] = [
    ...encoded.map(({ ids, label, weight }) => ({ features: featuresOf(ids, space), label, weight })),
    ...new Array<TrainingExample>(config.noEvidenceExamples).fill(noEvidence),
  ];
  const model = trainLinearModel(examples, { vocabSize: vocab.size, buckets: config.buckets, numLabels: SENTIMENT_LABELS.length }, config);
  return { vocab, space, weights: toFloat32(model) };
}

/** What the ONNX graph computes for one text, in JavaScript (float64 sums of the float32 weights). */
export function predict(model: TrainedSentimentModel, text: string): Prediction {
  const probabilities = softmax(logitsOf(model.weights, featuresOf(model.vocab.encode(text), model.space)));
  const label = SENTIMENT_LABELS[argmax(probabilities)] ?? 'neutral';
  return { label, probabilities: Object.fromEntries(SENTIMENT_LABELS.map((l, i) => [l, probabilities[i] ?? 0])) as Prediction['probabilities'] };
}
