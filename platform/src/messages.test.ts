// Message schemas: what producers may publish and consumers accept.
import { Fill, Order, Signal, Tick, BookUpdate } from './messages';

const ts = '2025-09-27T10:00:00Z';

test("the seed's signal payload is valid as it is", () => {
  expect(Signal.parse(JSON.parse('{"symbol": "AAPL", "score": 0.75, "timestamp": "2025-09-27T10:00:00Z"}'))).toEqual({ symbol: 'AAPL', score: 0.75, timestamp: ts });
});

test.each([
  [{ symbol: 'AAPL', score: 1.5, timestamp: ts }, 'score'],
  [{ symbol: 'aapl', score: 0.1, timestamp: ts }, 'symbol'],
  [{ symbol: 'AAPL', score: Number.NaN, timestamp: ts }, 'score'],
  [{ symbol: 'AAPL', score: 0.1, timestamp: '2025-09-27 10:00' }, 'timestamp'],
])('bad signals are rejected (%j)', (input, field) => {
  const r = Signal.safeParse(input);
  expect(r.success).toBe(false);
  expect(r.error?.issues[0]?.path).toEqual([field]);
});

test('ticks: trades need positive price and size; quotes must not be crossed', () => {
  expect(Tick.safeParse({ kind: 'trade', symbol: 'MSFT', timestamp: ts, price: 410.5, size: 100 }).success).toBe(true);
  expect(Tick.safeParse({ kind: 'trade', symbol: 'MSFT', timestamp: ts, price: 410.5, size: 0 }).success).toBe(false);
  expect(Tick.safeParse({ kind: 'quote', symbol: 'MSFT', timestamp: ts, bid: 410, ask: 410.02, bidSize: 3, askSize: 5 }).success).toBe(true);
  const crossed = Tick.safeParse({ kind: 'quote', symbol: 'MSFT', timestamp: ts, bid: 410.05, ask: 410, bidSize: 3, askSize: 5 });
  expect(crossed.success).toBe(false);
  expect(crossed.error?.issues[0]?.message).toMatch(/crossed/);
});

test('orders: LIMIT needs a limit price and MARKET must not have one', () => {
  const base = { clientOrderId: 'c1', accountId: 'a1', symbol: 'AAPL', side: 'BUY', quantity: 10, timestamp: ts };
  expect(Order.safeParse({ ...base, type: 'MARKET' }).success).toBe(true);
  expect(Order.safeParse({ ...base, type: 'LIMIT', limitPrice: 190 }).success).toBe(true);
  expect(Order.safeParse({ ...base, type: 'LIMIT' }).success).toBe(false);
  expect(Order.safeParse({ ...base, type: 'MARKET', limitPrice: 190 }).success).toBe(false);
  expect(Order.safeParse({ ...base, type: 'MARKET', quantity: -1 }).success).toBe(false);
});

test('fills and book updates', () => {
  expect(Fill.safeParse({ tradeId: 't1', orderId: 'o1', clientOrderId: 'c1', accountId: 'a1', symbol: 'AAPL', side: 'SELL', quantity: 5, price: 190.1, fee: 0.01, timestamp: ts }).success).toBe(true);
  expect(Fill.safeParse({ tradeId: 't1', orderId: 'o1', clientOrderId: 'c1', accountId: 'a1', symbol: 'AAPL', side: 'SELL', quantity: 5, price: 190.1, fee: -1, timestamp: ts }).success).toBe(false);
  expect(BookUpdate.safeParse({ symbol: 'AAPL', timestamp: ts, kind: 'delta', bids: [[190, 0]], asks: [[190.02, 300]], seq: 4 }).success).toBe(true);
  expect(BookUpdate.safeParse({ symbol: 'AAPL', timestamp: ts, kind: 'delta', bids: [[-190, 1]], asks: [], seq: 4 }).success).toBe(false);
});
