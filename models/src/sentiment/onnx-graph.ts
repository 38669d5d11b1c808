// Writes the classifier as an ONNX graph with BERT's interface (input_ids, attention_mask,
// token_type_ids → logits [batch, 3]) so transformers.js runs it as a BertForSequenceClassification.
// The graph is a linear model over hashed n-grams, using only standard ai.onnx ops (opset 13):
//   logits = Σ_t w_t·U[id_t] + Σ_t g_t·g_{t+1}·B[(id_t·V + id_{t+1}) mod H]
//          + Σ_t g_t·g_{t+2}·B[(id_t·V + id_{t+2} + S) mod H]   (skip-bigrams, when enabled)  + bias
// and, with negation handling, the unigram term of a word within `negationScope` positions after a negating
// word ("not", "fails", …) enters with sign −1 ("fails to beat" counts −beat).
// where w_t is 1 for an informative word piece (informative[id_t]: not a single letter/digit piece) and 0
// for others, padding, [CLS] and [SEP], and g_t = w_t·pairable[id_t] keeps only pieces seen in training in pairs.
// features.ts computes the same sum in JavaScript for training; onnx-graph.test.ts checks the two agree.
import { SKIP_BIGRAM_OFFSET } from './features';
import { onnx } from 'onnx-proto';

export const OPSET_VERSION = 13;
export const IR_VERSION = 8;
const INT64_MAX = 9223372036854775807n;

export interface LinearNgramWeights {
  /** Vocabulary size V: rows of `unigram`, and the multiplier of the bigram hash. */
  vocabSize: number;
  /** Hash buckets H: rows of `bigram`. */
  buckets: number;
  numLabels: number;
  /** [V, numLabels] row-major. */
  unigram: Float32Array;
  /** [H, numLabels] row-major. */
  bigram: Float32Array;
  /** [numLabels] */
  bias: Float32Array;
  clsId: number;
  sepId: number;
  /** [V] 1/0: the token carries weight (features.ts isInformativeToken). */
  informative: Uint8Array;
  /** [V] 1/0: informative token seen in training (may take part in pairs). */
  pairable: Uint8Array;
  /** Adds the pairs two pieces apart (same table, key offset SKIP_BIGRAM_OFFSET). */
  skipBigrams: boolean;
  /** [V] 1/0: negating word. */
  negators: Uint8Array;
  /** Unigrams up to this many positions after a negating word count with the opposite sign; 0 = off. */
  negationScope: number;
}

export interface OnnxModelInfo {
  producerVersion: string;
  docString: string;
}

const { DataType } = onnx.TensorProto;

// Raw little-endian bytes, so the file is the same whatever the build machine's byte order.
function floatTensor(name: string, dims: number[], values: Float32Array): onnx.ITensorProto {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return { name, dims, dataType: DataType.FLOAT, rawData: new Uint8Array(view.buffer) };
}

function int64Tensor(name: string, dims: number[], values: bigint[]): onnx.ITensorProto {
  const view = new DataView(new ArrayBuffer(values.length * 8));
  values.forEach((v, i) => view.setBigInt64(i * 8, v, true));
  return { name, dims, dataType: DataType.INT64, rawData: new Uint8Array(view.buffer) };
}

