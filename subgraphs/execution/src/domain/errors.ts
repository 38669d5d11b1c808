// Typed outcomes of domain operations: every refusal carries a stable code the service layer can map
// to a GraphQL error or a dead-letter entry, instead of a thrown exception.

export type OrderErrorCode =
  /** The order is FILLED, CANCELED or REJECTED: nothing may change it any more. */
  | 'ORDER_TERMINAL'
  /** REJECT after a fill: an order that has traded can only be canceled. */
  | 'REJECT_AFTER_FILL'
  /** The fill is larger than the order's leaves quantity. */
  | 'OVERFILL'
  /** The trade id was already applied; the order is returned unchanged by the caller. */
  | 'DUPLICATE_TRADE'
  /** The fill is malformed: non-positive quantity/price, negative fee, too many decimals, wrong order. */
  | 'INVALID_FILL'
  /** A LIMIT order's fill price is worse than its limit. */
  | 'PRICE_THROUGH_LIMIT'
  /** The order itself is malformed (quantity, limit price off the tick grid, ...). */
  | 'INVALID_ORDER'
  /** matchMarket got a LIMIT order or matchLimit a MARKET order. */
  | 'WRONG_ORDER_TYPE'
  /** A fee schedule with a negative or non-finite figure. */
  | 'INVALID_FEE_SCHEDULE';

export interface DomainError {
  readonly code: OrderErrorCode;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: OrderErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
