// Hand-computed matching scenarios of the MARKET and LIMIT types and the resting cross: a market order
// walking three levels (VWAP, slippage, fees), a limit order partly marketable then resting then
// crossed, time priority over shared liquidity, an empty book, tick rounding, and replay determinism.
import Decimal from 'decimal.js';
import { exact } from '@aitrader/platform/decimal';
import { crossRestingOrders } from './cross-resting';
import { applyFill, averageFillPrice } from './order';
import { matchLimit, matchMarket } from './order-types';
import { newOrder, T0, unwrap } from './test-fixtures';

const NOW = '2024-05-01T14:31:00.000Z';
const levels = (book: readonly (readonly [Decimal.Value, Decimal.Value])[]) => book.map(([p, s]) => [exact(p).toString(), exact(s).toString()]);

describe('matchMarket', () => {
  const book = {
    bids: [[99.95, 500]] as const,
    asks: [[100.0, 100], [100.05, 100], [100.1, 100]] as const,
  };

  it('walks three ask levels with exact VWAP, slippage and per-fill fees', () => {
    const outcome = unwrap(matchMarket(newOrder({ quantity: 250 }), book, { now: NOW }));
    const fills = outcome.fills.map((f) => [f.tradeId, f.quantity.toString(), f.price.toString(), f.fee.toString(), f.liquidity]);
    // Fees at 1 bp of each level's notional: 10 000 → 1, 10 005 → 1.0005, 5 005 → 0.5005.
    expect(fills).toEqual([
      ['o-1-1', '100', '100', '1', 'TAKER'],
      ['o-1-2', '100', '100.05', '1.0005', 'TAKER'],
      ['o-1-3', '50', '100.1', '0.5005', 'TAKER'],
    ]);
    const vwap = averageFillPrice(outcome.order);
    expect(vwap?.toString()).toBe('100.04'); // 25 010 / 250
    expect(vwap?.minus(100).toString()).toBe('0.04'); // slippage against the best ask: 4 bp
    expect(outcome.order.status).toBe('FILLED');
    expect(outcome.order.totalFees.toString()).toBe('2.501');
    expect(levels(outcome.book.asks)).toEqual([['100.1', '50']]);
    expect(outcome.book.bids).toBe(book.bids);
    expect(outcome.fills.every((f) => f.timestamp === NOW)).toBe(true);
  });

  it('sells into the bids', () => {
    const outcome = unwrap(matchMarket(newOrder({ side: 'SELL', quantity: 20 }), book, { now: NOW }));
    expect(outcome.fills.map((f) => f.price.toString())).toEqual(['99.95']);
    expect(levels(outcome.book.bids)).toEqual([['99.95', '480']]);
  });

  it('cancels what an exhausted book cannot fill, with a reason', () => {
    const outcome = unwrap(matchMarket(newOrder({ quantity: 350 }), book, { now: NOW }));
    expect(outcome.order.status).toBe('CANCELED');
    expect(outcome.order.filledQuantity.toString()).toBe('300');
    expect(outcome.order.reason).toBe('insufficient liquidity: 50 of 350 unfilled');
    expect(outcome.book.asks).toEqual([]);
  });

  it('cancels on an empty book, or leaves the order open when asked to rest', () => {
    const empty = { bids: [], asks: [] };
    const canceled = unwrap(matchMarket(newOrder(), empty, { now: NOW }));
    expect(canceled.fills).toEqual([]);
    expect(canceled.order.status).toBe('CANCELED');
    expect(canceled.order.reason).toBe('insufficient liquidity: 100 of 100 unfilled');
    const resting = unwrap(matchMarket(newOrder(), empty, { now: NOW, unfilledMarket: 'rest' }));
    expect(resting.order.status).toBe('NEW');
  });

  it('rounds off-tick levels against the taker', () => {
    const offTick = { bids: [[100.007, 10]] as const, asks: [[100.003, 10]] as const };
    const buy = unwrap(matchMarket(newOrder({ quantity: 1 }), offTick, { now: NOW }));
    const sell = unwrap(matchMarket(newOrder({ side: 'SELL', quantity: 1 }), offTick, { now: NOW }));
    expect(buy.fills[0]?.price.toString()).toBe('100.01');
    expect(sell.fills[0]?.price.toString()).toBe('100');
  });

  it('takes at most the 10-decimal part of a level and skips dust, sorting a misordered side', () => {
    const odd = { bids: [], asks: [[101, 5], [100, '0.00000000001'], [100.5, '0.123456789012']] as const };
    const outcome = unwrap(matchMarket(newOrder({ quantity: 1 }), odd, { now: NOW }));
    expect(outcome.fills.map((f) => [f.price.toString(), f.quantity.toString()])).toEqual([
      ['100.5', '0.123456789'], // 0.123456789012 truncated to 10 decimals
      ['101', '0.876543211'],
    ]);
  });

  it('is deterministic, so a replay is refused as duplicate trades', () => {
    const order = newOrder({ quantity: 150 });
    const first = unwrap(matchMarket(order, book, { now: NOW }));
    const second = unwrap(matchMarket(order, book, { now: NOW }));
    expect(second.fills).toEqual(first.fills);
    const replayed = applyFill(first.order, first.fills[0]!);
    expect(replayed.ok ? undefined : replayed.error.code).toBe('DUPLICATE_TRADE');
  });

  it('refuses LIMIT and terminal orders', () => {
    const limit = matchMarket(newOrder({ type: 'LIMIT', limitPrice: 100 }), book, { now: NOW });
    expect(limit.ok ? undefined : limit.error.code).toBe('WRONG_ORDER_TYPE');
    const done = unwrap(matchMarket(newOrder({ quantity: 1 }), book, { now: NOW })).order;
    const again = matchMarket(done, book, { now: NOW });
    expect(again.ok ? undefined : again.error.code).toBe('ORDER_TERMINAL');
  });
});

