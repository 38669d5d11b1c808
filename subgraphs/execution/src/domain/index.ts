// Public API of the execution domain: the order state machine, the order aggregate, simulated
// matching and fees. Pure: no I/O, no clock, no randomness (ids and time are inputs).
export { ORDER_EVENTS, ORDER_STATES, TRANSITIONS, fillEvent, isTerminal, transition } from './order-state';
export type { OrderEvent, OrderState, Transition, TransitionErrorCode } from './order-state';
export { applyFill, averageFillPrice, cancel, createOrder, isOpen, isThroughLimit, openQuantity, reject } from './order';
export type { CreateOrderInput, ExecutionFill, Liquidity, OrderAggregate, OrderType, Side } from './order';
export { crossRestingLimits, matchLimit, matchMarket } from './matching';
export type { CrossOutcome, MarketMatchOptions, MatchOptions, MatchOutcome } from './matching';
export type { BookLevel, BookSnapshot } from './book';
export { DEFAULT_FEES, computeFee, validateFeeSchedule } from './fees';
export type { FeeSchedule } from './fees';
export { DEFAULT_TICK_SIZE, isOnTick, roundToTick } from './tick-grid';
export { fail, ok } from './errors';
export type { DomainError, OrderErrorCode, Result } from './errors';
export { toFillMessage } from './wire';
export { orderUpdateOf } from './order-update';
export type { OrderUpdate } from './order-update';
