// The N-BEATS model as data: its architecture (NBeatsConfig), one flat Float64Array of parameters
// and the layout that says which slice of that vector is which layer. Keeping every parameter in one
// vector makes Adam a single loop, serialization one array, and "bit-identical weights" one comparison.
//
// Generic N-BEATS (Oreshkin et al. 2019, "generic" blocks): block k takes a residual r_k, runs
// `layersPerBlock` fully connected ReLU layers of width `hiddenSize`, then two linear heads — backcast
// (length lookback) and forecast (length horizon). r_{k+1} = r_k − backcast_k; the model's forecast
// is Σ_k forecast_k. The paper's generic block has a bias-free θ layer before each linear basis; two
// linear maps in a row are one linear map, so each head here is a single dense layer.
import { assertIntegerOption, NBeatsInputError } from './errors';
import type { DenseView } from './linalg';
import { createRng, type Rng } from './rng';

export interface NBeatsConfig {
  /** Prices in one input history. The platform feeds 60 closes. */
  readonly lookback: number;
  /** Prices forecast after the history. */
  readonly horizon: number;
  /** Stacked blocks. */
  readonly blocks: number;
  /** Fully connected ReLU layers in each block, before the two linear heads. */
  readonly layersPerBlock: number;
  /** Width of those layers. */
  readonly hiddenSize: number;
}

/** The defaults of the platform's seed model: 60 closes in, 10 out. */
export const DEFAULT_CONFIG: NBeatsConfig = {
  lookback: 60,
  horizon: 10,
  blocks: 3,
  layersPerBlock: 3,
  hiddenSize: 64,
};

export interface NBeatsModel {
  readonly config: NBeatsConfig;
  /** All weights and biases, laid out as `modelLayout(config)` says. Float64 while training. */
  readonly params: Float64Array;
}

/** Where a dense layer's weights ([inSize, outSize], row-major) and biases sit in the parameter vector. */
export interface DenseLayout {
  readonly inSize: number;
  readonly outSize: number;
  readonly weightOffset: number;
  readonly biasOffset: number;
}

export interface BlockLayout {
  /** The fully connected ReLU layers, first to last. */
  readonly hidden: readonly DenseLayout[];
  readonly backcast: DenseLayout;
  readonly forecast: DenseLayout;
}

export interface ModelLayout {
  readonly blocks: readonly BlockLayout[];
  readonly parameterCount: number;
}

// Upper bounds that keep a typo (hiddenSize: 64000) from allocating gigabytes; far above anything useful.
const MAX_SEQUENCE = 10_000;
const MAX_BLOCKS = 64;
const MAX_LAYERS = 32;
const MAX_HIDDEN = 4096;

export function validateConfig(config: NBeatsConfig): void {
  assertIntegerOption(config.lookback, 'lookback', 2, MAX_SEQUENCE);
  assertIntegerOption(config.horizon, 'horizon', 1, MAX_SEQUENCE);
  assertIntegerOption(config.blocks, 'blocks', 1, MAX_BLOCKS);
  assertIntegerOption(config.layersPerBlock, 'layersPerBlock', 1, MAX_LAYERS);
  assertIntegerOption(config.hiddenSize, 'hiddenSize', 1, MAX_HIDDEN);
}

/** Parameter order: block by block; within a block the hidden layers, then backcast, then forecast; W before b. */
export function modelLayout(config: NBeatsConfig): ModelLayout {
  let offset = 0;
  const dense = (inSize: number, outSize: number): DenseLayout => {
    const layout = { inSize, outSize, weightOffset: offset, biasOffset: offset + inSize * outSize };
    offset += inSize * outSize + outSize;
    return layout;
  };
  const blocks: BlockLayout[] = [];
  for (let b = 0; b < config.blocks; b++) {
    const hidden: DenseLayout[] = [];
    for (let l = 0; l < config.layersPerBlock; l++) {
      hidden.push(dense(l === 0 ? config.lookback : config.hiddenSize, config.hiddenSize));
    }
    blocks.push({ hidden, backcast: dense(config.hiddenSize, config.lookback), forecast: dense(config.hiddenSize, config.horizon) });
  }
  return { blocks, parameterCount: offset };
}

export function denseView(vector: Float64Array, layout: DenseLayout): DenseView {
  return {
    inSize: layout.inSize,
    outSize: layout.outSize,
    weight: vector.subarray(layout.weightOffset, layout.weightOffset + layout.inSize * layout.outSize),
    bias: vector.subarray(layout.biasOffset, layout.biasOffset + layout.outSize),
  };
}

/** The layers of every block as views into `vector` (the parameters, or a gradient of the same layout). */
export interface BlockViews {
  readonly hidden: readonly DenseView[];
  readonly backcast: DenseView;
  readonly forecast: DenseView;
}

export function blockViews(vector: Float64Array, layout: ModelLayout): BlockViews[] {
  if (vector.length !== layout.parameterCount) {
    throw new NBeatsInputError('BAD_MODEL', `parameter vector has ${vector.length} values, the architecture needs ${layout.parameterCount}`);
  }
  return layout.blocks.map((block) => ({
    hidden: block.hidden.map((layer) => denseView(vector, layer)),
    backcast: denseView(vector, block.backcast),
    forecast: denseView(vector, block.forecast),
  }));
}

/**
 * A freshly initialised model. ReLU layers get He-uniform weights (variance 2/fan_in keeps activations
 * from shrinking through ReLUs); the linear heads get Xavier/Glorot-uniform; all biases start at 0.
 * Initialisation draws from `rng` in parameter order, so the same seed gives the same weights.
 */
export function initModel(config: NBeatsConfig, rng: Rng): NBeatsModel {
  validateConfig(config);
  const layout = modelLayout(config);
  const params = new Float64Array(layout.parameterCount);
  const fill = (layer: DenseLayout, limit: number): void => {
    const end = layer.weightOffset + layer.inSize * layer.outSize;
    for (let i = layer.weightOffset; i < end; i++) params[i] = rng.uniform(-limit, limit);
  };
  for (const block of layout.blocks) {
    for (const layer of block.hidden) fill(layer, Math.sqrt(6 / layer.inSize));
    for (const head of [block.backcast, block.forecast]) fill(head, Math.sqrt(6 / (head.inSize + head.outSize)));
  }
  return { config: { ...config }, params };
}

/** Convenience: `initModel` with its own generator from a seed. */
export function createModel(config: Partial<NBeatsConfig> = {}, seed = 0): NBeatsModel {
  return initModel({ ...DEFAULT_CONFIG, ...config }, createRng(seed));
}

/** A deep copy (training keeps the best-so-far weights this way). */
export function cloneModel(model: NBeatsModel): NBeatsModel {
  return { config: { ...model.config }, params: new Float64Array(model.params) };
}
