// applyFill by hand: a worked example through every case (open, add, reduce, flip, close), rounding,
// fees and purity. Expected figures are computed in the comments.
import Decimal from 'decimal.js';
import { AccountDomainError } from './errors';
import { exact } from '@aitrader/platform/decimal';
import { applyFill, emptyPosition, replayFills, type FillInput, type PositionState, type Side } from './position';

const fill = (side: Side, quantity: string, price: string, fee = '0'): FillInput => ({
  side,
  quantity: exact(quantity),
  price: exact(price),
  fee: exact(fee),
});
const text = (p: PositionState) => ({
  quantity: p.quantity.toString(),
  averagePrice: p.averagePrice.toString(),
  realizedPnl: p.realizedPnl.toString(),
});

test('worked example: open, add, partial close, flip short, close flat', () => {
  // Starting cash 10000; every fill pays a fee of 1.
  const steps: Array<[FillInput, { quantity: string; averagePrice: string; realized: string; realizedPnl: string; cashDelta: string; cash: string }]> = [
    // BUY 100 @ 10: opens long 100 @ 10. cash −100×10 −1 = −1001; realizes −fee = −1.
    [fill('BUY', '100', '10', '1'), { quantity: '100', averagePrice: '10', realized: '-1', realizedPnl: '-1', cashDelta: '-1001', cash: '8999' }],
    // BUY 50 @ 13: adds. avg (100×10 + 50×13)/150 = 1650/150 = 11. cash −650 −1 = −651.
    [fill('BUY', '50', '13', '1'), { quantity: '150', averagePrice: '11', realized: '-1', realizedPnl: '-2', cashDelta: '-651', cash: '8348' }],
    // SELL 120 @ 12: partial close of a long. realized (12−11)×120 − 1 = 119; avg stays 11; cash +1440 −1.
    [fill('SELL', '120', '12', '1'), { quantity: '30', averagePrice: '11', realized: '119', realizedPnl: '117', cashDelta: '1439', cash: '9787' }],
    // SELL 80 @ 9: closes the 30 long, realizing (9−11)×30 − 1 = −61, then opens short 50 @ 9. cash +720 −1.
    [fill('SELL', '80', '9', '1'), { quantity: '-50', averagePrice: '9', realized: '-61', realizedPnl: '56', cashDelta: '719', cash: '10506' }],
    // BUY 50 @ 8: closes the short, realizing (9−8)×50 − 1 = 49; flat so avg 0. cash −400 −1.
    [fill('BUY', '50', '8', '1'), { quantity: '0', averagePrice: '0', realized: '49', realizedPnl: '105', cashDelta: '-401', cash: '10105' }],
  ];
  let position = emptyPosition();
  let cash = exact('10000');
  for (const [input, expected] of steps) {
    const outcome = applyFill(position, input);
    position = outcome.position;
    cash = cash.plus(outcome.cashDelta);
    expect({
      ...text(position),
      realized: outcome.realized.toString(),
      cashDelta: outcome.cashDelta.toString(),
      cash: cash.toString(),
    }).toEqual(expected);
  }
  // Flat again: all that is left is cash = starting cash + realized (net of the five fees).
  expect(cash.toString()).toBe(exact('10000').plus(position.realizedPnl).toString());
});

test('average price rounds to 10 places (half even), and so does the P&L of a closed lot', () => {
  // BUY 1 @ 10 then BUY 2 @ 11: avg 32/3 = 10.666666666666… → 10.6666666667
  const long = replayFills([fill('BUY', '1', '10'), fill('BUY', '2', '11')]).position;
  expect(text(long)).toEqual({ quantity: '3', averagePrice: '10.6666666667', realizedPnl: '0' });
  // SELL 0.5 @ 12: (12 − 10.6666666667) × 0.5 = 1.3333333333 × 0.5 = 0.66666666665, a tie → 0.6666666666
  const sold = applyFill(long, fill('SELL', '0.5', '12'));
  expect(sold.realized.toString()).toBe('0.6666666666');
  expect(text(sold.position)).toEqual({ quantity: '2.5', averagePrice: '10.6666666667', realizedPnl: '0.6666666666' });
});

