// The classifier's features, computed from token ids exactly as the ONNX graph computes them:
// one unigram per word piece, one hashed bigram per pair of adjacent word pieces, where [CLS], [SEP]
// and padding are not word pieces. Training and the JavaScript reference scorer both use this file.
// Bigrams are only taken between tokens seen in training: the pieces of an unseen word ("acme" →
// a ##c ##m ##e) have no unigram weight, and their pairs would otherwise land in hash buckets that
// trained bigrams use, adding noise to texts full of new names.

export interface FeatureSpace {
  vocabSize: number;
  /** Number of bigram hash buckets H; a prime, so (left·V + right) mod H spreads pairs evenly. */
  buckets: number;
  clsId: number;
  sepId: number;
  /** 1 for token ids that occur in the training data, 0 otherwise: [vocabSize]. */
  seenInTraining: Uint8Array;
}

export interface Features {
  /** Token ids of the word pieces, repeats kept (sum pooling counts them). */
  unigrams: number[];
  /** Bigram buckets, repeats kept. */
  bigrams: number[];
}

/** (left · V + right) mod H: the graph's Mul/Add/Mod on int64; exact in doubles for V, H < 2^26. */
export function bigramBucket(left: number, right: number, space: FeatureSpace): number {
  return (left * space.vocabSize + right) % space.buckets;
}

/** Features of one tokenized text; `attention` defaults to all ones (no padding). */
export function featuresOf(ids: readonly number[], space: FeatureSpace, attention?: readonly number[]): Features {
  const isWord = ids.map((id, i) => (attention?.[i] ?? 1) !== 0 && id !== space.clsId && id !== space.sepId);
  const unigrams = ids.filter((_, i) => isWord[i]);
  const pairable = ids.map((id, i) => isWord[i] === true && space.seenInTraining[id] === 1);
  const bigrams: number[] = [];
  for (let i = 0; i + 1 < ids.length; i++) {
    if (pairable[i] && pairable[i + 1]) bigrams.push(bigramBucket(ids[i] ?? 0, ids[i + 1] ?? 0, space));
  }
  return { unigrams, bigrams };
}
