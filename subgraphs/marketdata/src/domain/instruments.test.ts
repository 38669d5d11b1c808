// The built-in universe and the tick-grid helpers the generator relies on for exact prices.
import { InstrumentSymbol } from '@aitrader/platform/messages';
import { INSTRUMENTS, findInstrument, isKnownSymbol, isOnTickGrid, priceToTicks, ticksToPrice } from './instruments';

test('the universe: eight US instruments with sane generator parameters', () => {
  expect(INSTRUMENTS.map((i) => i.symbol)).toEqual(['AAPL', 'MSFT', 'NVDA', 'TSLA', 'SPY', 'AMZN', 'GOOGL', 'META']);
  for (const i of INSTRUMENTS) {
    expect(InstrumentSymbol.safeParse(i.symbol).success).toBe(true);
    expect(i).toMatchObject({ tickSize: 0.01, lotSize: 1, currency: 'USD' });
    expect(i.generator.referencePrice).toBeGreaterThan(10);
    expect(i.generator.annualVolatility).toBeGreaterThan(0.05);
    expect(i.generator.annualVolatility).toBeLessThan(1.5);
    expect(Number.isInteger(i.generator.typicalSpreadTicks) && i.generator.typicalSpreadTicks >= 1).toBe(true);
    expect(i.generator.averageTradeSize).toBeGreaterThan(0);
  }
  expect(findInstrument('SPY')?.assetClass).toBe('ETF');
  expect(findInstrument('AAPL')?.assetClass).toBe('EQUITY');
  expect(Object.isFrozen(INSTRUMENTS) && Object.isFrozen(INSTRUMENTS[0])).toBe(true);
});

test('isKnownSymbol is exact', () => {
  expect(isKnownSymbol('AAPL')).toBe(true);
  expect(isKnownSymbol('aapl')).toBe(false);
  expect(isKnownSymbol('IBM')).toBe(false);
  expect(findInstrument('IBM')).toBeUndefined();
});

test('ticksToPrice gives the shortest decimal; priceToTicks and isOnTickGrid undo it', () => {
  expect(ticksToPrice(25512, 0.01)).toBe(255.12);
  expect(String(ticksToPrice(25512, 0.01))).toBe('255.12');
  expect(ticksToPrice(7, 0.05)).toBe(0.35);
  expect(ticksToPrice(3, 0.0025)).toBe(0.0075);
  for (let t = 1; t < 100_000; t += 97) {
    const price = ticksToPrice(t, 0.01);
    expect(priceToTicks(price, 0.01)).toBe(t);
    expect(String(price)).toBe((t / 100).toString());
  }
  expect(isOnTickGrid(255.12, 0.01)).toBe(true);
  expect(isOnTickGrid(255.125, 0.01)).toBe(false);
});
