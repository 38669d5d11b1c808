// fitToLimits: an order too large for the notional, position or buying-power limit is scaled down to the
// largest whole quantity that fits, naming the binding limit; closing needs no buying power; and
// (property) a fitted quantity > 0 always passes checkRisk's size checks.
import fc from 'fast-check';
import { loadStrategyConfig } from './config';
import { checkRisk, fitToLimits, type AccountSnapshot, type RiskOrder } from './risk';

const config = loadStrategyConfig({ risk: { maxPositionPerSymbol: 1000, maxOrderNotional: 100_000, dailyLossLimit: 5000 } });
const account = (overrides: Partial<AccountSnapshot> = {}): AccountSnapshot => ({
  cash: 50_000, buyingPower: 50_000, equity: 50_000, positions: new Map(), dailyRealizedPnl: 0, ...overrides,
});
const order = (side: 'BUY' | 'SELL', quantity: number): RiskOrder => ({ symbol: 'AAPL', side, quantity });

test("the issue's case: 221 AAPL at 255.26 on 43,713 of buying power becomes 171 shares", () => {
  expect(fitToLimits(order('BUY', 221), account({ buyingPower: 43_713.72 }), { price: 255.26 }, config)).toEqual({ quantity: 171, boundBy: 'INSUFFICIENT_BUYING_POWER' });
  expect(171 * 255.26).toBeLessThanOrEqual(43_713.72);
  expect(172 * 255.26).toBeGreaterThan(43_713.72);
});

test('each limit binds in turn; an order that fits is left alone', () => {
  expect(fitToLimits(order('BUY', 10), account(), { price: 100 }, config)).toEqual({ quantity: 10, boundBy: null });
  expect(fitToLimits(order('BUY', 500), account({ buyingPower: 1e9 }), { price: 300 }, config)).toEqual({ quantity: 333, boundBy: 'MAX_NOTIONAL' });
  expect(fitToLimits(order('BUY', 500), account({ buyingPower: 1e9, positions: new Map([['AAPL', 800]]) }), { price: 10 }, config)).toEqual({ quantity: 200, boundBy: 'MAX_POSITION' });
  expect(fitToLimits(order('BUY', 0.1 * 3000), account({ buyingPower: 30 }), { price: 0.1 }, config)).toEqual({ quantity: 300, boundBy: null }); // floating point: 300 × 0.1 fits 30
});

test('closing needs no buying power; a flip needs it for the new side only', () => {
  expect(fitToLimits(order('SELL', 400), account({ buyingPower: 0, positions: new Map([['AAPL', 400]]) }), { price: 100 }, config)).toEqual({ quantity: 400, boundBy: null });
  expect(fitToLimits(order('SELL', 600), account({ buyingPower: 10_000, positions: new Map([['AAPL', 400]]) }), { price: 100 }, config)).toEqual({ quantity: 500, boundBy: 'INSUFFICIENT_BUYING_POWER' });
});

test('property: a fitted quantity > 0 passes every size check of checkRisk', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('BUY' as const, 'SELL' as const),
      fc.integer({ min: 1, max: 5000 }),
      fc.integer({ min: 1, max: 100_000 }).map((c) => c / 100),
      fc.integer({ min: 0, max: 200_000 }),
      fc.integer({ min: -1000, max: 1000 }),
      (side, quantity, price, buyingPower, position) => {
        const snapshot = account({ buyingPower, positions: new Map([['AAPL', position]]) });
        const fitted = fitToLimits(order(side, quantity), snapshot, { price }, config);
        expect(fitted.quantity).toBeLessThanOrEqual(quantity);
        if (fitted.quantity === 0) return;
        const result = checkRisk(order(side, fitted.quantity), snapshot, { price }, config);
        expect(result).toEqual({ ok: true });
      },
    ),
    { seed: 11, numRuns: 1000 },
  );
});

test('a buy too large to afford still covers a short in full', () => {
  expect(fitToLimits(order('BUY', 600), account({ buyingPower: 0, positions: new Map([['AAPL', -500]]) }), { price: 100 }, config)).toEqual({ quantity: 500, boundBy: 'INSUFFICIENT_BUYING_POWER' });
});
