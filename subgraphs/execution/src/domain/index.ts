// Public API of the execution domain: the order state machine, the order aggregate, the order types
// (one file each under order-types/, registered in one place), simulated matching and fees. Pure: no
// I/O, no clock, no randomness (ids and time are inputs).
export { OPEN_ORDER_STATES, ORDER_EVENTS, ORDER_STATES, TRANSITIONS, fillEvent, isTerminal, transition } from './order-state';
export type { OrderEvent, OrderState, Transition, TransitionErrorCode } from './order-state';
export { applyFill, averageFillPrice, cancel, isOpen, isThroughLimit, openQuantity, reject } from './order';
export type { ExecutionFill, Liquidity, OrderAggregate, OrderType, Side } from './order';
export { createOrder } from './create-order';
export type { CreateOrderInput } from './create-order';
export { ORDER_TYPE_SPECS, RESTING_ORDER_TYPES, matchLimit, matchMarket, orderTypeSpec } from './order-types';
export type { MarketMatchOptions, OrderPrices, OrderTypeSpec } from './order-types';
export { crossRestingOrders } from './cross-resting';
export type { CrossOutcome, MatchOptions, MatchOutcome } from './matching';
export type { BookLevel, BookSnapshot } from './book';
export { DEFAULT_FEES, computeFee, validateFeeSchedule } from './fees';
export type { FeeSchedule } from './fees';
export { DEFAULT_TICK_SIZE, isOnTick, roundToTick } from './tick-grid';
export { fail, ok } from './errors';
export type { DomainError, OrderErrorCode, Result } from './errors';
export { fillViewOf, fillViewsOf } from './fill-views';
export type { FillOwner, FillView } from './fill-views';
export { orderUpdateOf } from './order-update';
export type { OrderUpdate } from './order-update';
export { checkPreTrade, openingQuantity, referencePrice } from './pre-trade';
export type { AccountExposure, PreTradeCode, PreTradeLimits, PreTradeOrder, PreTradeRefusal } from './pre-trade';
