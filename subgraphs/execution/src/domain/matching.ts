// Matching helpers shared by the order types: whether an order may trade, walking one side of the
// book level by level, the taker and maker price rules, fees. Each type's own matcher (MARKET, LIMIT)
// lives in its file under order-types/ and is built from these; crossRestingOrders (cross-resting.ts)
// fills resting orders. Every fill goes through applyFill, so the order's invariants hold for whatever
// a matcher produces; a returned book has the consumed size removed.
//
// Determinism: no clock and no randomness. Fill timestamps are opts.now; trade ids are
// `${orderId}-${n}` with n the order's own fill ordinal (1, 2, ...), so matching the same order state
// against the same book yields the same fills, and re-applying them is refused as DUPLICATE_TRADE.
import type Decimal from 'decimal.js';
import { fromLadder, oppositeSide, toLadder, type BookSnapshot, type LadderLevel } from './book';
import { exact, floorToStorageScale } from '@aitrader/platform/decimal';
import { DEFAULT_TICK_SIZE, roundToTick } from './tick-grid';
import { fail, ok, type Result } from './errors';
import { computeFee, DEFAULT_FEES, validateFeeSchedule, type FeeSchedule } from './fees';
import { applyFill, isOpen, type ExecutionFill, type Liquidity, type OrderAggregate, type Side } from './order';

export interface MatchOptions {
  /** ISO-8601 timestamp stamped on every fill (the engine has no clock). */
  readonly now: string;
  readonly fees?: FeeSchedule;
  /** Taker fill prices are rounded to this grid against the taker. Default 0.01. */
  readonly tickSize?: Decimal.Value;
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

/** What one resting order's cross is given: the fill timestamp and an already validated fee schedule. */
export interface CrossContext {
  readonly now: string;
  readonly fees: FeeSchedule;
}

/** An order after taking from a ladder, and the fills it took, in order. */
export interface Taken {
  readonly order: OrderAggregate;
  readonly fills: readonly ExecutionFill[];
}

/** How one order takes from a ladder: which levels are acceptable and at what price each fills. */
export interface TakeRules {
  readonly liquidity: Liquidity;
  /** Levels worse than this are not taken; undefined for a market order. */
  readonly limitPrice: Decimal | undefined;
  readonly priceFor: (levelPrice: Decimal) => Decimal;
  readonly fees: FeeSchedule;
  readonly now: string;
}

/** An open order and a valid fee schedule, or the reason matching must not start. */
export function prepare(order: OrderAggregate, opts: MatchOptions): Result<{ fees: FeeSchedule; tickSize: Decimal }> {
  if (!isOpen(order)) return fail('ORDER_TERMINAL', `order ${order.orderId} is ${order.status}`);
  const fees = validateFeeSchedule(opts.fees ?? DEFAULT_FEES);
  if (!fees.ok) return fees;
  return ok({ fees: fees.value, tickSize: exact(opts.tickSize ?? DEFAULT_TICK_SIZE) });
}

export function takerRules(side: Side, limitPrice: Decimal | undefined, fees: FeeSchedule, tickSize: Decimal, now: string): TakeRules {
  // Rounding against the taker: never better than the book, and never through an on-tick limit.
  const direction = side === 'BUY' ? 'up' : 'down';
  return { liquidity: 'TAKER', limitPrice, priceFor: (levelPrice) => roundToTick(levelPrice, tickSize, direction), fees, now };
}

/** A resting order fills as MAKER at its own limit price, whatever level crosses it. */
export function makerRules(limitPrice: Decimal, ctx: CrossContext): TakeRules {
  return { liquidity: 'MAKER', limitPrice, priceFor: () => limitPrice, fees: ctx.fees, now: ctx.now };
}

/**
 * Takes from the side opposite the order as TAKER, at tick-rounded prices, no worse than limitPrice
 * when one is given: the arrival match of MARKET (no limit) and LIMIT orders. The book's other side is
 * returned as it came.
 */
export function takeAsTaker(order: OrderAggregate, book: BookSnapshot, opts: MatchOptions, limitPrice: Decimal | undefined): Result<MatchOutcome> {
  const setup = prepare(order, opts);
  if (!setup.ok) return setup;
  const side = oppositeSide(order.side);
  const ladder = toLadder(book[side], side);
  const walked = walk(order, ladder, takerRules(order.side, limitPrice, setup.value.fees, setup.value.tickSize, opts.now));
  if (!walked.ok) return walked;
  return ok({ order: walked.value.order, fills: walked.value.fills, book: { ...book, [side]: fromLadder(ladder) } });
}

/**
 * Takes from a best-first ladder until the order is filled, the ladder is empty or a level is past the
 * limit, reducing the ladder's sizes by what it took. An order that takes nothing comes back as it was.
 */
export function walk(order: OrderAggregate, ladder: LadderLevel[], rules: TakeRules): Result<Taken> {
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
