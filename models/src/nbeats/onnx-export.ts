// ONNX export of a trained N-BEATS model, and the reader for the metadata it embeds. The graph is the
// TS forward pass (network.ts) op for op, normalisation included, so a server feeds raw prices:
//   input  `history`  float32 [batch, lookback]
//   output `forecast` float32 [batch, horizon]
//   last = Slice(history, [lookback−1, lookback) on axis 1); xn = history / last − 1
//   per block: h = Relu(MatMul(h, W) + b) …; forecast_k = MatMul(h, Wf) + bf; r_{k+1} = r_k − (MatMul(h, Wb) + bb)
//   forecast = (Σ_k forecast_k + 1) · last
// Opset 17, IR version 8, standard ops only (Slice, Div, Sub, Add, Mul, MatMul, Relu); weights are
// float32 initializers (the model trains in float64; the cast costs ~1e-7 relative, see the parity test).
// The ONNX graph does not validate its input: a server must refuse non-positive or non-finite prices
// (e.g. with `predict`'s checks) before calling it.
import { onnx } from 'onnx-proto';
import { NBeatsInputError } from './errors';
import type { ForecastMetrics } from './metrics';
import { modelLayout, validateConfig, type DenseLayout, type NBeatsConfig, type NBeatsModel } from './model';

export const ONNX_OPSET = 17;
export const ONNX_IR_VERSION = 8;
export const ONNX_INPUT_NAME = 'history';
export const ONNX_OUTPUT_NAME = 'forecast';

/** metadata_props keys written by exportOnnx. */
export const METADATA_KEYS = {
  lookback: 'nbeats.lookback',
  horizon: 'nbeats.horizon',
  version: 'nbeats.version',
  config: 'nbeats.config',
  validationMetrics: 'nbeats.metrics.validation',
  testMetrics: 'nbeats.metrics.test',
  perStepRelativeRmse: 'nbeats.per_step_relative_rmse',
  normalisation: 'nbeats.normalisation',
} as const;

const NORMALISATION_NOTE = 'forecast = (nbeats(history / last - 1) + 1) * last, last = history[:, lookback-1]';

export interface OnnxExportMetadata {
  /** The model's version string (e.g. "nbeats-2024-05-01.1"); also the ONNX producer_version. */
  readonly version: string;
  /** Validation metrics; their perStepRelativeRmse is also written on its own key for the server's confidence. */
  readonly validation?: ForecastMetrics;
  readonly test?: ForecastMetrics | null;
  /** More string properties (data range, instrument…); keys starting with "nbeats." are reserved. */
  readonly extra?: Readonly<Record<string, string>>;
}

export interface OnnxMetadata {
  readonly lookback: number;
  readonly horizon: number;
  readonly version: string;
  readonly config: NBeatsConfig;
  /** As written, except that non-finite numbers (e.g. a NaN MASE) come back as null (JSON has no NaN). */
  readonly validation: ForecastMetrics | null;
  readonly test: ForecastMetrics | null;
  /** Validation relative RMSE per horizon step, or null if no validation metrics were exported. */
  readonly perStepRelativeRmse: number[] | null;
  /** Every metadata_props entry, the extra ones included. */
  readonly properties: Record<string, string>;
}

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

/** A float32 initializer; raw_data is little-endian by the ONNX spec, hence the DataView. */
function floatTensor(name: string, dims: number[], values: ArrayLike<number>): onnx.ITensorProto {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] as number, true);
  return { name, dims, dataType: FLOAT, rawData: bytes };
}

function int64Tensor(name: string, values: number[]): onnx.ITensorProto {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return { name, dims: [values.length], dataType: INT64, rawData: bytes };
}

function tensorValueInfo(name: string, width: number): onnx.IValueInfoProto {
  return {
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimParam: 'batch' }, { dimValue: width }] } } },
  };
}

/** JSON that survives NaN/Infinity as null instead of failing or writing invalid JSON. */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
}

