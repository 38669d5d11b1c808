// OHLCV candles: the bundled sample-trades.csv aggregated by hand, bucket alignment, late trades, the
// watermark and flush, and exact volume/VWAP arithmetic.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TradeTick } from '@aitrader/platform/messages';
import { CandleAggregator, bucketOpenTime, type Candle } from './candles';
import { isKnownSymbol } from './instruments';
import { parseTickFile } from './parse';

const at = (hh: number, mm: number, ss = 0, ms = 0) => Date.UTC(2025, 8, 26, hh, mm, ss, ms);
const trade = (epochMs: number, price: number, size: number, symbol = 'AAPL'): TradeTick => ({ kind: 'trade', symbol, timestamp: new Date(epochMs).toISOString(), price, size });
const m1 = (symbol: string, minute: number, o: number, h: number, l: number, c: number, volume: number, tradeCount: number, vwap: number): Candle => ({
  symbol,
  interval: '1m',
  openTime: at(13, minute),
  closeTime: at(13, minute + 1),
  open: o,
  high: h,
  low: l,
  close: c,
  volume,
  tradeCount,
  vwap,
});

describe('data/sample-trades.csv, computed by hand', () => {
  const parsed = parseTickFile(readFileSync(join(__dirname, '../../data/sample-trades.csv'), 'utf8'), 'csv', { isKnownSymbol });

  test('parses to 12 trades in file order, offsets and epoch ms normalised to UTC', () => {
    expect(parsed.rejected).toEqual([]);
    expect(parsed.ticks.map((t) => (t.kind === 'trade' ? [t.seq, t.symbol, t.timestamp, t.price, t.size] : null))).toEqual([
      [0, 'AAPL', '2025-09-26T13:30:00.000Z', 255.1, 100],
      [1, 'MSFT', '2025-09-26T13:30:05.250Z', 511.2, 50],
      [2, 'AAPL', '2025-09-26T13:30:20.000Z', 255.15, 200],
      [3, 'AAPL', '2025-09-26T13:30:45.500Z', 255.05, 50],
      [4, 'MSFT', '2025-09-26T13:30:59.999Z', 511, 25],
      [5, 'AAPL', '2025-09-26T13:31:00.000Z', 255.2, 300], // written as 09:31:00-04:00
      [6, 'MSFT', '2025-09-26T13:31:10.000Z', 511.4, 75], // written as epoch ms 1758893470000
      [7, 'AAPL', '2025-09-26T13:31:30.000Z', 255.25, 100],
      [8, 'MSFT', '2025-09-26T13:31:59.000Z', 511.3, 50],
      [9, 'AAPL', '2025-09-26T13:32:15.000Z', 255, 150],
      [10, 'MSFT', '2025-09-26T13:32:30.000Z', 511.1, 100],
      [11, 'AAPL', '2025-09-26T13:32:45.000Z', 255.1, 50],
    ]);
  });

  test('1-minute candles close as the next minute trades, the rest at flush', () => {
    const aggregator = new CandleAggregator({ intervals: ['1m'] });
    const closedBy = parsed.ticks.map((t) => (t.kind === 'trade' ? aggregator.addTrade(t) : []));
    // AAPL 13:30: 100@255.10 200@255.15 50@255.05 -> notional 89292.5 / 350 = 255.121428571...
    const aapl30 = m1('AAPL', 30, 255.1, 255.15, 255.05, 255.05, 350, 3, 255.12142857);
    // MSFT 13:30: 50@511.20 25@511.00 -> 38335 / 75 = 511.133333...
    const msft30 = m1('MSFT', 30, 511.2, 511.2, 511, 511, 75, 2, 511.13333333);
    // AAPL 13:31: 300@255.20 100@255.25 -> 102085 / 400 = 255.2125
    const aapl31 = m1('AAPL', 31, 255.2, 255.25, 255.2, 255.25, 400, 2, 255.2125);
    // MSFT 13:31: 75@511.40 50@511.30 -> 63920 / 125 = 511.36
    const msft31 = m1('MSFT', 31, 511.4, 511.4, 511.3, 511.3, 125, 2, 511.36);
    // AAPL 13:32: 150@255.00 50@255.10 -> 51005 / 200 = 255.025; MSFT 13:32: 100@511.10
    const aapl32 = m1('AAPL', 32, 255, 255.1, 255, 255.1, 200, 2, 255.025);
    const msft32 = m1('MSFT', 32, 511.1, 511.1, 511.1, 511.1, 100, 1, 511.1);
    expect(closedBy).toEqual([[], [], [], [], [], [aapl30], [msft30], [], [], [aapl31], [msft31], []]);
    expect(aggregator.current('AAPL', '1m')).toEqual(aapl32);
    expect(aggregator.flush()).toEqual([aapl32, msft32]);
    expect(aggregator.current('AAPL', '1m')).toBeUndefined();
    expect(aggregator.lateCount()).toBe(0);
  });

  test('the same trades make one 5-minute candle per symbol', () => {
    const aggregator = new CandleAggregator({ intervals: ['5m'] });
    for (const t of parsed.ticks) if (t.kind === 'trade') expect(aggregator.addTrade(t)).toEqual([]);
    const [aapl, msft] = aggregator.flush();
    expect(aapl).toMatchObject({ openTime: at(13, 30), closeTime: at(13, 35), open: 255.1, high: 255.25, low: 255, close: 255.1, volume: 950, tradeCount: 7 });
    // (89292.5 + 102085 + 51005) / 950 = 242382.5 / 950 = 255.13947368...
    expect(aapl?.vwap).toBe(255.13947368);
    expect(msft).toMatchObject({ open: 511.2, high: 511.4, low: 511, close: 511.1, volume: 300, tradeCount: 5 });
  });
});

