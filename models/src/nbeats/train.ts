// Training: minibatch Adam on the MSE of the normalised forecast, over a chronological split of one
// price series, with early stopping on validation loss (the best epoch's weights are returned), a
// progress callback per epoch, and validation/test metrics against the naive last-value forecast.
// Deterministic: initialisation and batch order come from seeded generators, never from the clock.
import { splitChronologically, type ChronologicalSplit, type Windows } from './data';
import { assertIntegerOption, NBeatsInputError } from './errors';
import { evaluateForecasts, naiveOneStepMae, type ForecastMetrics } from './metrics';
import { DEFAULT_CONFIG, initModel, modelLayout, blockViews, validateConfig, type NBeatsConfig, type NBeatsModel } from './model';
import { forecastFlat, forwardNormalised, lossAndGradient, normaliseHistories, normaliseTargets, Workspace } from './network';
import { createRng, deriveSeed } from './rng';

export interface TrainOptions extends Partial<NBeatsConfig> {
  /** Raw prices, oldest first, all finite and > 0. */
  readonly series: ArrayLike<number>;
  /** Adam step size. Default 1e-3. */
  readonly learningRate?: number;
  /** Maximum passes over the training windows. Default 30. */
  readonly epochs?: number;
  /** Windows per Adam step. Default 64. */
  readonly batchSize?: number;
  /** Seeds weight initialisation and batch order. Default 0. */
  readonly seed?: number;
  /** Step between training windows. Default 1. */
  readonly stride?: number;
  /** Share of the series used for validation targets (early stopping, per-step errors). Default 0.15. */
  readonly validationFraction?: number;
  /** Share of the series, at its end, held out for the test metrics; 0 = none. Default 0.15. */
  readonly testFraction?: number;
  /** Stop after this many epochs without a lower validation loss; Infinity never stops early. Default 8. */
  readonly patience?: number;
}

export interface TrainProgress {
  /** 1-based epoch just finished. */
  readonly epoch: number;
  readonly epochs: number;
  /** Mean training MSE (normalised units) over the epoch's minibatches. */
  readonly trainLoss: number;
  /** Validation MSE (normalised units) after the epoch. */
  readonly valLoss: number;
  readonly bestValLoss: number;
  readonly bestEpoch: number;
  /** epoch / epochs, except that the last report is 1 even when training stops early. */
  readonly fraction: number;
}

export interface TrainCallbacks {
  readonly onProgress?: (progress: TrainProgress) => void;
}

export interface EpochRecord {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly valLoss: number;
}

export interface TrainResult {
  /** The weights of the epoch with the lowest validation loss. */
  readonly model: NBeatsModel;
  readonly metrics: {
    readonly validation: ForecastMetrics;
    /** Null when testFraction is 0 or the test segment is shorter than one window. */
    readonly test: ForecastMetrics | null;
  };
  readonly history: EpochRecord[];
  /** Epoch whose weights were kept; 0 means the initial weights (no epoch had a finite validation loss, e.g. divergence). */
  readonly bestEpoch: number;
  readonly stoppedEarly: boolean;
  readonly split: { readonly trainWindows: number; readonly validationWindows: number; readonly testWindows: number; readonly trainEnd: number; readonly validationEnd: number };
}

interface ResolvedOptions {
  readonly config: NBeatsConfig;
  readonly learningRate: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly stride: number;
  readonly validationFraction: number;
  readonly testFraction: number;
  readonly patience: number;
}

function resolveOptions(options: TrainOptions): ResolvedOptions {
  const config: NBeatsConfig = {
    lookback: options.lookback ?? DEFAULT_CONFIG.lookback,
    horizon: options.horizon ?? DEFAULT_CONFIG.horizon,
    blocks: options.blocks ?? DEFAULT_CONFIG.blocks,
    layersPerBlock: options.layersPerBlock ?? DEFAULT_CONFIG.layersPerBlock,
    hiddenSize: options.hiddenSize ?? DEFAULT_CONFIG.hiddenSize,
  };
  validateConfig(config);
  const resolved: ResolvedOptions = {
    config,
    learningRate: options.learningRate ?? 1e-3,
    epochs: options.epochs ?? 30,
    batchSize: options.batchSize ?? 64,
    seed: options.seed ?? 0,
    stride: options.stride ?? 1,
    validationFraction: options.validationFraction ?? 0.15,
    testFraction: options.testFraction ?? 0.15,
    patience: options.patience ?? 8,
  };
  if (!(Number.isFinite(resolved.learningRate) && resolved.learningRate > 0)) {
    throw new NBeatsInputError('BAD_OPTION', `learningRate must be a finite number > 0, got ${resolved.learningRate}`);
  }
  assertIntegerOption(resolved.epochs, 'epochs', 1);
  assertIntegerOption(resolved.batchSize, 'batchSize', 1);
  assertIntegerOption(resolved.seed, 'seed', 0, 0xffffffff);
  if (resolved.patience !== Infinity) assertIntegerOption(resolved.patience, 'patience', 1);
  return resolved;
}

/** Adam (Kingma & Ba 2015) over the flat parameter vector, with the paper's bias-corrected step size. */
class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private step = 0;
  constructor(
    size: number,
    private readonly learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-8,
  ) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  update(params: Float64Array, grad: Float64Array): void {
    this.step++;
    const { m, v, beta1, beta2, epsilon } = this;
    const stepSize = (this.learningRate * Math.sqrt(1 - beta2 ** this.step)) / (1 - beta1 ** this.step);
    for (let i = 0; i < params.length; i++) {
      const g = grad[i]!;
      const mi = beta1 * m[i]! + (1 - beta1) * g;
      const vi = beta2 * v[i]! + (1 - beta2) * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] = params[i]! - (stepSize * mi) / (Math.sqrt(vi) + epsilon);
    }
  }
}

