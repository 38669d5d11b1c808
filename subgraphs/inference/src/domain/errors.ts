// Typed errors of the inference domain, each with a code from a closed union so the GraphQL and REST
// layers can map them (input errors → BAD_USER_INPUT / 400, overload → 429, model errors → 500).

/** Why a forecast request was refused. Messages name the field and, for history, the offending index. */
export type InputErrorCode =
  | 'BAD_REQUEST'
  | 'BAD_SYMBOL'
  | 'HISTORY_TOO_SHORT'
  | 'NON_FINITE_VALUE'
  | 'NON_POSITIVE_PRICE'
  | 'BAD_HORIZON';

export class InferenceInputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    message: string,
    /** The request field at fault: "symbol", "history", "horizon" or "" for the whole body. */
    readonly field: string,
    /** For history values: the index in the history as the client sent it. */
    readonly index?: number,
  ) {
    super(message);
    this.name = 'InferenceInputError';
  }
}

/** A model version that cannot be used as packaged: broken output or missing validation metrics. */
export type ModelErrorCode = 'BAD_MODEL_OUTPUT' | 'BAD_METRICS' | 'BAD_MODEL_SPEC';

export class InferenceModelError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InferenceModelError';
  }
}

/** Failures the micro-batcher produces itself (a failing `run` rejects with its own error instead). */
export type BatchErrorCode = 'BATCH_SIZE_MISMATCH' | 'BATCHER_CLOSED' | 'TOO_MANY_REQUESTS';

export class MicroBatchError extends Error {
  constructor(
    readonly code: BatchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MicroBatchError';
  }
}

/** Misuse of the model router (bad weight, reusing a released model, …). */
export type RouterErrorCode = 'BAD_WEIGHT' | 'NO_CANDIDATE' | 'CANDIDATE_IS_PROMOTED' | 'RELEASED_MODEL';

export class ModelRouterError extends Error {
  constructor(
    readonly code: RouterErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ModelRouterError';
  }
}
