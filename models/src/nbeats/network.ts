// The N-BEATS computation on normalised data: forward pass, MSE loss and its exact gradient by hand-
// written backpropagation. Both training and `predict` run this one forward pass, so what is trained
// is what is served (the ONNX graph mirrors it op for op, see onnx-export.ts).
//
// Normalisation (scale-free, part of the model): last = x[lookback−1]; xn = x / last − 1; the network
// maps xn to fn; forecast = (fn + 1) · last. Prices at 10 and at 5000 with the same shape give the same
// normalised forecast, so one model serves every instrument.
import {
  denseBackwardInput,
  denseBackwardParams,
  denseForward,
  reluBackwardInPlace,
  reluInPlace,
} from './linalg';
import { blockViews, modelLayout, type BlockViews, type NBeatsConfig, type NBeatsModel } from './model';

/** Buffers for one batch of up to `capacity` rows, allocated once and reused batch after batch. */
export class Workspace {
  /** residuals[k] is block k's input r_k; residuals[0] is the normalised history. */
  readonly residuals: Float64Array[];
  /** activations[k][l] is the ReLU output of layer l of block k. */
  readonly activations: Float64Array[][];
  /** Σ_k forecast_k, the normalised forecast fn. */
  readonly forecast: Float64Array;
  readonly headScratch: Float64Array;
  readonly dForecast: Float64Array;
  /** dLoss/dr_{k+1} while block k is back-propagated. */
  readonly dResidual: Float64Array;
  readonly dBackcast: Float64Array;
  readonly dHiddenA: Float64Array;
  readonly dHiddenB: Float64Array;

  constructor(
    readonly config: NBeatsConfig,
    readonly capacity: number,
  ) {
    const { lookback, horizon, blocks, layersPerBlock, hiddenSize } = config;
    const rowsOf = (width: number): Float64Array => new Float64Array(capacity * width);
    this.residuals = Array.from({ length: blocks }, () => rowsOf(lookback));
    this.activations = Array.from({ length: blocks }, () => Array.from({ length: layersPerBlock }, () => rowsOf(hiddenSize)));
    this.forecast = rowsOf(horizon);
    this.headScratch = rowsOf(Math.max(lookback, horizon));
    this.dForecast = rowsOf(horizon);
    this.dResidual = rowsOf(lookback);
    this.dBackcast = rowsOf(lookback);
    this.dHiddenA = rowsOf(hiddenSize);
    this.dHiddenB = rowsOf(hiddenSize);
  }

  /** Block 0's input: the caller writes the normalised histories here before a forward pass. */
  get input(): Float64Array {
    return this.residuals[0]!;
  }
}

/** Parameter views of a model, computed once per model (cheap, but not free in a per-batch loop). */
export function modelViews(model: NBeatsModel): BlockViews[] {
  return blockViews(model.params, modelLayout(model.config));
}

/**
 * Forward pass over `rows` normalised histories already in `ws.input`; the normalised forecast lands
 * in `ws.forecast`. Every intermediate the backward pass needs is kept in the workspace.
 */
export function forwardNormalised(views: readonly BlockViews[], ws: Workspace, rows: number): Float64Array {
  const { lookback, horizon } = ws.config;
  const blockCount = views.length;
  for (let k = 0; k < blockCount; k++) {
    const block = views[k]!;
    const activations = ws.activations[k]!;
    let layerInput = ws.residuals[k]!;
    for (let l = 0; l < block.hidden.length; l++) {
      const out = activations[l]!;
      denseForward(layerInput, rows, block.hidden[l]!, out);
      reluInPlace(out, rows * block.hidden[l]!.outSize);
      layerInput = out;
    }
    if (k === 0) {
      denseForward(layerInput, rows, block.forecast, ws.forecast);
    } else {
      denseForward(layerInput, rows, block.forecast, ws.headScratch);
      const sum = ws.forecast;
      for (let i = 0; i < rows * horizon; i++) sum[i] = sum[i]! + ws.headScratch[i]!;
    }
    // The last block's backcast feeds nothing, so it is not computed (nor exported to ONNX).
    if (k < blockCount - 1) {
      denseForward(layerInput, rows, block.backcast, ws.headScratch);
      const current = ws.residuals[k]!;
      const next = ws.residuals[k + 1]!;
      for (let i = 0; i < rows * lookback; i++) next[i] = current[i]! - ws.headScratch[i]!;
    }
  }
  return ws.forecast;
}

/**
 * Mean squared error of the normalised forecast against normalised targets (rows × horizon, row-major)
 * and its gradient with respect to every parameter, written (not added) into `grad` (same layout as
 * the parameters). Returns the loss.
 */
