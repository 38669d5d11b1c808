// Resting orders against a new book: every open order of a resting type (see order-types/) that the
// book now crosses is filled by its type's crossResting, oldest first (createdAt, ties by position in
// the input), all from one shared copy of the book so two orders never take the same size. Resting
// orders are matched against the external book only, never against each other.
import { fromLadders, toLadders, type BookSnapshot } from './book';
import { ok, type Result } from './errors';
import { DEFAULT_FEES, validateFeeSchedule } from './fees';
import type { CrossOutcome, MatchOptions } from './matching';
import { isOpen, type ExecutionFill, type OrderAggregate } from './order';
import { orderTypeSpec } from './order-types';

/** Orders that are terminal or of a type that does not rest are returned unchanged. */
export function crossRestingOrders(orders: readonly OrderAggregate[], book: BookSnapshot, opts: MatchOptions): Result<CrossOutcome> {
  const fees = validateFeeSchedule(opts.fees ?? DEFAULT_FEES);
  if (!fees.ok) return fees;
  const ctx = { now: opts.now, fees: fees.value };
  const ladders = toLadders(book);
  const updated = [...orders];
  const fills: ExecutionFill[] = [];
  for (const index of oldestFirst(orders)) {
    const order = orders[index];
    if (order === undefined || !isOpen(order)) continue;
    const spec = orderTypeSpec(order.type);
    if (spec.crossResting === undefined) continue;
    const taken = spec.crossResting(order, ladders, ctx);
    if (!taken.ok) return taken;
    updated[index] = taken.value.order;
    fills.push(...taken.value.fills);
  }
  return ok({ orders: updated, fills, book: fromLadders(ladders) });
}

/** Indices by time priority. Date.parse, not string order: offsets make ISO strings unsortable as text. */
function oldestFirst(orders: readonly OrderAggregate[]): number[] {
  const times = orders.map((order) => Date.parse(order.createdAt));
  return orders.map((_, index) => index).sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
}
