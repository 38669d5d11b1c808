// Typed input errors of the sentiment domain: one class with a closed set of codes, naming the field
// (and, in a batch, the item's index) so the GraphQL and REST layers can report every mistake precisely.
export const SENTIMENT_ERROR_CODES = [
  /** A required text (headline, source) is missing or blank after trimming. */
  'EMPTY_TEXT',
  /** A text is longer than its limit. */
  'TEXT_TOO_LONG',
  /** url is not an absolute http(s) URL. */
  'INVALID_URL',
  /** published_at is missing, not ISO-8601 with a zone, not a real date, or too far in the future. */
  'INVALID_TIMESTAMP',
  /** A symbol is not one of the platform's instruments. */
  'UNKNOWN_SYMBOL',
  /** A window other than 15m, 1h or 1d. */
  'UNKNOWN_WINDOW',
  /** The item (or one of its fields) has the wrong shape, e.g. not an object or a number for a string. */
  'INVALID_ITEM',
  /** A batch holds more items than allowed. */
  'TOO_MANY_ITEMS',
] as const;

export type SentimentErrorCode = (typeof SENTIMENT_ERROR_CODES)[number];

export interface SentimentErrorDetails {
  /** Top-level input field at fault (headline, body, source, url, symbols, published_at, window, symbol, items). */
  field?: string | undefined;
  /** Position of the item in its batch (0-based), when the error is about one item of many. */
  index?: number | undefined;
}

export class SentimentInputError extends Error {
  readonly field: string | undefined;
  readonly index: number | undefined;

  constructor(
    readonly code: SentimentErrorCode,
    message: string,
    details: SentimentErrorDetails = {},
  ) {
    super(message);
    this.name = 'SentimentInputError';
    this.field = details.field;
    this.index = details.index;
  }

  /** The same error attributed to item `index` of a batch. */
  atIndex(index: number): SentimentInputError {
    return new SentimentInputError(this.code, this.message, { field: this.field, index });
  }

  /** Plain shape for logs and GraphQL error extensions. */
  toJSON(): { code: SentimentErrorCode; message: string; field?: string; index?: number } {
    return {
      code: this.code,
      message: this.message,
      ...(this.field !== undefined && { field: this.field }),
      ...(this.index !== undefined && { index: this.index }),
    };
  }
}

export function isSentimentInputError(value: unknown): value is SentimentInputError {
  return value instanceof SentimentInputError;
}
