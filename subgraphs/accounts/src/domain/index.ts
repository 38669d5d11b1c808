// The accounts domain's public API: pure position math, valuation, validation and equity history,
// with no I/O and no clock. Its Decimal and rounding rules are the platform's storage-decimal.ts.
export { AccountDomainError, type AccountDomainErrorCode } from './errors';
export {
  applyFill,
  emptyPosition,
  replayFills,
  signedQuantity,
  type FillInput,
  type FillOutcome,
  type PositionState,
  type Side,
} from './position';
export {
  valueAccount,
  type AccountSnapshot,
  type AccountValuation,
  type PositionHolding,
  type PositionValuation,
} from './account';
export { MAX_AMOUNT, validateDeposit, validateFill, validateStartingCash, type FillLike } from './validation';
export { equityPoint, equityPointDue, type EquityPoint } from './equity';
export {
  compareWithApplied,
  compareWithRecorded,
  conflictingDuplicateReason,
  mismatchReason,
  unrecordedReason,
  type AppliedFillFacts,
  type FillComparison,
  type FillDifference,
  type FillFacts,
  type FillField,
  type FillRejectionCode,
} from './recorded-fill';
