// Softmax regression over the n-gram features (features.ts), trained by seeded SGD so the same data
// and options always give the same weights. Sum pooling: logits are a plain sum of per-feature weight
// rows, i.e. logistic regression over n-gram counts. A strong word ("plunge") then counts the same in a
// 6-word and a 16-word headline, where mean pooling would dilute it by the headline's length; headlines
// are short, so sum pooling does not let long texts run away.
// Lexicon features (a word's finance-lexicon class, its VADER polarity) are a third, small table shared by
// every word of a lexicon class: they carry what the lexicon knows to words the training set has seldom
// seen. Being linear, they fold into the unigram rows at export (foldLexicon), so the graph has no table
// of its own for them.
import { Features } from './features';
import { mulberry32, shuffleInPlace } from './prng';

type Weights = Float32Array | Float64Array;

export interface LinearModel<W extends Weights = Weights> {
  numLabels: number;
  /** [vocabSize, numLabels] row-major. */
  unigram: W;
  /** [buckets, numLabels] row-major. */
  bigram: W;
  bias: W;
}

/** Features of a training example: the graph's n-grams plus the shared lexicon features of its words. */
export interface TrainingFeatures extends Features {
  /** Ids into the lexicon table, repeats kept; ~id for a negated word's (counts with the opposite sign). */
  lexicon: number[];
}

export interface TrainingExample {
  features: TrainingFeatures;
  label: number;
  /** Scales this example's gradient (lexicon entries count for less than headlines). */
  weight: number;
}

export interface TrainingOptions {
  seed: number;
  epochs: number;
  learningRate: number;
  /** Learning rate in epoch e is learningRate / (1 + decay · e). */
  learningRateDecay: number;
  /** L2 penalty, applied to the weight rows an example touches. */
  l2: number;
  /** The bias learns at learningRate × this (it sees every example, the word rows only a few). */
  biasLearningRateScale: number;
  /**
   * Averaged SGD: the weights returned are the mean of the end-of-epoch weights from this epoch (0-based)
   * on, instead of the last epoch's; undefined = off.
   */
  averageFromEpoch?: number;
}

export interface TrainedLinearModel extends LinearModel<Float64Array> {
  /** [lexiconFeatures, numLabels] row-major. */
  lexicon: Float64Array;
}

export function logitsOf(model: LinearModel, features: Features): number[] {
  const L = model.numLabels;
  const logits = Array.from(model.bias);
  const addRow = (table: Weights, row: number, sign = 1) => {
    for (let k = 0; k < L; k++) logits[k] = (logits[k] ?? 0) + sign * (table[row * L + k] ?? 0);
  };
  // A negated unigram is stored as ~id and counts with the opposite sign (features.ts).
  features.unigrams.forEach((id) => (id >= 0 ? addRow(model.unigram, id) : addRow(model.unigram, ~id, -1)));
  features.bigrams.forEach((bucket) => addRow(model.bigram, bucket));
  return logits;
}

export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((x) => Math.exp(x - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

export function argmax(values: readonly number[]): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v > (values[best] ?? -Infinity)) best = i;
  });
  return best;
}

/** Logits of a training example: the n-gram logits plus its lexicon features' rows. */
function trainingLogitsOf(model: TrainedLinearModel, features: TrainingFeatures): number[] {
  const logits = logitsOf(model, features);
  const L = model.numLabels;
  for (const f of features.lexicon) {
    const [row, sign] = f >= 0 ? [f, 1] : [~f, -1];
    for (let k = 0; k < L; k++) logits[k] = (logits[k] ?? 0) + sign * (model.lexicon[row * L + k] ?? 0);
  }
  return logits;
}

export function trainLinearModel(
  examples: readonly TrainingExample[],
  shape: { vocabSize: number; buckets: number; numLabels: number; lexiconFeatures: number },
  options: TrainingOptions,
): TrainedLinearModel {
  const L = shape.numLabels;
  const model: TrainedLinearModel = {
    numLabels: L,
    unigram: new Float64Array(shape.vocabSize * L),
    bigram: new Float64Array(shape.buckets * L),
    bias: new Float64Array(L),
    lexicon: new Float64Array(shape.lexiconFeatures * L),
  };
  const average =
    options.averageFromEpoch !== undefined
      ? {
          count: 0,
          sums: {
            unigram: new Float64Array(model.unigram.length),
            bigram: new Float64Array(model.bigram.length),
            bias: new Float64Array(L),
            lexicon: new Float64Array(model.lexicon.length),
          },
        }
      : null;
  const random = mulberry32(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const lr = options.learningRate / (1 + options.learningRateDecay * epoch);
    for (const index of shuffleInPlace(order, random)) {
      const example = examples[index];
      if (!example) continue;
      const p = softmax(trainingLogitsOf(model, example.features));
      // d(cross-entropy)/d(logit k) = p_k − [k = label]
      const grad = p.map((pk, k) => example.weight * (pk - (k === example.label ? 1 : 0)));
      const step = (table: Float64Array, row: number, sign = 1) => {
        for (let k = 0; k < L; k++) {
          const at = row * L + k;
          const w = table[at] ?? 0;
          table[at] = w - lr * (sign * (grad[k] ?? 0) + options.l2 * w);
        }
      };
      example.features.unigrams.forEach((id) => (id >= 0 ? step(model.unigram, id) : step(model.unigram, ~id, -1)));
      example.features.bigrams.forEach((bucket) => step(model.bigram, bucket));
      example.features.lexicon.forEach((f) => (f >= 0 ? step(model.lexicon, f) : step(model.lexicon, ~f, -1)));
      for (let k = 0; k < L; k++) model.bias[k] = (model.bias[k] ?? 0) - lr * options.biasLearningRateScale * (grad[k] ?? 0);
    }
    if (average && epoch >= (options.averageFromEpoch ?? 0)) {
      average.count += 1;
      (['unigram', 'bigram', 'bias', 'lexicon'] as const).forEach((key) => {
        const sum = average.sums[key];
        const w = model[key];
        for (let i = 0; i < w.length; i++) sum[i] = (sum[i] ?? 0) + (w[i] ?? 0);
      });
    }
  }
  if (average && average.count > 0) {
    const mean = (sum: Float64Array) => sum.map((x) => x / average.count);
    return { numLabels: L, unigram: mean(average.sums.unigram), bigram: mean(average.sums.bigram), bias: mean(average.sums.bias), lexicon: mean(average.sums.lexicon) };
  }
  return model;
}

/** The graph's weights: every token's lexicon rows added into its unigram row (exact, the model is linear). */
export function foldLexicon(model: TrainedLinearModel, lexiconOf: (tokenId: number) => readonly number[]): LinearModel<Float64Array> {
  const L = model.numLabels;
  const unigram = Float64Array.from(model.unigram);
  for (let id = 0; id * L < unigram.length; id++) {
    for (const f of lexiconOf(id)) for (let k = 0; k < L; k++) unigram[id * L + k] = (unigram[id * L + k] ?? 0) + (model.lexicon[f * L + k] ?? 0);
  }
  return { numLabels: L, unigram, bigram: Float64Array.from(model.bigram), bias: Float64Array.from(model.bias) };
}

/** The weights as shipped in the ONNX file. */
export function toFloat32(model: LinearModel): LinearModel<Float32Array> {
  return {
    numLabels: model.numLabels,
    unigram: Float32Array.from(model.unigram),
    bigram: Float32Array.from(model.bigram),
    bias: Float32Array.from(model.bias),
  };
}
