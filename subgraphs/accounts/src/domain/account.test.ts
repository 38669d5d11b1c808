// valueAccount: marks, fallbacks for missing marks, totals, exposure and the buying-power rule.
import type Decimal from 'decimal.js';
import { valueAccount, type PositionHolding } from './account';
import { exact } from '@aitrader/platform/decimal';

const holding = (symbol: string, quantity: string, averagePrice: string, realizedPnl = '0'): PositionHolding => ({
  symbol,
  quantity: exact(quantity),
  averagePrice: exact(averagePrice),
  realizedPnl: exact(realizedPnl),
});
const marks = (entries: Record<string, string | undefined>) =>
  new Map<string, Decimal | undefined>(Object.entries(entries).map(([s, m]) => [s, m === undefined ? undefined : exact(m)]));

test('values a mixed account by hand', () => {
  const v = valueAccount({
    cash: exact('10000'),
    positions: [
      holding('AAPL', '10', '100', '5'), // long, mark 110: value 1100, unrealized (110−100)×10 = 100
      holding('TSLA', '-5', '200', '-2'), // short, mark 180: value −900, unrealized (180−200)×−5 = 100
      holding('MSFT', '2', '50'), // no mark: valued at its average, value 100, unrealized 0
      holding('NVDA', '0', '0', '7'), // flat: needs no mark, still carries realized 7
    ],
    marks: marks({ AAPL: '110', TSLA: '180' }),
  });
  expect({
    cash: v.cash.toString(),
    positionsValue: v.positionsValue.toString(), // 1100 − 900 + 100 + 0
    equity: v.equity.toString(), // 10000 + 300
    unrealizedPnl: v.unrealizedPnl.toString(), // 100 + 100 + 0
    realizedPnl: v.realizedPnl.toString(), // 5 − 2 + 0 + 7
    grossExposure: v.grossExposure.toString(), // 1100 + 900 + 100
    buyingPower: v.buyingPower.toString(), // 10000 − the 900 it would cost to buy TSLA back
  }).toEqual({
    cash: '10000',
    positionsValue: '300',
    equity: '10300',
    unrealizedPnl: '200',
    realizedPnl: '10',
    grossExposure: '2100',
    buyingPower: '9100',
  });
  expect(v.marksMissing).toEqual(['MSFT']);
  const msft = v.positions.find((p) => p.symbol === 'MSFT');
  expect(msft?.mark).toBeUndefined();
  expect(msft?.markMissing).toBe(true);
  expect(msft?.valuationPrice.toString()).toBe('50');
  const tsla = v.positions.find((p) => p.symbol === 'TSLA');
  expect([tsla?.mark?.toString(), tsla?.marketValue.toString(), tsla?.unrealizedPnl.toString()]).toEqual(['180', '-900', '100']);
});

test('buying power is floored at zero when shorts need more collateral than the cash', () => {
  // cash 100, short 10 marked at 50: 100 − 500 < 0 → 0
  const v = valueAccount({ cash: exact('100'), positions: [holding('X', '-10', '40')], marks: marks({ X: '50' }) });
  expect(v.buyingPower.toString()).toBe('0');
  expect(v.equity.toString()).toBe('-400');
});

test('longs add nothing to buying power; a short without a mark is collateralised at its average', () => {
  const v = valueAccount({
    cash: exact('1000'),
    positions: [holding('L', '100', '10'), holding('S', '-3', '20')],
    marks: marks({ L: '12' }),
  });
  expect(v.buyingPower.toString()).toBe('940'); // 1000 − 3 × 20
  expect(v.marksMissing).toEqual(['S']);
});

test.each([['0'], ['-1'], ['NaN'], ['Infinity']])('a mark of %s is no mark: valued at average and reported', (bad) => {
  const v = valueAccount({ cash: exact('0'), positions: [holding('X', '2', '7')], marks: marks({ X: bad }) });
  expect(v.marksMissing).toEqual(['X']);
  expect(v.positionsValue.toString()).toBe('14');
  expect(v.unrealizedPnl.toString()).toBe('0');
});

test('an account with no positions is worth its cash', () => {
  const v = valueAccount({ cash: exact('123.45'), positions: [], marks: new Map() });
  expect([v.equity, v.positionsValue, v.grossExposure, v.buyingPower].map(String)).toEqual(['123.45', '0', '0', '123.45']);
  expect(v.marksMissing).toEqual([]);
});

test('valuation never rounds: products of storage-scale values keep all 20 decimals', () => {
  const v = valueAccount({
    cash: exact('0'),
    positions: [holding('X', '0.0000000003', '0.0000000001')],
    marks: marks({ X: '0.0000000007' }),
  });
  expect(v.positionsValue.toString()).toBe('0.00000000000000000021');
  expect(v.unrealizedPnl.toString()).toBe('0.00000000000000000018');
});
