// Typed errors of the marketdata domain: every failure carries a machine-readable `code` so the GraphQL
// layer can map it to a typed API error with one `instanceof MarketDataError` check.
export abstract class MarketDataError<Code extends string = string> extends Error {
  abstract readonly code: Code;
}

export type TimestampErrorCode = 'BAD_TIMESTAMP';
export type TickFileErrorCode = 'BAD_COLUMNS' | 'MALFORMED_CSV' | 'BAD_FORMAT';
export type ReplayErrorCode = 'INVALID_STATE' | 'INVALID_SPEED' | 'OUT_OF_RANGE' | 'INVALID_OPTIONS' | 'UNSORTED_TICKS';
export type SyntheticErrorCode = 'INVALID_OPTIONS';

/** A timestamp that is not ISO-8601 with a zone, epoch ms, epoch µs or epoch ns. */
export class TimestampError extends MarketDataError<TimestampErrorCode> {
  override readonly name = 'TimestampError';
  readonly code = 'BAD_TIMESTAMP';
  constructor(message: string, readonly input: unknown) {
    super(message);
  }
}

/** A whole tick file is refused (bad header, unparsable CSV); single bad rows are rejected, not thrown. */
export class TickFileError extends MarketDataError<TickFileErrorCode> {
  override readonly name = 'TickFileError';
  constructor(
    readonly code: TickFileErrorCode,
    message: string,
    readonly details: { missing?: string[]; unknown?: string[]; line?: number } = {},
  ) {
    super(message);
  }
}

export class ReplayError extends MarketDataError<ReplayErrorCode> {
  override readonly name = 'ReplayError';
  constructor(readonly code: ReplayErrorCode, message: string) {
    super(message);
  }
}

export class SyntheticError extends MarketDataError<SyntheticErrorCode> {
  override readonly name = 'SyntheticError';
  readonly code = 'INVALID_OPTIONS';
}