/** A split's windows normalised once up front (each row by its own last price), so batches only copy rows. */
interface NormalisedWindows {
  readonly count: number;
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
}

function normaliseWindows(windows: Windows): NormalisedWindows {
  const { count, lookback, horizon } = windows;
  const inputs = new Float64Array(count * lookback);
  const targets = new Float64Array(count * horizon);
  normaliseHistories(windows.inputs, count, lookback, inputs);
  normaliseTargets(windows.inputs, windows.targets, count, lookback, horizon, targets);
  return { count, inputs, targets };
}

/** Normalised MSE of the model on `data`, in chunks through `ws` (forward only). */
function meanSquaredError(views: ReturnType<typeof blockViews>, ws: Workspace, data: NormalisedWindows): number {
  const { lookback, horizon } = ws.config;
  let sum = 0;
  for (let start = 0; start < data.count; start += ws.capacity) {
    const rows = Math.min(ws.capacity, data.count - start);
    ws.input.set(data.inputs.subarray(start * lookback, (start + rows) * lookback));
    const forecast = forwardNormalised(views, ws, rows);
    for (let i = 0; i < rows * horizon; i++) {
      const e = forecast[i]! - data.targets[start * horizon + i]!;
      sum += e * e;
    }
  }
  return sum / (data.count * horizon);
}

/**
 * Trains an N-BEATS model on `options.series`. Synchronous and CPU-bound (seconds for a small model on
 * ~10k windows); a server should run it in a worker thread. Throws NBeatsInputError on bad options or a
 * series that is too short or holds non-finite or non-positive prices.
 */
export function train(options: TrainOptions, callbacks: TrainCallbacks = {}): TrainResult {
  const opts = resolveOptions(options);
  const { config } = opts;
  const split: ChronologicalSplit = splitChronologically(options.series, {
    lookback: config.lookback,
    horizon: config.horizon,
    stride: opts.stride,
    validationFraction: opts.validationFraction,
    testFraction: opts.testFraction,
  });
  const trainData = normaliseWindows(split.train);
  const validationData = normaliseWindows(split.validation);

  // Separate streams: changing the architecture changes how many numbers initialisation draws, and
  // that should not change the batch order.
  const model = initModel(config, createRng(deriveSeed(opts.seed, 0)));
  const shuffleRng = createRng(deriveSeed(opts.seed, 1));
  const layout = modelLayout(config);
  const views = blockViews(model.params, layout);
  const grad = new Float64Array(layout.parameterCount);
  const gradViews = blockViews(grad, layout);
  const adam = new Adam(layout.parameterCount, opts.learningRate);
  const ws = new Workspace(config, Math.min(opts.batchSize, trainData.count));
  const batchTargets = new Float64Array(ws.capacity * config.horizon);
  const order = new Uint32Array(trainData.count);
  for (let i = 0; i < order.length; i++) order[i] = i;

  const bestParams = new Float64Array(model.params);
  let bestValLoss = Infinity;
  let bestEpoch = 0;
  let epochsWithoutImprovement = 0;
  let stoppedEarly = false;
  const history: EpochRecord[] = [];
  const { lookback, horizon } = config;

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffleRng.shuffleInPlace(order);
    let lossSum = 0;
    for (let start = 0; start < order.length; start += ws.capacity) {
      const rows = Math.min(ws.capacity, order.length - start);
      for (let r = 0; r < rows; r++) {
        const w = order[start + r]!;
        ws.input.set(trainData.inputs.subarray(w * lookback, (w + 1) * lookback), r * lookback);
        batchTargets.set(trainData.targets.subarray(w * horizon, (w + 1) * horizon), r * horizon);
      }
      lossSum += lossAndGradient(views, gradViews, grad, ws, rows, batchTargets) * rows;
      adam.update(model.params, grad);
    }
    const trainLoss = lossSum / order.length;
    const valLoss = meanSquaredError(views, ws, validationData);
    history.push({ epoch, trainLoss, valLoss });

    if (valLoss < bestValLoss) {
      bestValLoss = valLoss;
      bestEpoch = epoch;
      bestParams.set(model.params);
      epochsWithoutImprovement = 0;
    } else {
      epochsWithoutImprovement++;
    }
    // A non-finite loss never recovers (NaN weights stay NaN): stop and keep the best weights so far.
    const diverged = !Number.isFinite(trainLoss) || !Number.isFinite(valLoss);
    const stop = diverged || epochsWithoutImprovement >= opts.patience;
    const last = stop || epoch === opts.epochs;
    callbacks.onProgress?.({ epoch, epochs: opts.epochs, trainLoss, valLoss, bestValLoss, bestEpoch, fraction: last ? 1 : epoch / opts.epochs });
    if (stop && epoch < opts.epochs) {
      stoppedEarly = true;
      break;
    }
  }
  model.params.set(bestParams);

  const maseScale = naiveOneStepMae(Array.from({ length: split.trainEnd }, (_, i) => options.series[i] as number));
  const score = (windows: Windows): ForecastMetrics =>
    evaluateForecasts(windows, forecastFlat(model, windows.inputs, windows.count), maseScale);

  return {
    model,
    metrics: { validation: score(split.validation), test: split.test.count > 0 ? score(split.test) : null },
    history,
    bestEpoch,
    stoppedEarly,
    split: {
      trainWindows: split.train.count,
      validationWindows: split.validation.count,
      testWindows: split.test.count,
      trainEnd: split.trainEnd,
      validationEnd: split.validationEnd,
    },
  };
}
