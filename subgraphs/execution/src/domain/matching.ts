// Simulated execution against a book snapshot: market orders walk the opposite side level by level,
// limit orders take only what is at least as good as the limit, and resting limits fill (as makers,
// at their limit) once the book crosses them. Every fill goes through applyFill, so the order's
// invariants hold for whatever the matcher produces; the returned book has the consumed size removed.
//
// Determinism: no clock and no randomness. Fill timestamps are opts.now; trade ids are
// `${orderId}-${n}` with n the order's own fill ordinal (1, 2, ...), so matching the same order state
// against the same book yields the same fills, and re-applying them is refused as DUPLICATE_TRADE.
import type Decimal from 'decimal.js';
import { fromLadder, oppositeSide, toLadder, type BookSnapshot, type LadderLevel } from './book';
import { exact, floorToStorageScale } from '@aitrader/platform';
import { DEFAULT_TICK_SIZE, roundToTick } from './tick-grid';
import { fail, ok, type Result } from './errors';
import { computeFee, DEFAULT_FEES, validateFeeSchedule, type FeeSchedule } from './fees';
import { applyFill, cancel, isOpen, type ExecutionFill, type Liquidity, type OrderAggregate, type Side } from './order';

export interface MatchOptions {
  /** ISO-8601 timestamp stamped on every fill (the engine has no clock). */
  readonly now: string;
  readonly fees?: FeeSchedule;
  /** Taker fill prices are rounded to this grid against the taker. Default 0.01. */
  readonly tickSize?: Decimal.Value;
}

export interface MarketMatchOptions extends MatchOptions {
  /** What happens to a remainder the book cannot fill: canceled with a reason (default), or left open. */
  readonly unfilledMarket?: 'cancel' | 'rest';
}

export interface MatchOutcome {
  readonly order: OrderAggregate;
  readonly fills: readonly ExecutionFill[];
  /** The input book less what these fills consumed. */
  readonly book: BookSnapshot;
}

export interface CrossOutcome {
  /** In the order given, each updated (or unchanged if it did not cross). */
  readonly orders: readonly OrderAggregate[];
  /** In execution order: oldest order first, best level first. */
  readonly fills: readonly ExecutionFill[];
  readonly book: BookSnapshot;
}

/** How one order takes from a ladder: which levels are acceptable and at what price each fills. */
interface TakeRules {
  readonly liquidity: Liquidity;
  /** Levels worse than this are not taken; undefined for a market order. */
  readonly limitPrice: Decimal | undefined;
  readonly priceFor: (levelPrice: Decimal) => Decimal;
  readonly fees: FeeSchedule;
  readonly now: string;
}

export function matchMarket(order: OrderAggregate, book: BookSnapshot, opts: MarketMatchOptions): Result<MatchOutcome> {
  if (order.type !== 'MARKET') return fail('WRONG_ORDER_TYPE', `matchMarket got ${order.type} order ${order.orderId}`);
  const setup = prepare(order, opts);
  if (!setup.ok) return setup;
  const side = oppositeSide(order.side);
  const ladder = toLadder(book[side], side);
  const walked = walk(order, ladder, takerRules(order.side, undefined, setup.value.fees, setup.value.tickSize, opts.now));
  if (!walked.ok) return walked;
  let result = walked.value.order;
  if (result.leavesQuantity.gt(0) && (opts.unfilledMarket ?? 'cancel') === 'cancel') {
    const reason = `insufficient liquidity: ${result.leavesQuantity.toString()} of ${result.quantity.toString()} unfilled`;
    const canceled = cancel(result, reason);
    if (!canceled.ok) return canceled;
    result = canceled.value;
  }
  return ok({ order: result, fills: walked.value.fills, book: { ...book, [side]: fromLadder(ladder) } });
}

/** Fills the marketable part of a LIMIT order as TAKER; the rest stays open (rests) for crossRestingLimits. */
export function matchLimit(order: OrderAggregate, book: BookSnapshot, opts: MatchOptions): Result<MatchOutcome> {
  if (order.type !== 'LIMIT' || order.limitPrice === undefined) {
    return fail('WRONG_ORDER_TYPE', `matchLimit got ${order.type} order ${order.orderId}`);
  }
  const setup = prepare(order, opts);
  if (!setup.ok) return setup;
  const side = oppositeSide(order.side);
  const ladder = toLadder(book[side], side);
  const walked = walk(order, ladder, takerRules(order.side, order.limitPrice, setup.value.fees, setup.value.tickSize, opts.now));
  if (!walked.ok) return walked;
  return ok({ order: walked.value.order, fills: walked.value.fills, book: { ...book, [side]: fromLadder(ladder) } });
}

