// The LIMIT order type: a limit price on the tick grid. On arrival it takes, as TAKER, what is at
// least as good as its limit; the rest rests on the book and fills as MAKER, at its limit, once a
// later book crosses it.
import type Decimal from 'decimal.js';
import { exact, fitsStorage } from '@aitrader/platform/decimal';
import type { Order as OrderMessage } from '@aitrader/platform/messages';
import { oppositeSide, type BookSnapshot, type Ladders } from '../book';
import { fail, ok, type Result } from '../errors';
import { makerRules, takeAsTaker, walk, type CrossContext, type MatchOptions, type MatchOutcome, type Taken } from '../matching';
import type { OrderAggregate } from '../order';
import { isOnTick } from '../tick-grid';
import { LIMIT_PRICE_RULE, type OrderPrices, type OrderTypeSpec } from './spec';

/** Fills the marketable part of a LIMIT order as TAKER; the rest stays open (rests) for the next cross. */
export function matchLimit(order: OrderAggregate, book: BookSnapshot, opts: MatchOptions): Result<MatchOutcome> {
  if (order.type !== 'LIMIT' || order.limitPrice === undefined) {
    return fail('WRONG_ORDER_TYPE', `matchLimit got ${order.type} order ${order.orderId}`);
  }
  return takeAsTaker(order, book, opts, order.limitPrice);
}

function validateLimit(order: OrderMessage, tickSize: Decimal): Result<OrderPrices> {
  if (order.limitPrice === undefined) return fail('INVALID_ORDER', LIMIT_PRICE_RULE);
  const limitPrice = exact(order.limitPrice);
  // An off-grid limit could not bound tick-rounded fill prices, so it is refused like a venue would.
  if (!limitPrice.gt(0) || !fitsStorage(limitPrice) || !isOnTick(limitPrice, tickSize)) {
    return fail('INVALID_ORDER', `limitPrice ${order.limitPrice} must be > 0 and a multiple of the tick ${tickSize.toString()}`);
  }
  return ok({ limitPrice });
}

/** A resting LIMIT order takes, as MAKER at its limit, every level the book now has at or better than it. */
function crossLimit(order: OrderAggregate, ladders: Ladders, ctx: CrossContext): Result<Taken> {
  if (order.limitPrice === undefined) return ok({ order, fills: [] });
  return walk(order, ladders[oppositeSide(order.side)], makerRules(order.limitPrice, ctx));
}

export const LIMIT_ORDER: OrderTypeSpec = {
  type: 'LIMIT',
  rests: true,
  validate: validateLimit,
  matchOnArrival: matchLimit,
  crossResting: crossLimit,
};
