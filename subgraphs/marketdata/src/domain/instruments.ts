// The built-in instrument universe, with the parameters the synthetic generator needs for each, and the
// tick-grid helpers that keep generated prices exact (integer ticks in, shortest decimal out).
export type AssetClass = 'EQUITY' | 'ETF';

/** What makes one instrument's synthetic tape look like itself. */
export interface GeneratorParams {
  /** Starting mid price in USD (late-September 2025 levels). */
  referencePrice: number;
  /** Annualized volatility, e.g. 0.25 = 25 %/year over 252 trading days of 6.5 h. */
  annualVolatility: number;
  /** Usual bid/ask spread in ticks when volatility is normal. */
  typicalSpreadTicks: number;
  /** Mean trade size in shares. */
  averageTradeSize: number;
}

export interface Instrument {
  symbol: string;
  name: string;
  assetClass: AssetClass;
  tickSize: number;
  lotSize: number;
  currency: 'USD';
  generator: GeneratorParams;
}

function equity(symbol: string, name: string, assetClass: AssetClass, generator: GeneratorParams): Instrument {
  return Object.freeze({ symbol, name, assetClass, tickSize: 0.01, lotSize: 1, currency: 'USD', generator: Object.freeze(generator) });
}

export const INSTRUMENTS: readonly Instrument[] = Object.freeze([
  equity('AAPL', 'Apple Inc.', 'EQUITY', { referencePrice: 255.4, annualVolatility: 0.25, typicalSpreadTicks: 1, averageTradeSize: 120 }),
  equity('MSFT', 'Microsoft Corporation', 'EQUITY', { referencePrice: 511.2, annualVolatility: 0.22, typicalSpreadTicks: 2, averageTradeSize: 60 }),
  equity('NVDA', 'NVIDIA Corporation', 'EQUITY', { referencePrice: 178.2, annualVolatility: 0.45, typicalSpreadTicks: 1, averageTradeSize: 220 }),
  equity('TSLA', 'Tesla, Inc.', 'EQUITY', { referencePrice: 440.4, annualVolatility: 0.6, typicalSpreadTicks: 3, averageTradeSize: 110 }),
  equity('SPY', 'SPDR S&P 500 ETF Trust', 'ETF', { referencePrice: 661.8, annualVolatility: 0.15, typicalSpreadTicks: 1, averageTradeSize: 150 }),
  equity('AMZN', 'Amazon.com, Inc.', 'EQUITY', { referencePrice: 219.8, annualVolatility: 0.3, typicalSpreadTicks: 1, averageTradeSize: 130 }),
  equity('GOOGL', 'Alphabet Inc. Class A', 'EQUITY', { referencePrice: 246.5, annualVolatility: 0.3, typicalSpreadTicks: 1, averageTradeSize: 110 }),
  equity('META', 'Meta Platforms, Inc.', 'EQUITY', { referencePrice: 743.8, annualVolatility: 0.35, typicalSpreadTicks: 4, averageTradeSize: 45 }),
]);

const BY_SYMBOL: ReadonlyMap<string, Instrument> = new Map(INSTRUMENTS.map((i) => [i.symbol, i]));

export function isKnownSymbol(symbol: string): boolean {
  return BY_SYMBOL.has(symbol);
}

export function findInstrument(symbol: string): Instrument | undefined {
  return BY_SYMBOL.get(symbol);
}

/**
 * Price of an integer number of ticks. Dividing by the integer ticks-per-unit (100 for 0.01) gives the
 * double nearest the decimal, so 25512 ticks prints as 255.12, never 255.12000000000001.
 */
export function ticksToPrice(ticks: number, tickSize: number): number {
  const perUnit = Math.round(1 / tickSize);
  if (Math.abs(perUnit * tickSize - 1) < 1e-12) return ticks / perUnit;
  const decimals = Math.max(0, Math.ceil(-Math.log10(tickSize)) + 2);
  return Number((ticks * tickSize).toFixed(decimals));
}

/** The nearest whole number of ticks to a price. */
export function priceToTicks(price: number, tickSize: number): number {
  return Math.round(price / tickSize);
}

/** True when a price lies on the tick grid (to within float noise). */
export function isOnTickGrid(price: number, tickSize: number): boolean {
  const ticks = price / tickSize;
  return Math.abs(ticks - Math.round(ticks)) < 1e-6;
}