test('buckets are UTC-aligned for every interval', () => {
  const ts = at(13, 47, 31, 250);
  expect(bucketOpenTime(ts, '1s')).toBe(at(13, 47, 31));
  expect(bucketOpenTime(ts, '1m')).toBe(at(13, 47));
  expect(bucketOpenTime(ts, '5m')).toBe(at(13, 45));
  expect(bucketOpenTime(ts, '15m')).toBe(at(13, 45));
  expect(bucketOpenTime(ts, '1h')).toBe(at(13, 0));
  expect(bucketOpenTime(ts, '1d')).toBe(at(0, 0));
});

test('every interval is built at once; a trade closes the shorter ones first', () => {
  const aggregator = new CandleAggregator();
  aggregator.addTrade(trade(at(13, 59, 59, 999), 10, 1));
  const closed = aggregator.addTrade(trade(at(14, 0), 11, 1));
  expect(closed.map((c) => c.interval)).toEqual(['1s', '1m', '5m', '15m', '1h']);
  expect(aggregator.current('AAPL', '1d')).toMatchObject({ open: 10, close: 11, tradeCount: 2 });
});

test('late trades are counted and change nothing, even after the candle closed', () => {
  const aggregator = new CandleAggregator({ intervals: ['1m'] });
  aggregator.addTrade(trade(at(13, 30, 10), 10, 1));
  const [closed] = aggregator.addTrade(trade(at(13, 31, 10), 11, 1));
  const snapshot = { ...closed };
  expect(aggregator.addTrade(trade(at(13, 30, 50), 99, 1))).toEqual([]); // older than the open bucket
  expect(closed).toEqual(snapshot);
  expect(aggregator.current('AAPL', '1m')).toMatchObject({ open: 11, high: 11, tradeCount: 1 });
  aggregator.flush();
  expect(aggregator.addTrade(trade(at(13, 31, 59), 12, 1))).toEqual([]); // its bucket was flushed
  expect(aggregator.lateCount('AAPL', '1m')).toBe(2);
  expect(aggregator.lateCount('MSFT')).toBe(0);
  expect(aggregator.current('AAPL', '1m')).toBeUndefined();
});

test('closeBefore closes only the candles whose time is over', () => {
  const aggregator = new CandleAggregator({ intervals: ['1m', '5m'] });
  aggregator.addTrade(trade(at(13, 30, 10), 10, 1));
  aggregator.addTrade(trade(at(13, 30, 20), 20, 1, 'MSFT'));
  expect(aggregator.closeBefore(at(13, 30, 59, 999))).toEqual([]);
  expect(aggregator.closeBefore(at(13, 31)).map((c) => [c.symbol, c.interval])).toEqual([['AAPL', '1m'], ['MSFT', '1m']]);
  expect(aggregator.current('AAPL', '5m')).toBeDefined();
});

test('volume and VWAP are exact for decimal sizes and prices', () => {
  const aggregator = new CandleAggregator({ intervals: ['1m'] });
  aggregator.addTrade(trade(at(13, 30), 0.1, 0.1));
  aggregator.addTrade(trade(at(13, 30, 1), 0.2, 0.2));
  const [candle] = aggregator.flush();
  expect(candle?.volume).toBe(0.3); // 0.1 + 0.2 in doubles would be 0.30000000000000004
  expect(candle?.vwap).toBe(0.16666667); // (0.01 + 0.04) / 0.3 rounded half-up to 8 decimals
});

test('only the known intervals may be asked for', () => {
  expect(() => new CandleAggregator({ intervals: ['2m' as '1m'] })).toThrow(RangeError);
  expect(() => new CandleAggregator({ intervals: [] })).toThrow(RangeError);
});
