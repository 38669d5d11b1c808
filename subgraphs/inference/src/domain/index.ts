// Public API of the inference service's pure domain layer: request validation, forecast confidence,
// micro-batching, model version routing (A/B, hot swap), execution-provider choice and the registry lifecycle.
export {
  InferenceInputError,
  InferenceModelError,
  MicroBatchError,
  ModelRouterError,
  type InputErrorCode,
  type ModelErrorCode,
  type BatchErrorCode,
  type RouterErrorCode,
} from './errors';
export {
  ModelSpecSchema,
  ValidationMetricsSchema,
  DEFAULT_MODEL_SPEC,
  parseModelSpec,
  parseValidationMetrics,
  type ModelSpec,
  type ValidationMetrics,
  type VersionRef,
} from './model';
export { parseForecastRequest, validateForecastRequest, type ForecastRequest, type ForecastRequestResult } from './request';
export {
  stepConfidence,
  forecastConfidence,
  errorBand,
  skillOverNaive,
  realisedVolatility,
  CONFIDENCE_EPSILON,
  MIN_ERROR_BAND,
  type StepConfidenceInput,
  type ForecastConfidenceInput,
} from './confidence';
export { buildForecast, checkModelOutput, type ForecastResult, type ServedModel } from './forecast';
export {
  createMicroBatcher,
  timeoutScheduler,
  type MicroBatcher,
  type MicroBatcherOptions,
  type MicroBatcherStats,
  type Scheduler,
} from './batcher';
export { stableHash32, bucketOf } from './hash';
export {
  createModelRouter,
  type ModelRouter,
  type ModelRouterOptions,
  type ModelHandle,
  type ModelLease,
  type RouterState,
  type RouteDecision,
  type VersionMetrics,
  type Arm,
} from './router';
export {
  chooseProviders,
  planProviders,
  describeProvider,
  PROVIDER_PREFERENCE,
  type ExecutionProvider,
  type AvailableBackend,
  type ProviderOptions,
  type ProviderPlan,
  type ProviderAttempt,
  type ProviderOutcome,
} from './providers';
export {
  transition,
  promoteVersion,
  nextVersionName,
  TRANSITIONS,
  VERSION_STATES,
  VERSION_EVENTS,
  type VersionState,
  type VersionEvent,
  type TransitionResult,
  type VersionRecord,
  type StateChange,
  type PromotionCode,
  type PromotionResult,
} from './registry';
