// Checks the hand-written backpropagation against central finite differences on a tiny network with
// three blocks, so the residual (backcast) path between blocks is part of what is checked.
import { createRng } from './rng';
import { initModel, modelLayout, blockViews, type NBeatsConfig } from './model';
import { forwardNormalised, lossAndGradient, normaliseHistories, normaliseTargets, Workspace } from './network';

const config: NBeatsConfig = { lookback: 6, horizon: 3, blocks: 3, layersPerBlock: 2, hiddenSize: 5 };
const rows = 4;

function tinyBatch(): { inputs: Float64Array; targets: Float64Array } {
  const rng = createRng(123);
  const histories = new Float64Array(rows * config.lookback);
  const futures = new Float64Array(rows * config.horizon);
  for (let r = 0; r < rows; r++) {
    let price = rng.uniform(10, 1000);
    for (let i = 0; i < config.lookback; i++) histories[r * config.lookback + i] = price *= Math.exp(rng.normal() * 0.2);
    for (let j = 0; j < config.horizon; j++) futures[r * config.horizon + j] = price *= Math.exp(rng.normal() * 0.2);
  }
  const inputs = new Float64Array(rows * config.lookback);
  const targets = new Float64Array(rows * config.horizon);
  normaliseHistories(histories, rows, config.lookback, inputs);
  normaliseTargets(histories, futures, rows, config.lookback, config.horizon, targets);
  return { inputs, targets };
}

describe('N-BEATS backpropagation', () => {
  it('matches central finite differences (relative error < 1e-5)', () => {
    const model = initModel(config, createRng(7));
    // Non-zero biases so no bias gradient is checked only at its initial value of 0.
    const rng = createRng(8);
    for (let i = 0; i < model.params.length; i++) model.params[i] = model.params[i]! + rng.uniform(-0.05, 0.05);
    const layout = modelLayout(config);
    const views = blockViews(model.params, layout);
    const grad = new Float64Array(layout.parameterCount);
    const gradViews = blockViews(grad, layout);
    const ws = new Workspace(config, rows);
    const { inputs, targets } = tinyBatch();

    const loss = (): number => {
      ws.input.set(inputs);
      const forecast = forwardNormalised(views, ws, rows);
      let sum = 0;
      for (let i = 0; i < rows * config.horizon; i++) sum += (forecast[i]! - targets[i]!) ** 2;
      return sum / (rows * config.horizon);
    };

    ws.input.set(inputs);
    const analyticLoss = lossAndGradient(views, gradViews, grad, ws, rows, targets);
    expect(analyticLoss).toBeCloseTo(loss(), 14);
    const analytic = Float64Array.from(grad);

    const epsilon = 1e-6;
    const numeric = new Float64Array(analytic.length);
    for (let i = 0; i < model.params.length; i++) {
      const original = model.params[i]!;
      model.params[i] = original + epsilon;
      const up = loss();
      model.params[i] = original - epsilon;
      const down = loss();
      model.params[i] = original;
      numeric[i] = (up - down) / (2 * epsilon);
    }

    let diffSquares = 0;
    let analyticSquares = 0;
    let numericSquares = 0;
    for (let i = 0; i < analytic.length; i++) {
      diffSquares += (analytic[i]! - numeric[i]!) ** 2;
      analyticSquares += analytic[i]! ** 2;
      numericSquares += numeric[i]! ** 2;
    }
    const relativeError = Math.sqrt(diffSquares) / Math.max(Math.sqrt(analyticSquares), Math.sqrt(numericSquares));
    expect(relativeError).toBeLessThan(1e-5);
    // Element by element too, relative to the gradient's overall size (tiny entries have no useful relative error).
    const scale = Math.sqrt(analyticSquares / analytic.length);
    for (let i = 0; i < analytic.length; i++) {
      expect(Math.abs(analytic[i]! - numeric[i]!)).toBeLessThan(1e-5 * Math.max(Math.abs(numeric[i]!), scale));
    }

    // The residual path is really exercised: the first blocks' backcast heads get a gradient; the last
    // block's backcast feeds nothing, so its gradient is exactly zero.
    const backcastNorm = (block: number): number => {
      const view = gradViews[block]!.backcast;
      return Math.hypot(...view.weight, ...view.bias);
    };
    expect(backcastNorm(0)).toBeGreaterThan(0);
    expect(backcastNorm(1)).toBeGreaterThan(0);
    expect(backcastNorm(2)).toBe(0);
  });
});
