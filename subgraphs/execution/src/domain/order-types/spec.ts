// The extension point for order types: what each type says about itself (its own entry rules, how
// it trades on arrival, whether and how an open order of it waits on the book). One file per type
// implements it; order-types/index.ts registers them.
import type Decimal from 'decimal.js';
import type { Order as OrderMessage } from '@aitrader/platform/messages';
import type { BookSnapshot, Ladders } from '../book';
import type { Result } from '../errors';
import type { CrossContext, MatchOptions, MatchOutcome, Taken } from '../matching';
import type { OrderAggregate, OrderPrices, OrderType } from '../order';

export type { OrderPrices };

export interface OrderTypeSpec {
  readonly type: OrderType;
  /**
   * Whether an order of this type still open after its arrival match waits on the book: the store's
   * resting-order query asks for these types, and crossResting must then be given.
   */
  readonly rests: boolean;
  /**
   * The type's own rules for a new order (limitPrice required or forbidden, on the tick ...), giving the
   * prices the order keeps (LIMIT its limit, MARKET none); refusals are INVALID_ORDER.
   */
  validate(order: OrderMessage, tickSize: Decimal): Result<OrderPrices>;
  /** Trades a just-booked order against the current book. */
  matchOnArrival(order: OrderAggregate, book: BookSnapshot, opts: MatchOptions): Result<MatchOutcome>;
  /**
   * Resting types: fills an open order that the book now crosses, taking from `ladders`, the one copy
   * of the book that all resting orders of this cross share (so two orders never take the same size).
   */
  crossResting?(order: OrderAggregate, ladders: Ladders, ctx: CrossContext): Result<Taken>;
}

/** The refusal text MARKET and LIMIT share for a limitPrice that is missing or not allowed (as in the Order message). */
export const LIMIT_PRICE_RULE = 'limitPrice is required for LIMIT orders and forbidden for MARKET orders';
