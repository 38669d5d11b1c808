// The transition table, asserted pair by pair: every (state, event) combination is listed once here,
// so a change to the table must be a deliberate change to this test too.
import { ORDER_EVENTS, ORDER_STATES, fillEvent, isTerminal, transition, type OrderEvent, type OrderState, type Transition } from './order-state';

const EXPECTED: ReadonlyArray<[OrderState, OrderEvent, Transition]> = [
  ['NEW', 'PARTIAL_FILL', { next: 'PARTIALLY_FILLED' }],
  ['NEW', 'COMPLETE_FILL', { next: 'FILLED' }],
  ['NEW', 'CANCEL', { next: 'CANCELED' }],
  ['NEW', 'REJECT', { next: 'REJECTED' }],
  ['PARTIALLY_FILLED', 'PARTIAL_FILL', { next: 'PARTIALLY_FILLED' }],
  ['PARTIALLY_FILLED', 'COMPLETE_FILL', { next: 'FILLED' }],
  ['PARTIALLY_FILLED', 'CANCEL', { next: 'CANCELED' }],
  ['PARTIALLY_FILLED', 'REJECT', { error: 'REJECT_AFTER_FILL' }],
  ['FILLED', 'PARTIAL_FILL', { error: 'ORDER_TERMINAL' }],
  ['FILLED', 'COMPLETE_FILL', { error: 'ORDER_TERMINAL' }],
  ['FILLED', 'CANCEL', { error: 'ORDER_TERMINAL' }],
  ['FILLED', 'REJECT', { error: 'ORDER_TERMINAL' }],
  ['CANCELED', 'PARTIAL_FILL', { error: 'ORDER_TERMINAL' }],
  ['CANCELED', 'COMPLETE_FILL', { error: 'ORDER_TERMINAL' }],
  ['CANCELED', 'CANCEL', { error: 'ORDER_TERMINAL' }],
  ['CANCELED', 'REJECT', { error: 'ORDER_TERMINAL' }],
  ['REJECTED', 'PARTIAL_FILL', { error: 'ORDER_TERMINAL' }],
  ['REJECTED', 'COMPLETE_FILL', { error: 'ORDER_TERMINAL' }],
  ['REJECTED', 'CANCEL', { error: 'ORDER_TERMINAL' }],
  ['REJECTED', 'REJECT', { error: 'ORDER_TERMINAL' }],
];

describe('order transition table', () => {
  it.each(EXPECTED)('%s + %s', (state, event, expected) => {
    expect(transition(state, event)).toEqual(expected);
  });

  it('lists every (state, event) pair exactly once', () => {
    const listed = new Set(EXPECTED.map(([state, event]) => `${state}/${event}`));
    expect(listed.size).toBe(EXPECTED.length);
    expect(EXPECTED.length).toBe(ORDER_STATES.length * ORDER_EVENTS.length);
  });

  it('derives the terminal states from the table', () => {
    expect(ORDER_STATES.filter(isTerminal)).toEqual(['FILLED', 'CANCELED', 'REJECTED']);
  });

  it('picks the fill event from whether anything is left', () => {
    expect(fillEvent(true)).toBe('COMPLETE_FILL');
    expect(fillEvent(false)).toBe('PARTIAL_FILL');
  });
});
