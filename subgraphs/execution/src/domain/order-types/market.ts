// The MARKET order type: no price of its own; on arrival it walks the opposite side of the book until
// filled, and what the book cannot fill is canceled with a reason (or left open, if asked). It never rests.
import type { BookSnapshot } from '../book';
import { fail, ok, type Result } from '../errors';
import { takeAsTaker, type MatchOptions, type MatchOutcome } from '../matching';
import { cancel, type OrderAggregate } from '../order';
import { LIMIT_PRICE_RULE, type OrderTypeSpec } from './spec';

export interface MarketMatchOptions extends MatchOptions {
  /** What happens to a remainder the book cannot fill: canceled with a reason (default), or left open. */
  readonly unfilledMarket?: 'cancel' | 'rest';
}

export function matchMarket(order: OrderAggregate, book: BookSnapshot, opts: MarketMatchOptions): Result<MatchOutcome> {
  if (order.type !== 'MARKET') return fail('WRONG_ORDER_TYPE', `matchMarket got ${order.type} order ${order.orderId}`);
  const taken = takeAsTaker(order, book, opts, undefined);
  if (!taken.ok) return taken;
  const result = taken.value.order;
  if (result.leavesQuantity.lte(0) || (opts.unfilledMarket ?? 'cancel') !== 'cancel') return taken;
  const reason = `insufficient liquidity: ${result.leavesQuantity.toString()} of ${result.quantity.toString()} unfilled`;
  const canceled = cancel(result, reason);
  if (!canceled.ok) return canceled;
  return ok({ ...taken.value, order: canceled.value });
}

export const MARKET_ORDER: OrderTypeSpec = {
  type: 'MARKET',
  rests: false,
  validate: (order) => (order.limitPrice === undefined ? ok({ limitPrice: undefined }) : fail('INVALID_ORDER', LIMIT_PRICE_RULE)),
  matchOnArrival: (order, book, opts) => matchMarket(order, book, opts),
};
