// JSON checkpoints of a model (config + float64 weights). JSON numbers print the shortest decimal that
// reads back as the same double, so a checkpoint round-trips bit for bit.
import { NBeatsInputError } from './errors';
import { modelLayout, validateConfig, type NBeatsConfig, type NBeatsModel } from './model';

const FORMAT = 'aitrader.nbeats';
const FORMAT_VERSION = 1;

interface SerializedModel {
  readonly format: typeof FORMAT;
  readonly formatVersion: typeof FORMAT_VERSION;
  readonly config: NBeatsConfig;
  readonly params: number[];
}

export function serializeModel(model: NBeatsModel): string {
  const serialized: SerializedModel = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    config: {
      lookback: model.config.lookback,
      horizon: model.config.horizon,
      blocks: model.config.blocks,
      layersPerBlock: model.config.layersPerBlock,
      hiddenSize: model.config.hiddenSize,
    },
    params: Array.from(model.params),
  };
  return JSON.stringify(serialized);
}

export function deserializeModel(json: string): NBeatsModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new NBeatsInputError('BAD_MODEL', `checkpoint is not JSON: ${(error as Error).message}`);
  }
  const candidate = parsed as Partial<SerializedModel> | null;
  if (candidate === null || typeof candidate !== 'object' || candidate.format !== FORMAT || candidate.formatVersion !== FORMAT_VERSION) {
    throw new NBeatsInputError('BAD_MODEL', `checkpoint is not an ${FORMAT} v${FORMAT_VERSION} model`);
  }
  const { config, params } = candidate;
  if (config === undefined || config === null || typeof config !== 'object' || !Array.isArray(params)) {
    throw new NBeatsInputError('BAD_MODEL', 'checkpoint lacks config or params');
  }
  const cleanConfig: NBeatsConfig = {
    lookback: config.lookback,
    horizon: config.horizon,
    blocks: config.blocks,
    layersPerBlock: config.layersPerBlock,
    hiddenSize: config.hiddenSize,
  };
  validateConfig(cleanConfig);
  const expected = modelLayout(cleanConfig).parameterCount;
  if (params.length !== expected) {
    throw new NBeatsInputError('BAD_MODEL', `checkpoint has ${params.length} parameters, its config needs ${expected}`);
  }
  if (!params.every((p) => typeof p === 'number' && Number.isFinite(p))) {
    throw new NBeatsInputError('BAD_MODEL', 'checkpoint has non-numeric or non-finite parameters');
  }
  return { config: cleanConfig, params: Float64Array.from(params) };
}
