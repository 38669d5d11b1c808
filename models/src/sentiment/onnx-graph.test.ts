// The ONNX graph must compute what the trainer optimised (features.ts + linear-model.ts): checked here
// with onnxruntime-node directly on a freshly trained model, with padded batches and random weights.
import fc from 'fast-check';
import * as ort from 'onnxruntime-node';
import { readHeldoutSet, readRealEvaluationSet, readRealTrainingSet } from './dataset';
import { FeatureSpace, featuresOf } from './features';
import { LinearModel, logitsOf } from './linear-model';
import { buildOnnxGraph, LinearNgramWeights } from './onnx-graph';
import { DEFAULT_TRAINING_CONFIG, lexiconExamples, trainSentimentModel } from './train';

const int64 = (rows: number[][]) => {
  const width = rows[0]?.length ?? 0;
  return new ort.Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, width]);
};

/** Right-pads like transformers.js: [PAD] = 0 ids, attention 0. */
function padBatch(batch: number[][]): { ids: number[][]; mask: number[][] } {
  const width = Math.max(...batch.map((ids) => ids.length));
  return {
    ids: batch.map((ids) => [...ids, ...new Array<number>(width - ids.length).fill(0)]),
    mask: batch.map((ids) => [...new Array<number>(ids.length).fill(1), ...new Array<number>(width - ids.length).fill(0)]),
  };
}

async function onnxLogits(session: ort.InferenceSession, batch: number[][]): Promise<number[][]> {
  const { ids, mask } = padBatch(batch);
  const out = await session.run({ input_ids: int64(ids), attention_mask: int64(mask), token_type_ids: int64(ids.map((r) => r.map(() => 0))) });
  const logits = out.logits;
  if (!logits) throw new Error('no logits output');
  expect(logits.dims).toEqual([batch.length, 3]);
  const data = Array.from(logits.data as Float32Array);
  return batch.map((_, i) => data.slice(i * 3, i * 3 + 3));
}

function graphWeights(model: LinearModel<Float32Array>, space: FeatureSpace): LinearNgramWeights {
  const { vocabSize, buckets, clsId, sepId, informative, pairable, skipBigrams, negators, negationScope } = space;
  return { ...model, vocabSize, buckets, clsId, sepId, informative, pairable, skipBigrams, negators, negationScope };
}

describe('ONNX graph', () => {
  // A subset of the real training split keeps this fast; the graph is the same whatever the data.
  const trained = trainSentimentModel(readRealTrainingSet().slice(0, 3000), lexiconExamples(), { ...DEFAULT_TRAINING_CONFIG, epochs: 10, calibrationFolds: 0 });
  let session: ort.InferenceSession;

  beforeAll(async () => {
    session = await ort.InferenceSession.create(buildOnnxGraph(graphWeights(trained.weights, trained.space), { producerVersion: 'test', docString: 'test' }));
  });
  afterAll(() => session.release());

  it("declares BERT's inputs and a logits output; ORT keeps the unused token_type_ids", () => {
    expect(session.inputNames).toEqual(['input_ids', 'attention_mask', 'token_type_ids']);
    expect(session.outputNames).toEqual(['logits']);
  });

  it('computes the reference logits for held-out texts (real and hand-written, URLs, numbers, unseen names), in padded batches', async () => {
    const texts = [...readRealEvaluationSet().slice(0, 400), ...readHeldoutSet()].map((r) => r.text);
    for (let start = 0; start < texts.length; start += 50) {
      const batch = texts.slice(start, start + 50).map((t) => trained.vocab.encode(t));
      const got = await onnxLogits(session, batch);
      batch.forEach((ids, i) => {
        const want = logitsOf(trained.weights, featuresOf(ids, trained.space));
        want.forEach((w, k) => expect(got[i]?.[k]).toBeCloseTo(w, 4));
      });
    }
  });

  it('ignores padding, [CLS], [SEP] and uninformative tokens, pairs with unseen ones, and negates after negators, whatever the weights (random weights, ids)', async () => {
    const informative = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1]);
    const pairable = Uint8Array.from([1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1]);
    const negators = Uint8Array.from([0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0]);
    const spaces: FeatureSpace[] = [
      { skipBigrams: false, negationScope: 0 },
      { skipBigrams: true, negationScope: 0 },
      { skipBigrams: true, negationScope: 3 },
      { skipBigrams: false, negationScope: 1 },
    ].map((options) => ({ vocabSize: 11, buckets: 7, clsId: 2, sepId: 3, informative, pairable, negators, ...options }));
    const rows = (n: number) => fc.array(fc.float({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true }), { minLength: n * 3, maxLength: n * 3 });
    const text = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 8 }).map((ids) => [2, ...ids, 3]);
    await fc.assert(
      fc.asyncProperty(rows(11), rows(7), rows(1), fc.array(text, { minLength: 1, maxLength: 4 }), fc.constantFrom(...spaces), async (uni, bi, bias, texts, space) => {
        const model = { numLabels: 3, unigram: Float32Array.from(uni), bigram: Float32Array.from(bi), bias: Float32Array.from(bias) };
        const s = await ort.InferenceSession.create(buildOnnxGraph(graphWeights(model, space), { producerVersion: 't', docString: 't' }));
        const got = await onnxLogits(s, texts);
        texts.forEach((ids, i) => {
          const want = logitsOf(model, featuresOf(ids, space));
          want.forEach((w, k) => expect(got[i]?.[k]).toBeCloseTo(w, 4));
        });
        await s.release();
      }),
      { numRuns: 40, seed: 3 },
    );
  });
});