test('the notional rounds before it becomes cash: 1.5 × 0.0000000001 = 0.00000000015 → 0.0000000002', () => {
  expect(applyFill(emptyPosition(), fill('BUY', '1.5', '0.0000000001')).cashDelta.toString()).toBe('-0.0000000002');
});

test('shorts: averaging, covering part, then flipping long', () => {
  // SELL 1 @ 10, SELL 2 @ 11: short 3 @ 32/3 → 10.6666666667; cash +10 +22 = 32
  const opened = replayFills([fill('SELL', '1', '10'), fill('SELL', '2', '11')]);
  expect(text(opened.position)).toEqual({ quantity: '-3', averagePrice: '10.6666666667', realizedPnl: '0' });
  expect(opened.cashDelta.toString()).toBe('32');
  // BUY 1 @ 9 covers 1: realized (10.6666666667 − 9) × 1 = 1.6666666667, fee 0.5 → 1.1666666667
  const covered = applyFill(opened.position, fill('BUY', '1', '9', '0.5'));
  expect(covered.realized.toString()).toBe('1.1666666667');
  expect(text(covered.position)).toEqual({ quantity: '-2', averagePrice: '10.6666666667', realizedPnl: '1.1666666667' });
  // BUY 5 @ 12 closes the 2 short at a loss: (10.6666666667 − 12) × 2 = −2.6666666666, then long 3 @ 12
  const flipped = applyFill(covered.position, fill('BUY', '5', '12'));
  expect(flipped.realized.toString()).toBe('-2.6666666666');
  expect(text(flipped.position)).toEqual({ quantity: '3', averagePrice: '12', realizedPnl: '-1.4999999999' });
  expect(flipped.cashDelta.toString()).toBe('-60');
});

test('fee-free opening realizes exactly zero (no negative zero) and flat positions have average 0', () => {
  const opened = applyFill(emptyPosition(), fill('BUY', '2', '5'));
  expect(opened.realized.isZero() && !opened.realized.isNegative()).toBe(true);
  const closed = applyFill(opened.position, fill('SELL', '2', '5'));
  expect(text(closed.position)).toEqual({ quantity: '0', averagePrice: '0', realizedPnl: '0' });
  for (const value of [closed.position.quantity, closed.position.averagePrice, closed.position.realizedPnl, closed.realized]) {
    expect(value.isNegative()).toBe(false);
  }
});

test('pure: inputs are not mutated, and default-configured Decimals are computed at full precision', () => {
  // 20-digit decimal.js would round these 24-digit sums; the domain must not
  const position: PositionState = {
    quantity: new Decimal('1'),
    averagePrice: new Decimal('12345678901234.5678901234'),
    realizedPnl: new Decimal('0.0000000001'),
  };
  const input: FillInput = { side: 'BUY', quantity: new Decimal('1'), price: new Decimal('1.0000000001'), fee: new Decimal('0') };
  const before = JSON.stringify([position, input]);
  const outcome = applyFill(position, input);
  expect(JSON.stringify([position, input])).toBe(before);
  // avg (12345678901234.5678901234 + 1.0000000001) / 2 = 12345678901235.5678901235 / 2
  //     = 6172839450617.78394506175, a tie: …0617 is odd, so → …0618
  expect(outcome.position.averagePrice.toString()).toBe('6172839450617.7839450618');
  expect(outcome.position.realizedPnl.toString()).toBe('0.0000000001');
  expect(outcome.cashDelta.toString()).toBe('-1.0000000001');
});

test.each([
  [{ side: 'BUY', quantity: '0', price: '1', fee: '0' }, 'quantity'],
  [{ side: 'SELL', quantity: '1', price: '-1', fee: '0' }, 'price'],
  [{ side: 'BUY', quantity: '1', price: '1', fee: '-0.01' }, 'fee'],
  [{ side: 'HOLD', quantity: '1', price: '1', fee: '0' }, 'side'],
])('applyFill refuses a fill validateFill refuses (%j)', (bad, field) => {
  const input = { ...bad, quantity: exact(bad.quantity), price: exact(bad.price), fee: exact(bad.fee) } as FillInput;
  expect(() => applyFill(emptyPosition(), input)).toThrow(expect.objectContaining({ code: 'INVALID_FILL', field }));
  expect(() => applyFill(emptyPosition(), input)).toThrow(AccountDomainError);
});
