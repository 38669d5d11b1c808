// The order lifecycle as one exhaustive transition table: every (state, event) pair has exactly one
// entry, so an unhandled combination is a compile error rather than a runtime surprise.
//
// Deliberately absent:
//   - ACCEPT: the simulator validates and books an order synchronously, so orders are created NEW;
//     there is no venue acknowledgement to wait for (a PENDING_NEW state would never be observed).
//   - EXPIRE: the Order message has no time-in-force or expiry, so nothing could trigger it; an
//     unfillable market remainder is a CANCEL with a reason. Add EXPIRE with a TIF field, not before.
// FILL is split into PARTIAL_FILL / COMPLETE_FILL so the table stays data-free; fillEvent() picks one
// from quantities.
import { ORDER_STATUSES } from '@aitrader/platform/messages';

/** The platform's order statuses (the one list; the Prisma and GraphQL enums are tested against it). */
export const ORDER_STATES = ORDER_STATUSES;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_EVENTS = ['PARTIAL_FILL', 'COMPLETE_FILL', 'CANCEL', 'REJECT'] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

export type TransitionErrorCode = 'ORDER_TERMINAL' | 'REJECT_AFTER_FILL';
export type Transition = { readonly next: OrderState } | { readonly error: TransitionErrorCode };

const to = (next: OrderState): Transition => ({ next });
const TERMINAL: Transition = { error: 'ORDER_TERMINAL' };
const TERMINAL_ROW: Readonly<Record<OrderEvent, Transition>> = {
  PARTIAL_FILL: TERMINAL,
  COMPLETE_FILL: TERMINAL,
  CANCEL: TERMINAL,
  REJECT: TERMINAL,
};

export const TRANSITIONS: Readonly<Record<OrderState, Readonly<Record<OrderEvent, Transition>>>> = {
  NEW: {
    PARTIAL_FILL: to('PARTIALLY_FILLED'),
    COMPLETE_FILL: to('FILLED'),
    CANCEL: to('CANCELED'),
    REJECT: to('REJECTED'),
  },
  PARTIALLY_FILLED: {
    PARTIAL_FILL: to('PARTIALLY_FILLED'),
    COMPLETE_FILL: to('FILLED'),
    CANCEL: to('CANCELED'),
    // Fills already reached the accounts service; "rejected" would deny trades that happened.
    REJECT: { error: 'REJECT_AFTER_FILL' },
  },
  FILLED: TERMINAL_ROW,
  CANCELED: TERMINAL_ROW,
  REJECTED: TERMINAL_ROW,
};

export function transition(state: OrderState, event: OrderEvent): Transition {
  return TRANSITIONS[state][event];
}

/** Terminal = the table refuses every event with ORDER_TERMINAL (derived, so it cannot drift). */
export function isTerminal(state: OrderState): boolean {
  return ORDER_EVENTS.every((event) => {
    const outcome = TRANSITIONS[state][event];
    return 'error' in outcome && outcome.error === 'ORDER_TERMINAL';
  });
}

/** The states an order can still trade in (NEW, PARTIALLY_FILLED): what a resting order can be. */
export const OPEN_ORDER_STATES: readonly OrderState[] = Object.freeze(ORDER_STATES.filter((state) => !isTerminal(state)));

/** The fill event for a fill that leaves `leavesAfter` unfilled. */
export function fillEvent(leavesAfterIsZero: boolean): OrderEvent {
  return leavesAfterIsZero ? 'COMPLETE_FILL' : 'PARTIAL_FILL';
}