/** Serialises `model` as an ONNX ModelProto (bytes ready for `InferenceSession.create(Buffer.from(bytes))`). */
export function exportOnnx(model: NBeatsModel, metadata: OnnxExportMetadata): Uint8Array {
  const { config, params } = model;
  validateConfig(config);
  const layout = modelLayout(config);
  if (params.length !== layout.parameterCount) {
    throw new NBeatsInputError('BAD_MODEL', `model has ${params.length} parameters, its config needs ${layout.parameterCount}`);
  }
  if (typeof metadata.version !== 'string' || metadata.version.length === 0) {
    throw new NBeatsInputError('BAD_OPTION', 'metadata.version must be a non-empty string');
  }
  for (const value of params) {
    if (!Number.isFinite(value)) throw new NBeatsInputError('BAD_MODEL', 'model has non-finite weights');
  }

  const nodes: onnx.INodeProto[] = [];
  const initializers: onnx.ITensorProto[] = [];
  const node = (opType: string, inputs: string[], output: string): string => {
    nodes.push({ opType, input: inputs, output: [output], name: output });
    return output;
  };
  const dense = (input: string, layer: DenseLayout, name: string): string => {
    const weight = `${name}.weight`;
    const bias = `${name}.bias`;
    initializers.push(
      floatTensor(weight, [layer.inSize, layer.outSize], params.subarray(layer.weightOffset, layer.weightOffset + layer.inSize * layer.outSize)),
      floatTensor(bias, [layer.outSize], params.subarray(layer.biasOffset, layer.biasOffset + layer.outSize)),
    );
    return node('Add', [node('MatMul', [input, weight], `${name}.matmul`), bias], `${name}.out`);
  };

  initializers.push(
    int64Tensor('last.starts', [config.lookback - 1]),
    int64Tensor('last.ends', [config.lookback]),
    int64Tensor('last.axes', [1]),
    floatTensor('one', [], [1]),
  );
  const last = node('Slice', [ONNX_INPUT_NAME, 'last.starts', 'last.ends', 'last.axes'], 'last');
  let residual = node('Sub', [node('Div', [ONNX_INPUT_NAME, last], 'ratio'), 'one'], 'normalised');

  let forecastSum = '';
  layout.blocks.forEach((block, k) => {
    let hidden = residual;
    block.hidden.forEach((layer, l) => {
      hidden = node('Relu', [dense(hidden, layer, `block${k}.fc${l}`)], `block${k}.fc${l}.relu`);
    });
    const blockForecast = dense(hidden, block.forecast, `block${k}.forecast`);
    forecastSum = k === 0 ? blockForecast : node('Add', [forecastSum, blockForecast], `forecast_sum${k}`);
    // The last block's backcast feeds nothing; leaving it out keeps the graph free of dead nodes.
    if (k < layout.blocks.length - 1) {
      residual = node('Sub', [residual, dense(hidden, block.backcast, `block${k}.backcast`)], `residual${k + 1}`);
    }
  });
  node('Mul', [node('Add', [forecastSum, 'one'], 'forecast_ratio'), last], ONNX_OUTPUT_NAME);

  const props: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata.extra ?? {})) {
    if (key.startsWith('nbeats.')) throw new NBeatsInputError('BAD_OPTION', `metadata key ${key} is reserved`);
    props[key] = String(value);
  }
  props[METADATA_KEYS.lookback] = String(config.lookback);
  props[METADATA_KEYS.horizon] = String(config.horizon);
  props[METADATA_KEYS.version] = metadata.version;
  props[METADATA_KEYS.config] = toJson(config);
  props[METADATA_KEYS.normalisation] = NORMALISATION_NOTE;
  if (metadata.validation) {
    props[METADATA_KEYS.validationMetrics] = toJson(metadata.validation);
    props[METADATA_KEYS.perStepRelativeRmse] = toJson(metadata.validation.perStepRelativeRmse);
  }
  if (metadata.test) props[METADATA_KEYS.testMetrics] = toJson(metadata.test);

  const proto = onnx.ModelProto.create({
    irVersion: ONNX_IR_VERSION,
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    producerName: 'aitrader-nbeats',
    producerVersion: metadata.version,
    docString: `N-BEATS (generic) price forecaster: ${NORMALISATION_NOTE}`,
    graph: {
      name: 'nbeats',
      node: nodes,
      initializer: initializers,
      input: [tensorValueInfo(ONNX_INPUT_NAME, config.lookback)],
      output: [tensorValueInfo(ONNX_OUTPUT_NAME, config.horizon)],
    },
    metadataProps: Object.entries(props).map(([key, value]) => ({ key, value })),
  });
  return onnx.ModelProto.encode(proto).finish();
}

function parseJson<T>(text: string | undefined, key: string): T | null {
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new NBeatsInputError('BAD_MODEL', `metadata ${key} is not valid JSON`);
  }
}

/** Reads back the metadata exportOnnx wrote. Throws NBeatsInputError('BAD_MODEL') if it is not there. */
export function readOnnxMetadata(bytes: Uint8Array): OnnxMetadata {
  let proto: onnx.ModelProto;
  try {
    proto = onnx.ModelProto.decode(bytes);
  } catch (error) {
    throw new NBeatsInputError('BAD_MODEL', `not an ONNX model: ${(error as Error).message}`);
  }
  const properties: Record<string, string> = {};
  for (const entry of proto.metadataProps) properties[entry.key ?? ''] = entry.value ?? '';
  const lookback = Number(properties[METADATA_KEYS.lookback]);
  const horizon = Number(properties[METADATA_KEYS.horizon]);
  const version = properties[METADATA_KEYS.version];
  const config = parseJson<NBeatsConfig>(properties[METADATA_KEYS.config], METADATA_KEYS.config);
  if (!Number.isInteger(lookback) || !Number.isInteger(horizon) || version === undefined || config === null) {
    throw new NBeatsInputError('BAD_MODEL', 'the ONNX model has no N-BEATS metadata (lookback, horizon, version, config)');
  }
  return {
    lookback,
    horizon,
    version,
    config,
    validation: parseJson<ForecastMetrics>(properties[METADATA_KEYS.validationMetrics], METADATA_KEYS.validationMetrics),
    test: parseJson<ForecastMetrics>(properties[METADATA_KEYS.testMetrics], METADATA_KEYS.testMetrics),
    perStepRelativeRmse: parseJson<number[]>(properties[METADATA_KEYS.perStepRelativeRmse], METADATA_KEYS.perStepRelativeRmse),
    properties,
  };
}
