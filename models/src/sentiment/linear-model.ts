// Softmax regression over the n-gram features (features.ts), trained by seeded SGD so the same data
// and options always give the same weights. Sum pooling: logits are a plain sum of per-feature weight
// rows, i.e. logistic regression over n-gram counts. A strong word ("plunge") then counts the same in a
// 6-word and a 16-word headline, where mean pooling would dilute it by the headline's length; headlines
// are short, so sum pooling does not let long texts run away.
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

export interface TrainingExample {
  features: Features;
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
}

export function logitsOf(model: LinearModel, features: Features): number[] {
  const L = model.numLabels;
  const logits = Array.from(model.bias);
  const addRow = (table: Weights, row: number) => {
    for (let k = 0; k < L; k++) logits[k] = (logits[k] ?? 0) + (table[row * L + k] ?? 0);
  };
  features.unigrams.forEach((id) => addRow(model.unigram, id));
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

export function trainLinearModel(
  examples: readonly TrainingExample[],
  shape: { vocabSize: number; buckets: number; numLabels: number },
  options: TrainingOptions,
): LinearModel<Float64Array> {
  const L = shape.numLabels;
  const model: LinearModel<Float64Array> = {
    numLabels: L,
    unigram: new Float64Array(shape.vocabSize * L),
    bigram: new Float64Array(shape.buckets * L),
    bias: new Float64Array(L),
  };
  const random = mulberry32(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const lr = options.learningRate / (1 + options.learningRateDecay * epoch);
    for (const index of shuffleInPlace(order, random)) {
      const example = examples[index];
      if (!example) continue;
      const p = softmax(logitsOf(model, example.features));
      // d(cross-entropy)/d(logit k) = p_k − [k = label]
      const grad = p.map((pk, k) => example.weight * (pk - (k === example.label ? 1 : 0)));
      const step = (table: Float64Array, row: number) => {
        for (let k = 0; k < L; k++) {
          const at = row * L + k;
          const w = table[at] ?? 0;
          table[at] = w - lr * ((grad[k] ?? 0) + options.l2 * w);
        }
      };
      example.features.unigrams.forEach((id) => step(model.unigram, id));
      example.features.bigrams.forEach((bucket) => step(model.bigram, bucket));
      for (let k = 0; k < L; k++) model.bias[k] = (model.bias[k] ?? 0) - lr * (grad[k] ?? 0);
    }
  }
  return model;
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
