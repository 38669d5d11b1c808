// Pre-trade risk checks for a decided order: kill switch, price sanity, daily loss limit, order
// notional, per-symbol position and buying power. Pure: the account snapshot and price are inputs.
import type { RiskLimits } from './config';
import type { Side } from './types';

export type RiskCode =
  | 'KILL_SWITCH'
  | 'INVALID_QUANTITY'
  | 'NO_PRICE'
  | 'DAILY_LOSS_LIMIT'
  | 'MAX_NOTIONAL'
  | 'MAX_POSITION'
  | 'INSUFFICIENT_BUYING_POWER';

export type RiskResult = { ok: true } | { ok: false; code: RiskCode; reason: string };

/** What risk needs of a decision; a TradeDecision satisfies it. */
export interface RiskOrder {
  symbol: string;
  side: Side;
  quantity: number;
}

export interface AccountSnapshot {
  cash: number;
  buyingPower: number;
  equity: number;
  /** Signed share quantity per symbol: positive long, negative short; absent = flat. */
  positions: ReadonlyMap<string, number>;
  /** Today's P&L including unrealized; negative is a loss. */
  dailyRealizedPnl: number;
}

export interface RiskContext {
  /** Reference price used for notional (e.g. last trade). */
  price: number;
}

const reject = (code: RiskCode, reason: string): RiskResult => ({ ok: false, code, reason });

/**
 * Reducing = opposite side to the current position and no larger than it, so exposure only shrinks.
 * An order that flips through zero opens new exposure and is checked like any risk-increasing order.
 */
export function isReducingOrder(currentPosition: number, side: Side, quantity: number): boolean {
  const reducesLong = currentPosition > 0 && side === 'SELL';
  const reducesShort = currentPosition < 0 && side === 'BUY';
  return (reducesLong || reducesShort) && quantity <= Math.abs(currentPosition);
}

export function signedQuantity(side: Side, quantity: number): number {
  return side === 'BUY' ? quantity : -quantity;
}

/**
 * Checks run from the most to the least absolute. The kill switch halts everything, reductions
 * included (it is the operator's "stop all trading" button). Reducing orders skip the loss,
 * position and buying-power checks so a position can always be closed; the notional cap still
 * applies to every order as fat-finger protection.
 */
export function checkRisk(order: RiskOrder, account: AccountSnapshot, context: RiskContext, config: { risk: RiskLimits }): RiskResult {
  const limits = config.risk;
  if (limits.killSwitch) return reject('KILL_SWITCH', 'kill switch is on: all trading halted');
  if (!Number.isInteger(order.quantity) || order.quantity <= 0) {
    return reject('INVALID_QUANTITY', `quantity ${order.quantity} must be a positive whole number of shares`);
  }
  if (!Number.isFinite(context.price) || context.price <= 0) {
    return reject('NO_PRICE', `no usable reference price for ${order.symbol} (got ${context.price})`);
  }

  const current = account.positions.get(order.symbol) ?? 0;
  const reducing = isReducingOrder(current, order.side, order.quantity);
  const notional = order.quantity * context.price;
  const loss = -account.dailyRealizedPnl;

  if (!reducing && loss > limits.dailyLossLimit) {
    return reject('DAILY_LOSS_LIMIT', `daily loss ${loss} exceeds limit ${limits.dailyLossLimit}: only reducing orders allowed`);
  }
  if (notional > limits.maxOrderNotional) {
    return reject('MAX_NOTIONAL', `order notional ${notional} exceeds limit ${limits.maxOrderNotional}`);
  }
  const resulting = current + signedQuantity(order.side, order.quantity);
  if (!reducing && Math.abs(resulting) > limits.maxPositionPerSymbol) {
    return reject('MAX_POSITION', `resulting ${order.symbol} position ${resulting} exceeds limit ±${limits.maxPositionPerSymbol}`);
  }
  if (!reducing && order.side === 'BUY' && notional > account.buyingPower) {
    return reject('INSUFFICIENT_BUYING_POWER', `order notional ${notional} exceeds buying power ${account.buyingPower}`);
  }
  return { ok: true };
}

/** The limit an order was scaled down to fit, if any. */
export type SizingBound = 'MAX_NOTIONAL' | 'MAX_POSITION' | 'INSUFFICIENT_BUYING_POWER';

export interface FittedQuantity {
  /** The largest whole quantity ≤ the asked one that the notional, position and buying-power limits allow (0: none). */
  quantity: number;
  /** The limit that bound it, or null when the asked quantity fits. */
  boundBy: SizingBound | null;
}

/**
 * Sizing scales an order down to the binding limit before risk refuses it: order notional, per-symbol
 * position and buying power (a buy in full unless it only reduces a short, as checkRisk values it; a
 * sell for the part that opens a short, as the execution engine values it; closing needs none). Checks that no size can satisfy (kill switch, loss
 * limit, no price) are left to checkRisk.
 */
export function fitToLimits(order: RiskOrder, account: AccountSnapshot, context: RiskContext, config: { risk: RiskLimits }): FittedQuantity {
  const { price } = context;
  let quantity = order.quantity;
  let boundBy: SizingBound | null = null;
  if (!Number.isFinite(price) || price <= 0 || !Number.isInteger(quantity) || quantity <= 0) return { quantity, boundBy };
  const limits = config.risk;
  const current = account.positions.get(order.symbol) ?? 0;
  const closable = order.side === 'BUY' ? Math.max(0, -current) : Math.max(0, current);
  /** Lowers the quantity to the largest whole one `fits` accepts (floating-point safe), when it must. */
  const cap = (estimate: number, fits: (q: number) => boolean, bound: SizingBound) => {
    if (fits(quantity)) return;
    let q = Math.max(0, Math.min(quantity, Math.floor(estimate)));
    while (q > 0 && !fits(q)) q -= 1;
    quantity = q;
    boundBy = bound;
  };
  cap(limits.maxOrderNotional / price, (q) => q * price <= limits.maxOrderNotional, 'MAX_NOTIONAL');
  const headroom = order.side === 'BUY' ? limits.maxPositionPerSymbol - current : limits.maxPositionPerSymbol + current;
  cap(Math.max(headroom, closable), (q) => isReducingOrder(current, order.side, q) || Math.abs(current + signedQuantity(order.side, q)) <= limits.maxPositionPerSymbol, 'MAX_POSITION');
  // A buy that is not a pure reduction is valued in full (as checkRisk does); a sell by what it opens
  // (as execution does: checkRisk leaves shorts' cost to it).
  if (order.side === 'BUY') cap(Math.max(account.buyingPower / price, closable), (q) => isReducingOrder(current, 'BUY', q) || q * price <= account.buyingPower, 'INSUFFICIENT_BUYING_POWER');
  else cap(closable + account.buyingPower / price, (q) => Math.max(0, q - closable) * price <= account.buyingPower, 'INSUFFICIENT_BUYING_POWER');
  return { quantity, boundBy };
}
