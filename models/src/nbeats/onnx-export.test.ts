// The exported ONNX graph computes what the TS forward pass computes, at any price level and batch
// size, and carries its metadata. Parity is checked on the normalised output forecast / last price:
// max |onnx − ts| < 1e-4. The gap is float32 (ONNX) against float64 (TS): weights and prices rounded
// to float32 and float32 accumulation, ~1e-7 relative per operation.
import { onnx } from 'onnx-proto';
import { syntheticSeries } from './data';
import { exportOnnx, ONNX_INPUT_NAME, ONNX_OUTPUT_NAME, readOnnxMetadata } from './onnx-export';
import { predict } from './predict';
import { train, type TrainResult } from './train';

const LOOKBACK = 60;
const HORIZON = 10;

import { InferenceSession, Tensor } from 'onnxruntime-node';


async function runOnnx(bytes: Uint8Array, histories: number[][]): Promise<Float32Array> {
  const session = await InferenceSession.create(Buffer.from(bytes));
  try {
    const input = new Tensor('float32', Float32Array.from(histories.flat()), [histories.length, LOOKBACK]);
    const output = await session.run({ [ONNX_INPUT_NAME]: input });
    const forecast = output[ONNX_OUTPUT_NAME];
    if (!forecast) throw new Error('no forecast output');
    expect(forecast.dims).toEqual([histories.length, HORIZON]);
    return forecast.data as Float32Array;
  } finally {
    await session.release();
  }
}

/** Histories cut from synthetic series at very different price levels. */
function histories(): number[][] {
  const out: number[][] = [];
  for (const [i, startPrice] of [10, 255, 5000, 0.5, 42].entries()) {
    const series = syntheticSeries({ length: 200, seed: 100 + i, startPrice, noise: 0.01, randomWalk: 0.01 });
    out.push(Array.from(series.subarray(0, LOOKBACK)), Array.from(series.subarray(120, 120 + LOOKBACK)));
  }
  return out;
}

describe('exportOnnx', () => {
  let result: TrainResult;
  let bytes: Uint8Array;

  beforeAll(() => {
    // Three blocks, so the residual (backcast) links are in the graph; a few epochs suffice for parity.
    result = train({ series: syntheticSeries({ length: 1500, seed: 21 }), lookback: LOOKBACK, horizon: HORIZON, blocks: 3, layersPerBlock: 2, hiddenSize: 32, epochs: 3, seed: 4 });
    bytes = exportOnnx(result.model, {
      version: 'nbeats-test-1',
      validation: result.metrics.validation,
      test: result.metrics.test,
      extra: { trainedOn: 'synthetic seed 21' },
    });
  });

  it('matches the TS forward pass on the normalised output (max abs diff < 1e-4)', async () => {
    const batch = histories();
    const fromOnnx = await runOnnx(bytes, batch);
    const fromTs = predict(result.model, batch);
    let maxDiff = 0;
    batch.forEach((history, r) => {
      const last = history[LOOKBACK - 1]!;
      for (let j = 0; j < HORIZON; j++) {
        maxDiff = Math.max(maxDiff, Math.abs(fromOnnx[r * HORIZON + j]! / last - fromTs[r]![j]! / last));
      }
    });
    expect(maxDiff).toBeLessThan(1e-4);
  });

  it('takes any batch size, including 1', async () => {
    const [first] = histories();
    const single = await runOnnx(bytes, [first!]);
    const ts = predict(result.model, [first!])[0]!;
    ts.forEach((value, j) => expect(Math.abs(single[j]! / value - 1)).toBeLessThan(1e-4));
  });

  it('round-trips its metadata', () => {
    const metadata = readOnnxMetadata(bytes);
    expect(metadata.lookback).toBe(LOOKBACK);
    expect(metadata.horizon).toBe(HORIZON);
    expect(metadata.version).toBe('nbeats-test-1');
    expect(metadata.config).toEqual(result.model.config);
    expect(metadata.validation).toEqual(result.metrics.validation);
    expect(metadata.test).toEqual(result.metrics.test);
    expect(metadata.perStepRelativeRmse).toEqual(result.metrics.validation.perStepRelativeRmse);
    expect(metadata.properties['trainedOn']).toBe('synthetic seed 21');
  });

  it('writes opset 17, IR 8, a dynamic batch dimension and standard ops only', () => {
    const proto = onnx.ModelProto.decode(bytes);
    expect(Number(proto.irVersion)).toBe(8);
    expect(proto.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 17]]);
    const graph = proto.graph;
    if (!graph) throw new Error('no graph');
    const dimsOf = (info: onnx.IValueInfoProto | undefined): Array<string | number> =>
      (info?.type?.tensorType?.shape?.dim ?? []).map((d) => d.dimParam || Number(d.dimValue));
    expect(graph.input?.map((i) => i.name)).toEqual(['history']);
    expect(dimsOf(graph.input?.[0])).toEqual(['batch', LOOKBACK]);
    expect(graph.output?.map((o) => o.name)).toEqual(['forecast']);
    expect(dimsOf(graph.output?.[0])).toEqual(['batch', HORIZON]);
    const ops = new Set((graph.node ?? []).map((n) => n.opType));
    for (const op of ops) expect(['Slice', 'Div', 'Sub', 'Add', 'Mul', 'MatMul', 'Relu']).toContain(op);
    const weightMatrices = (graph.initializer ?? []).filter((t) => t.dataType === onnx.TensorProto.DataType.FLOAT && t.dims?.length === 2);
    expect(weightMatrices).toHaveLength(
      // 3 blocks × (2 hidden + forecast) + 2 backcasts (the last block's is unused and not exported).
      3 * 3 + 2,
    );
  });

  it('refuses a model whose weights do not fit its config, and metadata without a version', () => {
    expect(() => exportOnnx({ config: result.model.config, params: new Float64Array(3) }, { version: 'x' })).toThrow(
      expect.objectContaining({ code: 'BAD_MODEL' }),
    );
    expect(() => exportOnnx(result.model, { version: '' })).toThrow(expect.objectContaining({ code: 'BAD_OPTION' }));
    expect(() => readOnnxMetadata(new Uint8Array([1, 2, 3, 4]))).toThrow(expect.objectContaining({ code: 'BAD_MODEL' }));
  });
});
