// Training, windowing, checkpoints and the metadata reader refuse bad input with NBeatsInputError codes.
import { makeWindows, syntheticSeries } from './data';
import { NBeatsInputError, type NBeatsInputErrorCode } from './errors';
import { createModel } from './model';
import { predict } from './predict';
import { deserializeModel, serializeModel } from './serialize';
import { train, type TrainOptions } from './train';

const series = Array.from(syntheticSeries({ length: 400, seed: 2 }));
const base: TrainOptions = { series, lookback: 20, horizon: 5, blocks: 1, layersPerBlock: 1, hiddenSize: 4, epochs: 1 };

function codeOf(fn: () => unknown): NBeatsInputErrorCode {
  try {
    fn();
  } catch (error) {
    if (error instanceof NBeatsInputError) return error.code;
    throw error;
  }
  throw new Error('expected an NBeatsInputError');
}

describe('train refuses bad input', () => {
  it.each<[string, Partial<TrainOptions>, NBeatsInputErrorCode]>([
    ['a NaN price', { series: [...series.slice(0, 100), NaN, ...series.slice(101)] }, 'NOT_FINITE'],
    ['a negative price', { series: [...series.slice(0, 100), -5, ...series.slice(101)] }, 'NON_POSITIVE'],
    ['a zero price', { series: [0, ...series.slice(1)] }, 'NON_POSITIVE'],
    ['a series too short for the windows', { series: series.slice(0, 30) }, 'TOO_SHORT'],
    ['0 blocks', { blocks: 0 }, 'BAD_OPTION'],
    ['a fractional hidden size', { hiddenSize: 3.5 }, 'BAD_OPTION'],
    ['a negative learning rate', { learningRate: -1 }, 'BAD_OPTION'],
    ['a NaN learning rate', { learningRate: NaN }, 'BAD_OPTION'],
    ['0 epochs', { epochs: 0 }, 'BAD_OPTION'],
    ['a batch size of 0', { batchSize: 0 }, 'BAD_OPTION'],
    ['a validation fraction of 0', { validationFraction: 0 }, 'BAD_OPTION'],
    ['fractions adding up to 1', { validationFraction: 0.5, testFraction: 0.5 }, 'BAD_OPTION'],
    ['a patience of 0', { patience: 0 }, 'BAD_OPTION'],
  ])('%s', (_what, change, code) => {
    expect(codeOf(() => train({ ...base, ...change }))).toBe(code);
  });
});

describe('makeWindows refuses bad input', () => {
  it('refuses non-positive and non-finite prices and bad sizes', () => {
    expect(codeOf(() => makeWindows([1, 2, -3, 4], 2, 1))).toBe('NON_POSITIVE');
    expect(codeOf(() => makeWindows([1, 2, NaN, 4], 2, 1))).toBe('NOT_FINITE');
    expect(codeOf(() => makeWindows([1, 2, 3, 4], 0, 1))).toBe('BAD_OPTION');
    expect(codeOf(() => makeWindows([1, 2, 3, 4], 2, 1, 0))).toBe('BAD_OPTION');
  });
});

describe('checkpoints', () => {
  const model = createModel({ lookback: 10, horizon: 3, blocks: 2, layersPerBlock: 2, hiddenSize: 6 }, 3);

  it('round-trip bit for bit', () => {
    const restored = deserializeModel(serializeModel(model));
    expect(restored.config).toEqual(model.config);
    expect(Buffer.from(restored.params.buffer).equals(Buffer.from(model.params.buffer))).toBe(true);
    const history = Array.from({ length: 10 }, (_, i) => 50 + i);
    expect(predict(restored, [history])).toEqual(predict(model, [history]));
  });

  it('refuses what is not a checkpoint of this format', () => {
    expect(codeOf(() => deserializeModel('not json'))).toBe('BAD_MODEL');
    expect(codeOf(() => deserializeModel('{"format":"other"}'))).toBe('BAD_MODEL');
    const parsed = JSON.parse(serializeModel(model)) as { params: number[] };
    expect(codeOf(() => deserializeModel(JSON.stringify({ ...parsed, params: parsed.params.slice(1) })))).toBe('BAD_MODEL');
    expect(codeOf(() => deserializeModel(JSON.stringify({ ...parsed, params: parsed.params.map(() => 'x') })))).toBe('BAD_MODEL');
  });
});
