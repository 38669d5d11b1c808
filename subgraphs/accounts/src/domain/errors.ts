// The one error type the accounts domain raises: a machine-readable code for the API and dead-letter
// layers, a human message, and (when one input is at fault) the field it names.
/** INVALID_INPUT is for the application layer's own checks on commands (names, ids). */
export type AccountDomainErrorCode = 'INVALID_AMOUNT' | 'INVALID_FILL' | 'INVALID_TIMESTAMP' | 'INVALID_INPUT';

export class AccountDomainError extends Error {
  override readonly name = 'AccountDomainError';

  constructor(
    readonly code: AccountDomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
