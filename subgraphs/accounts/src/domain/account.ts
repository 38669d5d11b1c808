// Account valuation: cash plus positions marked to market, with P&L, exposure and buying power.
// Exact: only +, − and × on storage-scale values, so nothing here rounds (storage-decimal.ts); callers round
// where they store (equityPoint) or display.
import type Decimal from 'decimal.js';
import { exact, EXACT_ZERO } from '@aitrader/platform/decimal';

export interface PositionHolding {
  symbol: string;
  /** Signed: > 0 long, < 0 short. */
  quantity: Decimal;
  averagePrice: Decimal;
  realizedPnl: Decimal;
}

export interface AccountSnapshot {
  cash: Decimal;
  positions: readonly PositionHolding[];
  /** Latest price per symbol; a symbol absent or undefined here has no mark. */
  marks: ReadonlyMap<string, Decimal | undefined>;
}

export interface PositionValuation {
  symbol: string;
  quantity: Decimal;
  averagePrice: Decimal;
  /** The usable mark for the symbol; undefined when there was none. */
  mark: Decimal | undefined;
  /** The price the position was valued at: its mark, or its average price without one. */
  valuationPrice: Decimal;
  /** An open position valued without a mark (a flat one never is: it needs none). */
  markMissing: boolean;
  /** quantity × valuationPrice (negative for a short). */
  marketValue: Decimal;
  /** (valuationPrice − averagePrice) × quantity */
  unrealizedPnl: Decimal;
  realizedPnl: Decimal;
}

export interface AccountValuation {
  cash: Decimal;
  /** Σ quantity × price */
  positionsValue: Decimal;
  /** cash + positionsValue */
  equity: Decimal;
  unrealizedPnl: Decimal;
  /** Σ realized P&L of all positions (flat ones included), net of fees. */
  realizedPnl: Decimal;
  /** Σ |quantity| × price */
  grossExposure: Decimal;
  buyingPower: Decimal;
  positions: PositionValuation[];
  /** Symbols of open positions valued without a usable mark, in the order first met. */
  marksMissing: string[];
}

/**
 * Values an account at the given marks.
 *
 * A position without a usable mark (none, or not a finite positive number) is valued at its average
 * price: it then shows no unrealized P&L instead of a made-up one, and its symbol is listed in
 * marksMissing so callers can say the figure is stale. A flat position needs no mark.
 *
 * Buying power, for this cash account (no margin, no borrowing against longs): the cash, minus the
 * collateral held against short positions, i.e. what it would cost now to buy every short back
 * (Σ over shorts of |quantity| × price), floored at 0. Short-sale proceeds sit in cash, so without
 * that deduction they could be spent twice; longs are already paid for and add nothing.
 */
export function valueAccount(snapshot: AccountSnapshot): AccountValuation {
  const cash = exact(snapshot.cash);
  const positions = snapshot.positions.map((holding) => valuePosition(holding, snapshot.marks));
  const sum = (pick: (p: PositionValuation) => Decimal): Decimal =>
    positions.reduce((total, p) => total.plus(pick(p)), EXACT_ZERO);

  const positionsValue = sum((p) => p.marketValue);
  const shortCollateral = sum((p) => (p.quantity.isNegative() ? p.marketValue.abs() : EXACT_ZERO));
  const buyingPower = cash.minus(shortCollateral);
  return {
    cash,
    positionsValue,
    equity: cash.plus(positionsValue),
    unrealizedPnl: sum((p) => p.unrealizedPnl),
    realizedPnl: sum((p) => p.realizedPnl),
    grossExposure: sum((p) => p.marketValue.abs()),
    buyingPower: buyingPower.isPositive() ? buyingPower : EXACT_ZERO,
    positions,
    marksMissing: [...new Set(positions.filter((p) => p.markMissing).map((p) => p.symbol))],
  };
}

function valuePosition(holding: PositionHolding, marks: AccountSnapshot['marks']): PositionValuation {
  const quantity = exact(holding.quantity);
  const averagePrice = exact(holding.averagePrice);
  const mark = usableMark(marks.get(holding.symbol));
  const markMissing = mark === undefined && !quantity.isZero();
  const valuationPrice = mark ?? averagePrice;
  return {
    symbol: holding.symbol,
    quantity,
    averagePrice,
    mark,
    valuationPrice,
    markMissing,
    marketValue: exact(quantity.times(valuationPrice)),
    unrealizedPnl: exact(valuationPrice.minus(averagePrice).times(quantity)),
    realizedPnl: exact(holding.realizedPnl),
  };
}

/** A mark worth valuing at: finite and positive; anything else counts as no mark. */
function usableMark(mark: Decimal | undefined): Decimal | undefined {
  if (mark === undefined) return undefined;
  const price = exact(mark);
  return price.isFinite() && price.greaterThan(EXACT_ZERO) ? price : undefined;
}
