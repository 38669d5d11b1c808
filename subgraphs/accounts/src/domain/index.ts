// The accounts domain's public API: pure position math, valuation, validation and equity history,
// with no I/O and no clock. Rounding rules live in money.ts.
export { AccountDomainError, type AccountDomainErrorCode } from './errors';
export { Money, STORAGE_SCALE, ZERO, toMoney, roundToStorageScale, divideToStorageScale } from './money';
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