function tensorInfo(name: string, elemType: number, dims: Array<string | number>): onnx.IValueInfoProto {
  const dim = dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

function node(opType: string, input: string[], output: string, attribute: onnx.IAttributeProto[] = []): onnx.INodeProto {
  return { opType, input, output: [output], name: output, attribute };
}

const intAttr = (name: string, i: number): onnx.IAttributeProto => ({ name, i, type: onnx.AttributeProto.AttributeType.INT });

/** Masked sum over the sequence axis of rows gathered from `table`: [B, S] ids, [B, S] weights → [B, L]. */
function maskedBag(prefix: string, table: string, ids: string, weights: string): onnx.INodeProto[] {
  return [
    node('Gather', [table, ids], `${prefix}_rows`, [intAttr('axis', 0)]),
    node('Unsqueeze', [weights, 'axis_last'], `${prefix}_w`),
    node('Mul', [`${prefix}_rows`, `${prefix}_w`], `${prefix}_masked`),
    node('ReduceSum', [`${prefix}_masked`, 'axis_seq'], `${prefix}_sum`, [intAttr('keepdims', 0)]),
  ];
}

export function buildOnnxGraph(w: LinearNgramWeights, info: OnnxModelInfo): Uint8Array {
  const L = w.numLabels;
  if (w.unigram.length !== w.vocabSize * L || w.bigram.length !== w.buckets * L || w.bias.length !== L || w.pairable.length !== w.vocabSize || w.informative.length !== w.vocabSize || w.negators.length !== w.vocabSize) {
    throw new Error('weight shapes do not match vocabSize/buckets/numLabels');
  }
  const initializer = [
    floatTensor('unigram_weights', [w.vocabSize, L], w.unigram),
    floatTensor('bigram_weights', [w.buckets, L], w.bigram),
    floatTensor('bias', [L], w.bias),
    floatTensor('informative', [w.vocabSize], Float32Array.from(w.informative)),
    floatTensor('pairable', [w.vocabSize], Float32Array.from(w.pairable)),
    ...(w.negationScope > 0
      ? [
          floatTensor('negators', [w.vocabSize], Float32Array.from(w.negators)),
          floatTensor('one_f', [], Float32Array.of(1)),
          floatTensor('two_f', [], Float32Array.of(2)),
          floatTensor('zero_f', [], Float32Array.of(0)),
          ...Array.from({ length: w.negationScope }, (_, i) => int64Tensor(`shift_pads_${i + 1}`, [4], [0n, BigInt(i + 1), 0n, 0n])),
          ...Array.from({ length: w.negationScope }, (_, i) => int64Tensor(`shift_end_${i + 1}`, [1], [BigInt(-(i + 1))])),
        ]
      : []),
    int64Tensor('cls_id', [], [BigInt(w.clsId)]),
    int64Tensor('sep_id', [], [BigInt(w.sepId)]),
    int64Tensor('vocab_size', [], [BigInt(w.vocabSize)]),
    int64Tensor('buckets', [], [BigInt(w.buckets)]),
    int64Tensor('axis_seq', [1], [1n]),
    int64Tensor('axis_last', [1], [2n]),
    int64Tensor('zero', [1], [0n]),
    int64Tensor('one', [1], [1n]),
    int64Tensor('minus_one', [1], [-1n]),
    ...(w.skipBigrams ? [int64Tensor('two', [1], [2n]), int64Tensor('minus_two', [1], [-2n]), int64Tensor('skip_offset', [], [BigInt(SKIP_BIGRAM_OFFSET)])] : []),
    int64Tensor('to_end', [1], [INT64_MAX]),
  ];
  const nodes: onnx.INodeProto[] = [
    // Which positions are words that count: attended (not padding), neither [CLS] nor [SEP], informative.
    node('Equal', ['input_ids', 'cls_id'], 'is_cls'),
    node('Equal', ['input_ids', 'sep_id'], 'is_sep'),
    node('Or', ['is_cls', 'is_sep'], 'is_special'),
    node('Not', ['is_special'], 'is_word'),
    node('Cast', ['is_word'], 'word_f', [intAttr('to', DataType.FLOAT)]),
    node('Cast', ['attention_mask'], 'attended_f', [intAttr('to', DataType.FLOAT)]),
    node('Mul', ['attended_f', 'word_f'], 'attended_word_f'),
    node('Gather', ['informative', 'input_ids'], 'informative_f', [intAttr('axis', 0)]),
    node('Mul', ['attended_word_f', 'informative_f'], 'token_w'),
    ...(w.negationScope > 0
      ? [
          // Negation scope: a word within negationScope positions after a negating word counts with sign −1.
          // neg[t] shifted right by k (Pad k zeros in front, drop the last k), the max over k = 1..scope.
          node('Gather', ['negators', 'input_ids'], 'negator_f', [intAttr('axis', 0)]),
          node('Mul', ['negator_f', 'attended_word_f'], 'negates'),
          ...Array.from({ length: w.negationScope }, (_, i) => [
            node('Pad', ['negates', `shift_pads_${i + 1}`, 'zero_f'], `negates_padded_${i + 1}`),
            node('Slice', [`negates_padded_${i + 1}`, 'zero', `shift_end_${i + 1}`, 'axis_seq'], `negated_by_${i + 1}`),
          ]).flat(),
          node('Max', Array.from({ length: w.negationScope }, (_, i) => `negated_by_${i + 1}`), 'in_scope'),
          node('Mul', ['in_scope', 'two_f'], 'in_scope_2'),
          node('Sub', ['one_f', 'in_scope_2'], 'unigram_sign'),
          node('Mul', ['token_w', 'unigram_sign'], 'signed_token_w'),
          ...maskedBag('uni', 'unigram_weights', 'input_ids', 'signed_token_w'),
        ]
      : maskedBag('uni', 'unigram_weights', 'input_ids', 'token_w')),
    // Adjacent pairs: ids[:, :-1] and ids[:, 1:]; a pair counts only if both of its tokens are pairable
    // words (informative and seen in training).
    node('Gather', ['pairable', 'input_ids'], 'seen_f', [intAttr('axis', 0)]),
    node('Mul', ['token_w', 'seen_f'], 'pair_token_w'),
    node('Slice', ['input_ids', 'zero', 'minus_one', 'axis_seq'], 'left_ids'),
    node('Slice', ['input_ids', 'one', 'to_end', 'axis_seq'], 'right_ids'),
    node('Mul', ['left_ids', 'vocab_size'], 'left_scaled'),
    node('Add', ['left_scaled', 'right_ids'], 'pair_key'),
    node('Mod', ['pair_key', 'buckets'], 'pair_bucket', [intAttr('fmod', 0)]),
    node('Slice', ['pair_token_w', 'zero', 'minus_one', 'axis_seq'], 'left_w'),
    node('Slice', ['pair_token_w', 'one', 'to_end', 'axis_seq'], 'right_w'),
    node('Mul', ['left_w', 'right_w'], 'pair_w'),
    ...maskedBag('bi', 'bigram_weights', 'pair_bucket', 'pair_w'),
    node('Add', ['uni_sum', 'bi_sum'], 'ngram_sum'),
    ...(w.skipBigrams
      ? [
          // Pairs two apart: ids[:, :-2] and ids[:, 2:], keyed with an offset, into the same table.
          node('Slice', ['input_ids', 'zero', 'minus_two', 'axis_seq'], 'skip_left_ids'),
          node('Slice', ['input_ids', 'two', 'to_end', 'axis_seq'], 'skip_right_ids'),
          node('Mul', ['skip_left_ids', 'vocab_size'], 'skip_left_scaled'),
          node('Add', ['skip_left_scaled', 'skip_right_ids'], 'skip_key_raw'),
          node('Add', ['skip_key_raw', 'skip_offset'], 'skip_key'),
          node('Mod', ['skip_key', 'buckets'], 'skip_bucket', [intAttr('fmod', 0)]),
          node('Slice', ['pair_token_w', 'zero', 'minus_two', 'axis_seq'], 'skip_left_w'),
          node('Slice', ['pair_token_w', 'two', 'to_end', 'axis_seq'], 'skip_right_w'),
          node('Mul', ['skip_left_w', 'skip_right_w'], 'skip_pair_w'),
          ...maskedBag('skip', 'bigram_weights', 'skip_bucket', 'skip_pair_w'),
          node('Add', ['ngram_sum', 'skip_sum'], 'ngram_all'),
          node('Add', ['ngram_all', 'bias'], 'logits'),
        ]
      : [node('Add', ['ngram_sum', 'bias'], 'logits')]),
  ];
  const ids = (name: string) => tensorInfo(name, DataType.INT64, ['batch_size', 'sequence_length']);
  const model: onnx.IModelProto = {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET_VERSION }],
    producerName: 'aitrader-finance-sentiment',
    producerVersion: info.producerVersion,
    docString: info.docString,
    graph: {
      name: 'finance_sentiment_linear_ngram',
      node: nodes,
      initializer,
      // token_type_ids is declared because BERT exports have it and transformers.js feeds it; a linear
      // bag of n-grams has no use for segment ids, and ORT accepts a graph input no node reads.
      input: [ids('input_ids'), ids('attention_mask'), ids('token_type_ids')],
      output: [tensorInfo('logits', DataType.FLOAT, ['batch_size', L])],
    },
  };
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}
