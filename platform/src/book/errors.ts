// Errors of the order-book code: a tick the book cannot apply (today only a crossed quote). It carries a
// machine-readable `code` like the services' domain errors, so callers can map it without parsing text.
export type BookErrorCode = 'INVALID_TICK';

export class BookError extends Error {
  override readonly name = 'BookError';
  readonly code: BookErrorCode = 'INVALID_TICK';
}
