// Pre-trade checks: the limits each refuse with their code and field; only the opening part of an
// order needs buying power; and (property) whatever passes never needs more buying power than there is.
import fc from 'fast-check';
import { exact } from '@aitrader/platform/decimal';
import type { BookSnapshot } from './book';
import { checkPreTrade, openingQuantity, referencePrice, type PreTradeLimits } from './pre-trade';

const BOOK: BookSnapshot = { bids: [[99.9, 500]], asks: [[100.1, 500]] };
const LIMITS: PreTradeLimits = { maxQuantity: 100_000, maxNotional: 250_000, collar: 0.1 };
const RICH = { buyingPower: 1_000_000, position: 0 };

test('the reference price is the mid, else the side there is', () => {
  expect(referencePrice(BOOK)!.toNumber()).toBe(100);
  expect(referencePrice({ bids: [[99, 1]], asks: [] })!.toNumber()).toBe(99);
  expect(referencePrice({ bids: [], asks: [] })).toBeNull();
});

test('the issue’s cases: 1e9 shares at 0.01, a 10 M notional, a limit far from the market', () => {
  expect(checkPreTrade({ side: 'BUY', quantity: 1e9, limitPrice: 0.01 }, BOOK, { buyingPower: 40_600, position: 0 }, LIMITS)).toMatchObject({ code: 'MAX_QUANTITY_EXCEEDED', field: 'quantity' });
  expect(checkPreTrade({ side: 'BUY', quantity: 100_000, limitPrice: 100 }, BOOK, RICH, LIMITS)).toMatchObject({ code: 'MAX_NOTIONAL_EXCEEDED', field: 'quantity' });
  expect(checkPreTrade({ side: 'BUY', quantity: 10, limitPrice: 0.01 }, BOOK, RICH, LIMITS)).toMatchObject({ code: 'PRICE_OUTSIDE_COLLAR', field: 'limitPrice', message: expect.stringMatching(/more than 10 % from the market \(100\)/) });
  expect(checkPreTrade({ side: 'SELL', quantity: 10, limitPrice: 111 }, BOOK, RICH, LIMITS)).toMatchObject({ code: 'PRICE_OUTSIDE_COLLAR' });
  expect(checkPreTrade({ side: 'BUY', quantity: 10, limitPrice: 109 }, BOOK, RICH, LIMITS)).toBeNull();
});

test('buying power: a MARKET buy is valued at the ask; 1,000 shares on 40,600 is refused', () => {
  expect(checkPreTrade({ side: 'BUY', quantity: 1000 }, BOOK, { buyingPower: 40_600, position: 0 }, LIMITS)).toEqual({
    code: 'INSUFFICIENT_BUYING_POWER', field: 'quantity', message: 'order needs 100100 of buying power; the account has 40600',
  });
  expect(checkPreTrade({ side: 'BUY', quantity: 400 }, BOOK, { buyingPower: 40_600, position: 0 }, LIMITS)).toBeNull();
});

test('closing needs no buying power; only what opens beyond the position does', () => {
  expect(openingQuantity({ side: 'SELL', quantity: 300 }, 500).toNumber()).toBe(0);
  expect(openingQuantity({ side: 'SELL', quantity: 700 }, 500).toNumber()).toBe(200);
  expect(openingQuantity({ side: 'BUY', quantity: 700 }, -500).toNumber()).toBe(200);
  expect(openingQuantity({ side: 'BUY', quantity: 700 }, 500).toNumber()).toBe(700);
  expect(checkPreTrade({ side: 'SELL', quantity: 500 }, BOOK, { buyingPower: 0, position: 500 }, LIMITS)).toBeNull();
  expect(checkPreTrade({ side: 'SELL', quantity: 501 }, BOOK, { buyingPower: 0, position: 500 }, LIMITS)).toMatchObject({ code: 'INSUFFICIENT_BUYING_POWER' });
});

test('an empty book: a MARKET order cannot be valued and goes on (it will find no liquidity); a LIMIT is valued at its limit', () => {
  const empty: BookSnapshot = { bids: [], asks: [] };
  expect(checkPreTrade({ side: 'BUY', quantity: 1000 }, empty, { buyingPower: 0, position: 0 }, LIMITS)).toBeNull();
  expect(checkPreTrade({ side: 'BUY', quantity: 1000, limitPrice: 5 }, empty, { buyingPower: 0, position: 0 }, LIMITS)).toMatchObject({ code: 'INSUFFICIENT_BUYING_POWER' });
});

test('property: an order that passes never needs more buying power, notional or quantity than allowed', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('BUY' as const, 'SELL' as const),
      fc.integer({ min: 1, max: 200_000 }),
      fc.option(fc.integer({ min: 1, max: 20_000 }).map((c) => c / 100), { nil: undefined }),
      fc.integer({ min: 0, max: 500_000 }),
      fc.integer({ min: -5_000, max: 5_000 }),
      (side, quantity, limitPrice, buyingPower, position) => {
        const order = { side, quantity, limitPrice };
        if (checkPreTrade(order, BOOK, { buyingPower, position }, LIMITS) !== null) return;
        const price = exact(limitPrice ?? (side === 'BUY' ? 100.1 : 99.9));
        expect(exact(quantity).lte(LIMITS.maxQuantity)).toBe(true);
        expect(exact(quantity).times(price).lte(LIMITS.maxNotional)).toBe(true);
        expect(openingQuantity(order, position).times(price).lte(buyingPower)).toBe(true);
        if (limitPrice !== undefined) expect(exact(limitPrice).minus(100).abs().div(100).lte(0.1)).toBe(true);
      },
    ),
    { seed: 7, numRuns: 500 },
  );
});