describe('matchLimit then crossRestingOrders', () => {
  it('takes the marketable part, rests the rest, then fills it as maker when the book crosses', () => {
    const order = newOrder({ type: 'LIMIT', limitPrice: 100.05, quantity: 150 });
    const book = { bids: [[99.9, 10]] as const, asks: [[100.0, 50], [100.05, 50], [100.1, 100]] as const };
    const taken = unwrap(matchLimit(order, book, { now: NOW }));
    expect(taken.fills.map((f) => [f.tradeId, f.quantity.toString(), f.price.toString(), f.fee.toString(), f.liquidity])).toEqual([
      ['o-1-1', '50', '100', '0.5', 'TAKER'],
      ['o-1-2', '50', '100.05', '0.50025', 'TAKER'],
    ]);
    expect(taken.order.status).toBe('PARTIALLY_FILLED');
    expect(taken.order.leavesQuantity.toString()).toBe('50');
    expect(levels(taken.book.asks)).toEqual([['100.1', '100']]);

    // Nothing crosses at 100.10: the order rests untouched.
    const quiet = unwrap(crossRestingOrders([taken.order], taken.book, { now: NOW }));
    expect(quiet.fills).toEqual([]);
    expect(quiet.orders[0]).toBe(taken.order);

    const crossing = { bids: [], asks: [[100.03, 30], [100.04, 40]] as const };
    const crossed = unwrap(crossRestingOrders([taken.order], crossing, { now: NOW }));
    expect(crossed.fills.map((f) => [f.tradeId, f.quantity.toString(), f.price.toString(), f.fee.toString(), f.liquidity])).toEqual([
      ['o-1-3', '30', '100.05', '0', 'MAKER'],
      ['o-1-4', '20', '100.05', '0', 'MAKER'],
    ]);
    const filled = crossed.orders[0];
    expect(filled?.status).toBe('FILLED');
    // (50 × 100 + 100 × 100.05) / 150 = 15 005 / 150
    expect(filled && averageFillPrice(filled)?.toDecimalPlaces(10).toString()).toBe('100.0333333333');
    expect(levels(crossed.book.asks)).toEqual([['100.04', '20']]);
  });

  it('sells at or above the limit only', () => {
    const order = newOrder({ side: 'SELL', type: 'LIMIT', limitPrice: 99.9, quantity: 30 });
    const book = { bids: [[100, 10], [99.9, 10], [99.8, 100]] as const, asks: [] };
    const taken = unwrap(matchLimit(order, book, { now: NOW }));
    expect(taken.fills.map((f) => f.price.toString())).toEqual(['100', '99.9']);
    expect(taken.order.leavesQuantity.toString()).toBe('10');
  });

  it('serves resting orders oldest first from shared liquidity', () => {
    const older = newOrder({ type: 'LIMIT', limitPrice: 101, quantity: 60, timestamp: T0 }, 'old');
    const newer = newOrder({ type: 'LIMIT', limitPrice: 101, quantity: 60, timestamp: '2024-05-01T10:31:00-04:00' }, 'new');
    const seller = newOrder({ side: 'SELL', type: 'LIMIT', limitPrice: 105, quantity: 5 }, 'sell');
    const book = { bids: [[100, 100]] as const, asks: [[100.5, 100]] as const };
    const outcome = unwrap(crossRestingOrders([newer, seller, older], book, { now: NOW }));
    expect(outcome.fills.map((f) => [f.tradeId, f.quantity.toString()])).toEqual([
      ['old-1', '60'],
      ['new-1', '40'],
    ]);
    expect(outcome.orders.map((o) => o.status)).toEqual(['PARTIALLY_FILLED', 'NEW', 'FILLED']);
    expect(outcome.book.asks).toEqual([]);
  });

  it('refuses a MARKET order', () => {
    const result = matchLimit(newOrder(), { bids: [], asks: [] }, { now: NOW });
    expect(result.ok ? undefined : result.error.code).toBe('WRONG_ORDER_TYPE');
  });
});