export function lossAndGradient(
  views: readonly BlockViews[],
  gradViews: readonly BlockViews[],
  grad: Float64Array,
  ws: Workspace,
  rows: number,
  targets: Float64Array,
): number {
  const { lookback, horizon } = ws.config;
  const forecast = forwardNormalised(views, ws, rows);

  const count = rows * horizon;
  const dForecast = ws.dForecast;
  let sumSquares = 0;
  for (let i = 0; i < count; i++) {
    const error = forecast[i]! - targets[i]!;
    sumSquares += error * error;
    dForecast[i] = (2 * error) / count;
  }

  grad.fill(0);
  const dResidual = ws.dResidual;
  dResidual.fill(0, 0, rows * lookback);
  const blockCount = views.length;
  for (let k = blockCount - 1; k >= 0; k--) {
    const block = views[k]!;
    const gradBlock = gradViews[k]!;
    const activations = ws.activations[k]!;
    const layerCount = block.hidden.length;
    const top = activations[layerCount - 1]!;
    let dHidden = ws.dHiddenA;
    let dSpare = ws.dHiddenB;

    // Every block's forecast is added into the output, so each receives the output gradient unchanged.
    denseBackwardParams(top, dForecast, rows, gradBlock.forecast);
    denseBackwardInput(dForecast, rows, block.forecast, dHidden, false);

    // r_{k+1} = r_k − backcast_k, so dLoss/dbackcast_k = −dLoss/dr_{k+1} (zero for the last block).
    if (k < blockCount - 1) {
      const dBackcast = ws.dBackcast;
      for (let i = 0; i < rows * lookback; i++) dBackcast[i] = -dResidual[i]!;
      denseBackwardParams(top, dBackcast, rows, gradBlock.backcast);
      denseBackwardInput(dBackcast, rows, block.backcast, dHidden, true);
    }

    for (let l = layerCount - 1; l >= 0; l--) {
      const layer = block.hidden[l]!;
      reluBackwardInPlace(dHidden, activations[l]!, rows * layer.outSize);
      const layerInput = l === 0 ? ws.residuals[k]! : activations[l - 1]!;
      denseBackwardParams(layerInput, dHidden, rows, gradBlock.hidden[l]!);
      if (l > 0) {
        denseBackwardInput(dHidden, rows, layer, dSpare, false);
        [dHidden, dSpare] = [dSpare, dHidden];
      } else if (k > 0) {
        // dLoss/dr_k = dLoss/dr_{k+1} (through the residual link) + this block's input gradient.
        denseBackwardInput(dHidden, rows, layer, dResidual, true);
      }
    }
  }
  return sumSquares / count;
}

/** Writes x / last − 1 for each history row of `source` (rows × lookback) into `out`. */
export function normaliseHistories(source: ArrayLike<number>, rows: number, lookback: number, out: Float64Array, outOffset = 0): void {
  for (let r = 0; r < rows; r++) {
    const row = r * lookback;
    const last = source[row + lookback - 1]!;
    for (let i = 0; i < lookback; i++) out[outOffset + row + i] = source[row + i]! / last - 1;
  }
}

/** Writes y / last − 1 for each target row, `last` being the matching history's last price. */
export function normaliseTargets(
  histories: ArrayLike<number>,
  targets: ArrayLike<number>,
  rows: number,
  lookback: number,
  horizon: number,
  out: Float64Array,
): void {
  for (let r = 0; r < rows; r++) {
    const last = histories[r * lookback + lookback - 1]!;
    for (let j = 0; j < horizon; j++) out[r * horizon + j] = targets[r * horizon + j]! / last - 1;
  }
}

/** Rows per forward chunk when predicting many histories: bounds the workspace's memory. */
const PREDICT_CHUNK = 512;

/**
 * Raw-price forecasts for `rows` raw histories (rows × lookback, row-major; already validated), as
 * rows × horizon. The trainer evaluates validation and test windows with this too.
 */
export function forecastFlat(model: NBeatsModel, histories: ArrayLike<number>, rows: number): Float64Array {
  const { lookback, horizon } = model.config;
  const views = modelViews(model);
  const ws = new Workspace(model.config, Math.max(1, Math.min(rows, PREDICT_CHUNK)));
  const out = new Float64Array(rows * horizon);
  const chunk = new Float64Array(ws.capacity * lookback);
  for (let start = 0; start < rows; start += ws.capacity) {
    const n = Math.min(ws.capacity, rows - start);
    for (let i = 0; i < n * lookback; i++) chunk[i] = histories[start * lookback + i]!;
    normaliseHistories(chunk, n, lookback, ws.input);
    const fn = forwardNormalised(views, ws, n);
    for (let r = 0; r < n; r++) {
      const last = chunk[r * lookback + lookback - 1]!;
      for (let j = 0; j < horizon; j++) out[(start + r) * horizon + j] = (fn[r * horizon + j]! + 1) * last;
    }
  }
  return out;
}
