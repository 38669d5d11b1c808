// Turns one model output into the API's answer: checks the raw output, keeps the requested horizon and
// attaches per-step confidence and the version that produced it. The runner itself lives outside.
import { forecastConfidence } from './confidence';
import { InferenceModelError } from './errors';
import type { ModelSpec, ValidationMetrics, VersionRef } from './model';
import type { ForecastRequest } from './request';

export interface ForecastResult {
  symbol: string;
  /** Raw future prices, step 1 first; `horizon` of them. */
  forecast: number[];
  /** One value in (0, 1) per forecast step (see confidence.ts). */
  confidence: number[];
  modelVersion: VersionRef;
}

/** The version that served a request, with what the domain needs of it. */
export interface ServedModel {
  version: VersionRef;
  spec: Pick<ModelSpec, 'maxHorizon'>;
  metrics: ValidationMetrics;
}

/** The model must return exactly maxHorizon positive finite prices; anything else is a broken model, not bad input. */
export function checkModelOutput(output: ArrayLike<number>, maxHorizon: number, version = 'model'): number[] {
  if (output.length !== maxHorizon) {
    throw new InferenceModelError('BAD_MODEL_OUTPUT', `${version} returned ${output.length} values; expected ${maxHorizon}`);
  }
  const prices = Array.from(output);
  const bad = prices.findIndex((p) => !Number.isFinite(p) || p <= 0);
  if (bad !== -1) {
    throw new InferenceModelError('BAD_MODEL_OUTPUT', `${version} output[${bad}] is ${prices[bad]}, not a positive finite price`);
  }
  return prices;
}

export function buildForecast(request: ForecastRequest, output: ArrayLike<number>, model: ServedModel): ForecastResult {
  const forecast = checkModelOutput(output, model.spec.maxHorizon, model.version).slice(0, request.horizon);
  const confidence = forecastConfidence({ history: request.history, forecast, metrics: model.metrics });
  return { symbol: request.symbol, forecast, confidence, modelVersion: model.version };
}
