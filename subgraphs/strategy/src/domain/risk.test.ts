// Tests for checkRisk: one case per rejection code, the reducing-order exemptions, and properties
// that reductions are never blocked by position/loss limits and accepted orders respect every limit.
import fc from 'fast-check';
import { loadStrategyConfig } from './config';
import { checkRisk, isReducingOrder, signedQuantity, type AccountSnapshot, type RiskOrder } from './risk';

const config = loadStrategyConfig({ risk: { maxPositionPerSymbol: 1000, maxOrderNotional: 100_000, dailyLossLimit: 5000 } });
const account = (overrides: Partial<AccountSnapshot> = {}): AccountSnapshot => ({
  cash: 50_000, buyingPower: 50_000, equity: 50_000, positions: new Map(), dailyRealizedPnl: 0, ...overrides,
});
const buy = (quantity: number, symbol = 'AAPL'): RiskOrder => ({ symbol, side: 'BUY', quantity });
const sell = (quantity: number, symbol = 'AAPL'): RiskOrder => ({ symbol, side: 'SELL', quantity });
const at = (price: number) => ({ price });
const codeOf = (r: ReturnType<typeof checkRisk>) => (r.ok ? 'OK' : r.code);

describe('checkRisk codes', () => {
  it('accepts an ordinary order', () => {
    expect(checkRisk(buy(10), account(), at(100), config)).toEqual({ ok: true });
  });

  it('KILL_SWITCH halts everything, reductions included', () => {
    const killed = loadStrategyConfig({ risk: { killSwitch: true } });
    expect(codeOf(checkRisk(buy(1), account(), at(100), killed))).toBe('KILL_SWITCH');
    expect(codeOf(checkRisk(sell(1), account({ positions: new Map([['AAPL', 5]]) }), at(100), killed))).toBe('KILL_SWITCH');
  });

  it('INVALID_QUANTITY for zero, negative or fractional shares', () => {
    for (const q of [0, -5, 1.5, Number.NaN]) expect(codeOf(checkRisk(buy(q), account(), at(100), config))).toBe('INVALID_QUANTITY');
  });

  it('NO_PRICE without a positive finite reference price', () => {
    for (const p of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(codeOf(checkRisk(buy(1), account(), at(p), config))).toBe('NO_PRICE');
  });

  it('INSUFFICIENT_BUYING_POWER when a buy costs more than buying power', () => {
    const r = checkRisk(buy(600), account({ buyingPower: 50_000 }), at(100), config); // 60,000 > 50,000
    expect(r).toEqual({ ok: false, code: 'INSUFFICIENT_BUYING_POWER', reason: 'order notional 60000 exceeds buying power 50000' });
    expect(codeOf(checkRisk(buy(500), account({ buyingPower: 50_000 }), at(100), config))).toBe('OK'); // exactly equal is fine
  });

  it('MAX_POSITION when the resulting position passes the limit, long or short', () => {
    const rich = { buyingPower: 1e9 };
    expect(codeOf(checkRisk(buy(101), account({ ...rich, positions: new Map([['AAPL', 900]]) }), at(1), config))).toBe('MAX_POSITION');
    expect(codeOf(checkRisk(buy(100), account({ ...rich, positions: new Map([['AAPL', 900]]) }), at(1), config))).toBe('OK');
    expect(codeOf(checkRisk(sell(1001), account(), at(1), config))).toBe('MAX_POSITION');
    // Limits are per symbol: a big MSFT position does not block AAPL.
    expect(codeOf(checkRisk(buy(10), account({ positions: new Map([['MSFT', 5000]]) }), at(1), config))).toBe('OK');
  });

  it('MAX_NOTIONAL applies to every order, reductions included (fat-finger guard)', () => {
    expect(codeOf(checkRisk(buy(11), account({ buyingPower: 1e9 }), at(10_000), config))).toBe('MAX_NOTIONAL');
    expect(codeOf(checkRisk(sell(11), account({ positions: new Map([['AAPL', 20]]) }), at(10_000), config))).toBe('MAX_NOTIONAL');
  });

  it('DAILY_LOSS_LIMIT blocks new risk once the loss exceeds the limit, but not reductions', () => {
    const losing = account({ dailyRealizedPnl: -5000.01, positions: new Map([['AAPL', 50]]) });
    expect(codeOf(checkRisk(buy(1), losing, at(100), config))).toBe('DAILY_LOSS_LIMIT');
    expect(codeOf(checkRisk(sell(51), losing, at(100), config))).toBe('DAILY_LOSS_LIMIT'); // flips to short: new risk
    expect(codeOf(checkRisk(sell(50), losing, at(100), config))).toBe('OK');
    expect(codeOf(checkRisk(buy(1), account({ dailyRealizedPnl: -5000 }), at(100), config))).toBe('OK'); // at the limit, not past it
  });

  it('covering a short is reducing, so it needs no buying power', () => {
    const short = account({ buyingPower: 0, positions: new Map([['AAPL', -100]]) });
    expect(codeOf(checkRisk(buy(100), short, at(100), config))).toBe('OK');
    expect(codeOf(checkRisk(buy(101), short, at(100), config))).toBe('INSUFFICIENT_BUYING_POWER');
  });
});

describe('isReducingOrder', () => {
  it('is true only for opposite-side orders no larger than the position', () => {
    expect(isReducingOrder(100, 'SELL', 100)).toBe(true);
    expect(isReducingOrder(100, 'SELL', 101)).toBe(false);
    expect(isReducingOrder(-100, 'BUY', 40)).toBe(true);
    expect(isReducingOrder(100, 'BUY', 1)).toBe(false);
    expect(isReducingOrder(0, 'SELL', 1)).toBe(false);
  });
});

describe('checkRisk properties', () => {
  const limits = fc.record({
    maxPositionPerSymbol: fc.integer({ min: 1, max: 5000 }),
    maxOrderNotional: fc.integer({ min: 1, max: 1_000_000 }),
    dailyLossLimit: fc.integer({ min: 1, max: 50_000 }),
    killSwitch: fc.constant(false),
  });
  const snapshot = fc.record({
    position: fc.integer({ min: -10_000, max: 10_000 }),
    buyingPower: fc.double({ min: 0, max: 1e7, noNaN: true }),
    dailyRealizedPnl: fc.double({ min: -1e5, max: 1e5, noNaN: true }),
  });
  const toAccount = (s: { position: number; buyingPower: number; dailyRealizedPnl: number }): AccountSnapshot =>
    account({ buyingPower: s.buyingPower, dailyRealizedPnl: s.dailyRealizedPnl, positions: new Map([['AAPL', s.position]]) });
  const priceArb = fc.double({ min: 0.01, max: 5000, noNaN: true });

  it('a reducing order is never blocked by position, loss or buying-power limits', () => {
    fc.assert(
      fc.property(limits, snapshot.filter((s) => s.position !== 0), fc.double({ min: 0, max: 1, noNaN: true }), priceArb, (risk, s, fraction, price) => {
        const quantity = Math.max(1, Math.floor(Math.abs(s.position) * fraction));
        const order: RiskOrder = { symbol: 'AAPL', side: s.position > 0 ? 'SELL' : 'BUY', quantity };
        const result = checkRisk(order, toAccount(s), { price }, { risk });
        if (quantity * price <= risk.maxOrderNotional) expect(result).toEqual({ ok: true });
        else expect(codeOf(result)).toBe('MAX_NOTIONAL');
      }),
    );
  });

  it('an accepted order never breaks a limit', () => {
    fc.assert(
      fc.property(limits, snapshot, fc.constantFrom<'BUY' | 'SELL'>('BUY', 'SELL'), fc.integer({ min: 1, max: 20_000 }), priceArb, (risk, s, side, quantity, price) => {
        const result = checkRisk({ symbol: 'AAPL', side, quantity }, toAccount(s), { price }, { risk });
        if (!result.ok) return;
        const notional = quantity * price;
        const resulting = s.position + signedQuantity(side, quantity);
        expect(notional).toBeLessThanOrEqual(risk.maxOrderNotional);
        // Either within the limit, or an order that shrank an already-oversized position.
        expect(Math.abs(resulting)).toBeLessThanOrEqual(Math.max(risk.maxPositionPerSymbol, Math.abs(s.position)));
        if (!isReducingOrder(s.position, side, quantity)) {
          expect(Math.abs(resulting)).toBeLessThanOrEqual(risk.maxPositionPerSymbol);
          expect(-s.dailyRealizedPnl).toBeLessThanOrEqual(risk.dailyLossLimit);
          if (side === 'BUY') expect(notional).toBeLessThanOrEqual(s.buyingPower);
        }
      }),
    );
  });
});
