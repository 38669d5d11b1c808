// Pre-trade checks the execution engine runs on every new order, whatever sent it (the strategy, the
// `orders` stream, placeOrder, MCP): quantity limit, price collar (a limit far from the market), order
// notional limit and buying power. Pure: the book, the account snapshot and the limits are inputs.
// Only the part of an order that opens exposure needs buying power: a sell that closes a long, or a buy
// that covers a short, always passes that check (a position can always be closed).
import Decimal from 'decimal.js';
import { exact } from '@aitrader/platform/decimal';
import type { BookSnapshot } from './book';
import type { Side } from './order';

export type PreTradeCode = 'MAX_QUANTITY_EXCEEDED' | 'PRICE_OUTSIDE_COLLAR' | 'MAX_NOTIONAL_EXCEEDED' | 'INSUFFICIENT_BUYING_POWER';

export interface PreTradeRefusal {
  readonly code: PreTradeCode;
  /** The order field the refusal is about (for a client to show it beside that field). */
  readonly field: 'quantity' | 'limitPrice';
  readonly message: string;
}

export interface PreTradeLimits {
  /** Most shares in one order. */
  readonly maxQuantity: Decimal.Value;
  /** Most notional (quantity × price) in one order. */
  readonly maxNotional: Decimal.Value;
  /** Farthest a limit price may lie from the market's reference price, as a fraction (0.1 = 10 %). */
  readonly collar: Decimal.Value;
}

export interface PreTradeOrder {
  readonly side: Side;
  readonly quantity: Decimal.Value;
  readonly limitPrice?: Decimal.Value;
}

export interface AccountExposure {
  readonly buyingPower: Decimal.Value;
  /** The account's signed position in the order's symbol (positive long, negative short). */
  readonly position: Decimal.Value;
}

/** The market's reference price: the mid of the best bid and ask, else whichever side there is. */
export function referencePrice(book: BookSnapshot): Decimal | null {
  const bid = book.bids[0] ? exact(book.bids[0][0]) : null;
  const ask = book.asks[0] ? exact(book.asks[0][0]) : null;
  if (bid && ask) return bid.plus(ask).div(2);
  return bid ?? ask;
}

/** The price an order's notional is valued at: its limit, else the side of the book it would take. */
function valuationPrice(order: PreTradeOrder, book: BookSnapshot): Decimal | null {
  if (order.limitPrice !== undefined) return exact(order.limitPrice);
  const touch = order.side === 'BUY' ? book.asks[0] : book.bids[0];
  return touch ? exact(touch[0]) : referencePrice(book);
}

/** The quantity of an order that opens (or extends) exposure, beyond what it closes of the position. */
export function openingQuantity(order: PreTradeOrder, position: Decimal.Value): Decimal {
  const quantity = exact(order.quantity);
  const held = exact(position);
  const closable = order.side === 'BUY' ? Decimal.max(0, held.neg()) : Decimal.max(0, held);
  return Decimal.max(0, quantity.minus(closable));
}

const refuse = (code: PreTradeCode, field: PreTradeRefusal['field'], message: string): PreTradeRefusal => ({ code, field, message });

/**
 * The first check the order fails, or null. With no price anywhere (an empty book and a MARKET order)
 * nothing can be valued: the order goes on and finds no liquidity, as it would without these checks.
 */
export function checkPreTrade(order: PreTradeOrder, book: BookSnapshot, account: AccountExposure, limits: PreTradeLimits): PreTradeRefusal | null {
  const quantity = exact(order.quantity);
  if (quantity.gt(exact(limits.maxQuantity))) {
    return refuse('MAX_QUANTITY_EXCEEDED', 'quantity', `quantity ${quantity.toString()} exceeds the limit of ${exact(limits.maxQuantity).toString()} per order`);
  }
  const reference = referencePrice(book);
  if (order.limitPrice !== undefined && reference) {
    const limit = exact(order.limitPrice);
    const distance = limit.minus(reference).abs().div(reference);
    if (distance.gt(exact(limits.collar))) {
      const percent = exact(limits.collar).times(100).toString();
      return refuse('PRICE_OUTSIDE_COLLAR', 'limitPrice', `limitPrice ${limit.toString()} is more than ${percent} % from the market (${reference.toDecimalPlaces(4).toString()})`);
    }
  }
  const price = valuationPrice(order, book);
  if (!price) return null;
  const notional = quantity.times(price);
  if (notional.gt(exact(limits.maxNotional))) {
    return refuse('MAX_NOTIONAL_EXCEEDED', 'quantity', `order notional ${notional.toDecimalPlaces(2).toString()} exceeds the limit of ${exact(limits.maxNotional).toString()} per order`);
  }
  const required = openingQuantity(order, account.position).times(price);
  const buyingPower = exact(account.buyingPower);
  if (required.gt(buyingPower)) {
    return refuse('INSUFFICIENT_BUYING_POWER', 'quantity', `order needs ${required.toDecimalPlaces(2).toString()} of buying power; the account has ${buyingPower.toDecimalPlaces(2).toString()}`);
  }
  return null;
}
