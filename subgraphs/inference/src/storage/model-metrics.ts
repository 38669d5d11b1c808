// The metrics JSON stored with a model version (model_versions.metrics): the trainer's validation and test
// ForecastMetrics, with the validation relativeToNaive / MASE / perStepRelativeRmse repeated at the top
// (what serving turns into a confidence, and what the domain's metrics parser reads), plus how it was trained.
import type { ForecastMetrics, OnnxMetadata } from '@aitrader/models/nbeats';

export interface TrainingInfo {
  /** Where the prices came from, e.g. `syntheticSeries({...})` or `candles 1m: AAPL (900), MSFT (880)`. */
  data: string;
  epochs?: number;
  bestEpoch?: number;
  stoppedEarly?: boolean;
  seed?: number;
  trainingSeconds?: number;
  config?: unknown;
  split?: unknown;
  jobId?: string;
}

export interface StoredModelMetrics {
  /** Validation MAE / naive last-value MAE (< 1 beats naive). */
  relativeToNaive: number | null;
  mase: number | null;
  perStepRelativeRmse: number[];
  validation: ForecastMetrics | null;
  test: ForecastMetrics | null;
  training: TrainingInfo;
}

/** JSON has no NaN or Infinity: those become null (a constant training series has no MASE). */
export function toJsonSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))) as T;
}

export function storedMetrics(validation: ForecastMetrics | null, test: ForecastMetrics | null, training: TrainingInfo): StoredModelMetrics {
  return toJsonSafe({
    relativeToNaive: validation?.relativeToNaive ?? null,
    mase: validation?.mase ?? null,
    perStepRelativeRmse: validation?.perStepRelativeRmse ?? [],
    validation,
    test,
    training,
  });
}

/** The metrics of a model from the metadata its ONNX file carries (used for the shipped bootstrap). */
export function metricsFromOnnx(meta: OnnxMetadata): StoredModelMetrics {
  let training: TrainingInfo = { data: meta.properties['aitrader.data'] ?? 'unknown' };
  try {
    const extra = JSON.parse(meta.properties['aitrader.training'] ?? '{}') as Record<string, unknown>;
    training = { ...training, epochs: extra.epochs as number, bestEpoch: extra.bestEpoch as number, seed: extra.seed as number, split: extra.split, config: meta.config };
  } catch {
    training = { ...training, config: meta.config };
  }
  return storedMetrics(meta.validation, meta.test, training);
}
