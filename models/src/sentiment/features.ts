// The classifier's features, computed from token ids exactly as the ONNX graph computes them:
// one unigram per word piece, one hashed bigram per pair of adjacent word pieces and one hashed skip-bigram
// per pair two apart (both in the same bucket table), where [CLS], [SEP] and padding are not word pieces.
// Training and the JavaScript reference scorer both use this file.
// Only *informative* pieces take part: a single letter or digit ("a", "##c", "7") is what an unseen word,
// a number or a URL's random tail ("t.co/bd0xbFGjkT") falls apart into; its weight would be noise, so
// it gets none (its unigram row stays 0) and pairs are only taken between pieces that are informative
// and were seen in training (the pieces of an unseen name would otherwise land in hash buckets that
// trained pairs use).

export interface FeatureSpace {
  vocabSize: number;
  /** Number of n-gram hash buckets H; a prime, so (left·V + right) mod H spreads pairs evenly. */
  buckets: number;
  clsId: number;
  sepId: number;
  /** 1 for token ids that carry a weight of their own (not a single letter/digit piece), 0 otherwise: [vocabSize]. */
  informative: Uint8Array;
  /** 1 for informative token ids that occur in the training data (they may pair), 0 otherwise: [vocabSize]. */
  pairable: Uint8Array;
  /** Whether pairs two pieces apart ("shares ... higher" over one piece) are features too. */
  skipBigrams: boolean;
  /** 1 for negating words ("not", "fails", "without", …): [vocabSize]. */
  negators: Uint8Array;
  /**
   * A unigram up to this many pieces after a negator counts with its sign flipped ("fails to beat": −beat);
   * 0 = no negation handling.
   */
  negationScope: number;
}

/** Whole words that negate what follows them within the scope. */
export const NEGATORS = ['not', 'no', 'never', 'without', 'cannot', 'unable', 'nor', 'neither', 'fail', 'fails', 'failed', 'failing', 'lack', 'lacks', 'lacking'] as const;

/** Added to a skip-bigram's key so it does not share its bucket with the adjacent bigram of the same two ids. */
export const SKIP_BIGRAM_OFFSET = 104729;

export interface Features {
  /**
   * Token ids of the informative word pieces, repeats kept (sum pooling counts them); a piece inside a
   * negation scope is stored as ~id (bitwise not, so negative): its row counts with the opposite sign.
   */
  unigrams: number[];
  /** Bucket ids of adjacent pairs and (when enabled) pairs two apart, repeats kept. */
  bigrams: number[];
}

/** (left · V + right [+ offset]) mod H: the graph's Mul/Add/Mod on int64; exact in doubles for V, H < 2^26. */
export function bigramBucket(left: number, right: number, space: Pick<FeatureSpace, 'vocabSize' | 'buckets'>, offset = 0): number {
  return (left * space.vocabSize + right + offset) % space.buckets;
}

/** A single letter or digit, alone or as a "##" continuation: what unseen words and numbers split into. */
export function isInformativeToken(token: string): boolean {
  const core = token.startsWith('##') ? token.slice(2) : token;
  return !(core.length === 1 && /^[\p{L}\p{N}]$/u.test(core));
}

/** Features of one tokenized text; `attention` defaults to all ones (no padding). */
export function featuresOf(ids: readonly number[], space: FeatureSpace, attention?: readonly number[]): Features {
  const isWord = ids.map((id, i) => (attention?.[i] ?? 1) !== 0 && id !== space.clsId && id !== space.sepId);
  const negates = ids.map((id, i) => isWord[i] === true && space.negators[id] === 1);
  const inScope = (i: number) => {
    for (let k = 1; k <= space.negationScope; k++) if (negates[i - k]) return true;
    return false;
  };
  const unigrams: number[] = [];
  ids.forEach((id, i) => {
    if (isWord[i] && space.informative[id] === 1) unigrams.push(inScope(i) ? ~id : id);
  });
  const pairable = ids.map((id, i) => isWord[i] === true && space.pairable[id] === 1);
  const bigrams: number[] = [];
  for (let i = 0; i + 1 < ids.length; i++) {
    if (pairable[i] && pairable[i + 1]) bigrams.push(bigramBucket(ids[i] ?? 0, ids[i + 1] ?? 0, space));
  }
  if (space.skipBigrams) {
    for (let i = 0; i + 2 < ids.length; i++) {
      if (pairable[i] && pairable[i + 2]) bigrams.push(bigramBucket(ids[i] ?? 0, ids[i + 2] ?? 0, space, SKIP_BIGRAM_OFFSET));
    }
  }
  return { unigrams, bigrams };
}
