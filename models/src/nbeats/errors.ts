// Typed input errors of the N-BEATS forecaster: every refusal carries a machine-readable `code`, so a
// CLI, a job runner or the inference subgraph can map it to its own error with one instanceof check.

export type NBeatsInputErrorCode =
  /** A history or target has the wrong number of values for the model's lookback/horizon. */
  | 'BAD_LENGTH'
  /** A price is NaN or ±Infinity. */
  | 'NOT_FINITE'
  /** A price is zero or negative: the model divides by the last price, so prices must be > 0. */
  | 'NON_POSITIVE'
  /** An architecture or training option is out of range (e.g. 0 blocks, a fraction ≥ 1). */
  | 'BAD_OPTION'
  /** The series is too short to make training and validation windows. */
  | 'TOO_SHORT'
  /** A serialized model or ONNX file is not what this module writes. */
  | 'BAD_MODEL';

export class NBeatsInputError extends Error {
  override readonly name = 'NBeatsInputError';
  constructor(
    readonly code: NBeatsInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks that a price series is usable: every value finite and strictly positive. `what` names the
 * input in the message (e.g. "history 3") so a caller can tell which of many inputs was refused.
 */
export function assertPositivePrices(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (!Number.isFinite(value)) {
      throw new NBeatsInputError('NOT_FINITE', `${what}: value ${i} is ${String(value)}; prices must be finite numbers`);
    }
    if (value <= 0) {
      throw new NBeatsInputError('NON_POSITIVE', `${what}: value ${i} is ${value}; prices must be > 0`);
    }
  }
}

/** Checks that an option is an integer within [min, max]. */
export function assertIntegerOption(value: number, name: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new NBeatsInputError('BAD_OPTION', `${name} must be an integer in [${min}, ${max}], got ${String(value)}`);
  }
}
