// What the domain knows about a trained model version: its input/output shape (ModelSpec) and the
// validation metrics stored with it, as zod schemas because both arrive as JSON (registry row, config).
import { z } from 'zod';
import { InferenceModelError } from './errors';

/** A model version's name, e.g. "nbeats-v3" (see registry.ts nextVersionName). */
export type VersionRef = string;

const finite = () => z.number().refine(Number.isFinite, 'must be a finite number');

export const ModelSpecSchema = z.object({
  /** How many raw prices the model takes (the seed's 60). */
  lookback: z.number().int().positive().default(60),
  /** How many raw future prices the model outputs (the seed's 10); a request may ask for fewer. */
  maxHorizon: z.number().int().positive().default(10),
});

export type ModelSpec = z.infer<typeof ModelSpecSchema>;
export const DEFAULT_MODEL_SPEC: ModelSpec = ModelSpecSchema.parse({});

const MetricsObjectSchema = z.object({
  /**
   * Per horizon step h (index 0 = one step ahead): RMSE over the validation set of pred/actual − 1,
   * i.e. the model's typical relative error at that step.
   */
  stepRelRmse: z.array(finite().min(0)).min(1),
  /** Validation MAE divided by the naive last-value forecast's MAE: < 1 means the model beats naive. */
  relativeToNaive: finite().min(0),
});

/** The trainer (models/src/nbeats/metrics.ts) names the per-step errors perStepRelativeRmse; both are read. */
const withStepAlias = (input: unknown): unknown => {
  if (typeof input !== 'object' || input === null || 'stepRelRmse' in input || !('perStepRelativeRmse' in input)) return input;
  return { ...input, stepRelRmse: (input as { perStepRelativeRmse: unknown }).perStepRelativeRmse };
};

export const ValidationMetricsSchema = z.preprocess(withStepAlias, MetricsObjectSchema);

/** Other metrics the trainer stores (MAE, sample counts, …) are accepted and ignored. */
export type ValidationMetrics = z.infer<typeof ValidationMetricsSchema>;

const formatIssues = (issues: z.ZodError['issues']): string =>
  issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');

/** Parses a stored metrics object; `maxHorizon` requires one stepRelRmse entry per output step. */
export function parseValidationMetrics(input: unknown, maxHorizon?: number): ValidationMetrics {
  const parsed = ValidationMetricsSchema.safeParse(input);
  if (!parsed.success) throw new InferenceModelError('BAD_METRICS', `invalid validation metrics: ${formatIssues(parsed.error.issues)}`);
  const metrics = parsed.data;
  if (maxHorizon !== undefined && metrics.stepRelRmse.length < maxHorizon) {
    throw new InferenceModelError(
      'BAD_METRICS',
      `validation metrics have ${metrics.stepRelRmse.length} stepRelRmse values for a model with ${maxHorizon} output steps`,
    );
  }
  return metrics;
}

export function parseModelSpec(input: unknown = {}): ModelSpec {
  const parsed = ModelSpecSchema.safeParse(input);
  if (!parsed.success) throw new InferenceModelError('BAD_MODEL_SPEC', `invalid model spec: ${formatIssues(parsed.error.issues)}`);
  return parsed.data;
}