/**
 * Fills resting LIMIT orders the book now crosses, as MAKER at their limit price, oldest first
 * (createdAt, ties by position in the input), all from one shared copy of the book so two orders
 * never take the same size. Orders that are terminal or not LIMIT are returned unchanged. Resting
 * orders are matched against the external book only, never against each other.
 */
export function crossRestingLimits(orders: readonly OrderAggregate[], book: BookSnapshot, opts: MatchOptions): Result<CrossOutcome> {
  const fees = opts.fees ?? DEFAULT_FEES;
  const validFees = validateFeeSchedule(fees);
  if (!validFees.ok) return validFees;
  const ladders = { asks: toLadder(book.asks, 'asks'), bids: toLadder(book.bids, 'bids') };
  const updated = [...orders];
  const fills: ExecutionFill[] = [];
  for (const index of oldestFirst(orders)) {
    const order = orders[index];
    if (order === undefined || order.type !== 'LIMIT' || order.limitPrice === undefined || !isOpen(order)) continue;
    const limitPrice = order.limitPrice;
    const rules: TakeRules = { liquidity: 'MAKER', limitPrice, priceFor: () => limitPrice, fees, now: opts.now };
    const walked = walk(order, ladders[oppositeSide(order.side)], rules);
    if (!walked.ok) return walked;
    updated[index] = walked.value.order;
    fills.push(...walked.value.fills);
  }
  return ok({ orders: updated, fills, book: { bids: fromLadder(ladders.bids), asks: fromLadder(ladders.asks) } });
}

function prepare(order: OrderAggregate, opts: MatchOptions): Result<{ fees: FeeSchedule; tickSize: Decimal }> {
  if (!isOpen(order)) return fail('ORDER_TERMINAL', `order ${order.orderId} is ${order.status}`);
  const fees = validateFeeSchedule(opts.fees ?? DEFAULT_FEES);
  if (!fees.ok) return fees;
  return ok({ fees: fees.value, tickSize: exact(opts.tickSize ?? DEFAULT_TICK_SIZE) });
}

function takerRules(side: Side, limitPrice: Decimal | undefined, fees: FeeSchedule, tickSize: Decimal, now: string): TakeRules {
  // Rounding against the taker: never better than the book, and never through an on-tick limit.
  const direction = side === 'BUY' ? 'up' : 'down';
  return { liquidity: 'TAKER', limitPrice, priceFor: (levelPrice) => roundToTick(levelPrice, tickSize, direction), fees, now };
}

/** Takes from a best-first ladder until the order is filled, the ladder is empty or a level is past the limit. */
function walk(order: OrderAggregate, ladder: LadderLevel[], rules: TakeRules): Result<{ order: OrderAggregate; fills: ExecutionFill[] }> {
  let current = order;
  const fills: ExecutionFill[] = [];
  for (const level of ladder) {
    if (current.leavesQuantity.isZero()) break;
    if (rules.limitPrice !== undefined && !levelAcceptable(order.side, level.price, rules.limitPrice)) break;
    // A level size with more than 10 decimals is truncated: the take must be storable and never exceed the level.
    const available = floorToStorageScale(level.size);
    const quantity = current.leavesQuantity.lt(available) ? current.leavesQuantity : available;
    if (quantity.lte(0)) continue;
    const price = rules.priceFor(level.price);
    const fill: ExecutionFill = {
      tradeId: `${order.orderId}-${current.fills.length + 1}`,
      orderId: order.orderId,
      quantity,
      price,
      fee: computeFee(quantity, price, rules.liquidity, rules.fees),
      liquidity: rules.liquidity,
      timestamp: rules.now,
    };
    const applied = applyFill(current, fill);
    if (!applied.ok) return applied;
    current = applied.value;
    const stored = current.fills[current.fills.length - 1];
    if (stored !== undefined) fills.push(stored);
    level.size = level.size.minus(quantity);
  }
  return ok({ order: current, fills });
}

/** A BUY takes asks at or below its limit; a SELL takes bids at or above it. */
function levelAcceptable(side: Side, levelPrice: Decimal, limitPrice: Decimal): boolean {
  return side === 'BUY' ? levelPrice.lte(limitPrice) : levelPrice.gte(limitPrice);
}

/** Indices by time priority. Date.parse, not string order: offsets make ISO strings unsortable as text. */
function oldestFirst(orders: readonly OrderAggregate[]): number[] {
  const times = orders.map((order) => Date.parse(order.createdAt));
  return orders.map((_, index) => index).sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
}
