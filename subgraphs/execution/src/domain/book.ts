// A book snapshot as the matcher sees it, and the working ladder it consumes: levels sorted best
// first, sizes reduced as fills take them, so later fills in the same call cannot reuse liquidity.
import type Decimal from 'decimal.js';
import { exact } from '@aitrader/platform/decimal';
import type { Side } from './order';

/** [price, size]; BookUpdate's number tuples fit, and so do the Decimal tuples matching returns. */
export type BookLevel = readonly [price: Decimal.Value, size: Decimal.Value];

export interface BookSnapshot {
  /** Best (highest) first. */
  readonly bids: readonly BookLevel[];
  /** Best (lowest) first. */
  readonly asks: readonly BookLevel[];
}

export interface LadderLevel {
  readonly price: Decimal;
  size: Decimal;
}

/** The side an order trades against: a BUY takes asks, a SELL takes bids. */
export function oppositeSide(side: Side): 'asks' | 'bids' {
  return side === 'BUY' ? 'asks' : 'bids';
}

/**
 * A mutable, sorted copy of one side. Sorting (stable) guards against a snapshot that is not best
 * first, which would otherwise fill at worse-than-book prices; empty or non-positive levels drop out.
 */
export function toLadder(levels: readonly BookLevel[], side: 'bids' | 'asks'): LadderLevel[] {
  const ladder = levels
    .map(([price, size]) => ({ price: exact(price), size: exact(size) }))
    .filter((level) => level.price.gt(0) && level.size.gt(0));
  return ladder.sort((a, b) => (side === 'asks' ? a.price.comparedTo(b.price) : b.price.comparedTo(a.price)));
}

/** Back to a snapshot side, without levels fills emptied. */
export function fromLadder(ladder: readonly LadderLevel[]): BookLevel[] {
  return ladder.filter((level) => level.size.gt(0)).map((level) => [level.price, level.size] as const);
}

/** Both sides as working ladders: the one copy every resting order of a cross takes from. */
export interface Ladders {
  readonly bids: LadderLevel[];
  readonly asks: LadderLevel[];
}

export function toLadders(book: BookSnapshot): Ladders {
  return { bids: toLadder(book.bids, 'bids'), asks: toLadder(book.asks, 'asks') };
}

export function fromLadders(ladders: Ladders): BookSnapshot {
  return { bids: fromLadder(ladders.bids), asks: fromLadder(ladders.asks) };
}
