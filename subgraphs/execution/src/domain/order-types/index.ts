// The order-type registry: the one place that lists the order types the engine knows. Booking
// (createOrder), the arrival match, the store's resting-order query and the cross of resting orders
// all look a type up here; none of them names a type.
//
// Adding an order type, e.g. STOP:
//   1. Vocabulary: add 'STOP' to ORDER_TYPES in platform/src/messages.ts, to `enum OrderType` in
//      prisma/schema.prisma (then `npm run migration:new --workspace prisma -- order_type_stop` and
//      `npm run prisma:generate`) and to `enum OrderType` in src/schema.graphql (then `npm run codegen`).
//      order-vocabulary.test.ts fails until the four agree. A type with a price of its own (a stop
//      price) also adds it to the Order message, to OrderPrices (order.ts), which validate returns
//      and createOrder copies onto the order, and to the orders table.
//   2. Write order-types/stop.ts exporting `STOP_ORDER: OrderTypeSpec`: validate (its price rules),
//      matchOnArrival, rests, and crossResting when it rests, built from the helpers in matching.ts
//      (takeAsTaker, walk, takerRules, makerRules). market.ts and limit.ts are the examples.
//   3. Register it below: `STOP: STOP_ORDER`. The compiler asks for it (Record<OrderType, ...>).
// Nothing else changes: the MARKET and LIMIT files, the service and the store stay as they are.
import type { OrderType } from '../order';
import { LIMIT_ORDER } from './limit';
import { MARKET_ORDER } from './market';
import type { OrderTypeSpec } from './spec';

export const ORDER_TYPE_SPECS: Readonly<Record<OrderType, OrderTypeSpec>> = Object.freeze({
  MARKET: MARKET_ORDER,
  LIMIT: LIMIT_ORDER,
});

export function orderTypeSpec(type: OrderType): OrderTypeSpec {
  const spec = ORDER_TYPE_SPECS[type];
  if (spec === undefined) throw new Error(`unknown order type ${String(type)}`);
  return spec;
}

/** The types whose open orders wait on the book (LIMIT today): what the resting-order query asks for. */
export const RESTING_ORDER_TYPES: readonly OrderType[] = Object.freeze(
  Object.values(ORDER_TYPE_SPECS)
    .filter((spec) => spec.rests)
    .map((spec) => spec.type),
);

export { matchLimit } from './limit';
export { matchMarket, type MarketMatchOptions } from './market';
export { LIMIT_PRICE_RULE, type OrderPrices, type OrderTypeSpec } from './spec';
