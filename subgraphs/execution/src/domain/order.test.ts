// Example-based tests of the order aggregate: creation checks, each fill invariant and its error
// code, cancel and reject, and that nothing is ever mutated in place.
import { createOrder } from './create-order';
import { averageFillPrice, applyFill, cancel, openQuantity, reject } from './order';
import { fill, newOrder, orderMessage, unwrap } from './test-fixtures';

describe('createOrder', () => {
  it('books a valid order as NEW with everything left', () => {
    const order = newOrder({ quantity: 2.5 });
    expect(order.status).toBe('NEW');
    expect(order.leavesQuantity.toString()).toBe('2.5');
    expect(order.filledQuantity.toString()).toBe('0');
    expect(averageFillPrice(order)).toBeUndefined();
    expect(Object.isFrozen(order)).toBe(true);
  });

  it.each([
    ['zero quantity', orderMessage({ quantity: 0 })],
    ['11 decimals', orderMessage({ quantity: 0.00000000001 })],
    ['LIMIT without price', orderMessage({ type: 'LIMIT' })],
    ['MARKET with price', orderMessage({ limitPrice: 10 })],
    ['limit off the tick', orderMessage({ type: 'LIMIT', limitPrice: 10.005 })],
  ])('refuses %s', (_, message) => {
    const created = createOrder({ orderId: 'o-1', order: message });
    expect(created.ok ? undefined : created.error.code).toBe('INVALID_ORDER');
  });

  it('checks the limit against the tick it is given', () => {
    const message = orderMessage({ type: 'LIMIT', limitPrice: 10.005 });
    expect(createOrder({ orderId: 'o-1', order: message, tickSize: '0.005' }).ok).toBe(true);
  });
});

describe('applyFill', () => {
  it('fills partially then completely, with the exact average price', () => {
    const start = newOrder({ quantity: 10 });
    const partial = unwrap(applyFill(start, fill('t1', 4, '100.10', { fee: '0.04' })));
    expect(partial.status).toBe('PARTIALLY_FILLED');
    expect(partial.leavesQuantity.toString()).toBe('6');
    const full = unwrap(applyFill(partial, fill('t2', 6, '100.20', { fee: '0.06' })));
    expect(full.status).toBe('FILLED');
    expect(full.filledQuantity.toString()).toBe('10');
    expect(full.leavesQuantity.toString()).toBe('0');
    // (4 × 100.10 + 6 × 100.20) / 10 = 1001.60 / 10
    expect(averageFillPrice(full)?.toString()).toBe('100.16');
    expect(full.totalFees.toString()).toBe('0.1');
    expect(start.status).toBe('NEW'); // the input is untouched
  });

  it('refuses an overfill without change', () => {
    const result = applyFill(newOrder({ quantity: 1 }), fill('t1', '1.0000000001', 10));
    expect(result.ok ? undefined : result.error.code).toBe('OVERFILL');
  });

  it('refuses a duplicate trade id, even on a FILLED order', () => {
    const full = unwrap(applyFill(newOrder({ quantity: 1 }), fill('t1', 1, 10)));
    const again = applyFill(full, fill('t1', 1, 10));
    expect(again.ok ? undefined : again.error.code).toBe('DUPLICATE_TRADE');
    const other = applyFill(full, fill('t2', 1, 10));
    expect(other.ok ? undefined : other.error.code).toBe('ORDER_TERMINAL');
  });

  it.each([
    ['non-positive quantity', fill('t1', 0, 10)],
    ['non-positive price', fill('t1', 1, 0)],
    ['negative fee', fill('t1', 1, 10, { fee: -1 })],
    ['11-decimal price', fill('t1', 1, '10.00000000001')],
    ['another order', fill('t1', 1, 10, { orderId: 'o-2' })],
  ])('refuses a fill with %s', (_, bad) => {
    const result = applyFill(newOrder(), bad);
    expect(result.ok ? undefined : result.error.code).toBe('INVALID_FILL');
  });

  it('refuses a fill through the limit', () => {
    const buy = newOrder({ type: 'LIMIT', limitPrice: 50 });
    const sell = newOrder({ type: 'LIMIT', side: 'SELL', limitPrice: 50 });
    const tooHigh = applyFill(buy, fill('t1', 1, '50.01'));
    const tooLow = applyFill(sell, fill('t1', 1, '49.99'));
    expect(tooHigh.ok ? undefined : tooHigh.error.code).toBe('PRICE_THROUGH_LIMIT');
    expect(tooLow.ok ? undefined : tooLow.error.code).toBe('PRICE_THROUGH_LIMIT');
    expect(applyFill(buy, fill('t1', 1, '49.99')).ok).toBe(true);
  });

  it('refuses fills once canceled', () => {
    const canceled = unwrap(cancel(newOrder()));
    const result = applyFill(canceled, fill('t1', 1, 10));
    expect(result.ok ? undefined : result.error.code).toBe('ORDER_TERMINAL');
  });
});

describe('cancel and reject', () => {
  it('cancels a partly filled order, keeping filled + leaves = quantity', () => {
    const partial = unwrap(applyFill(newOrder({ quantity: 10 }), fill('t1', 3, 10)));
    const canceled = unwrap(cancel(partial, 'user request'));
    expect(canceled.status).toBe('CANCELED');
    expect(canceled.reason).toBe('user request');
    expect(canceled.filledQuantity.plus(canceled.leavesQuantity).toString()).toBe('10');
    expect(openQuantity(canceled).toString()).toBe('0');
    expect(openQuantity(partial).toString()).toBe('7');
  });

  it('rejects a NEW order but not one that has traded', () => {
    expect(unwrap(reject(newOrder(), 'risk limit')).status).toBe('REJECTED');
    const partial = unwrap(applyFill(newOrder({ quantity: 10 }), fill('t1', 3, 10)));
    const result = reject(partial, 'too late');
    expect(result.ok ? undefined : result.error.code).toBe('REJECT_AFTER_FILL');
  });

  it('refuses to cancel twice', () => {
    const result = cancel(unwrap(cancel(newOrder())));
    expect(result.ok ? undefined : result.error.code).toBe('ORDER_TERMINAL');
  });
});
