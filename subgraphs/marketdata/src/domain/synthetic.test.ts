// The synthetic feed: schema-valid, on the tick grid, never crossed, time-ordered, deterministic per
// seed (and per symbol), independent of chunking, fast; plus the microstructure it promises.
import fc from 'fast-check';
import { BookBuilder } from '@aitrader/platform/book';
import { Tick, type QuoteTick } from '@aitrader/platform/messages';
import { SyntheticError } from './errors';
import { findInstrument, isOnTickGrid } from './instruments';
import { SyntheticMarket, generateTicks } from './synthetic';

const START = '2025-09-26T13:30:00Z';
const START_MS = Date.parse(START);
const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'TSLA', 'SPY', 'AMZN', 'GOOGL', 'META'];

const options = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  symbols: fc.subarray(SYMBOLS, { minLength: 1, maxLength: 4 }),
  durationMs: fc.integer({ min: 0, max: 60_000 }),
  eventsPerSecond: fc.double({ min: 0.2, max: 10, noNaN: true }),
  depthLevels: fc.integer({ min: 1, max: 8 }),
});

/** Every invariant a tick feed must hold, as a list of violations (one expect per run keeps this fast). */
function violations(ticks: Tick[], durationMs: number): string[] {
  const found: string[] = [];
  const check = (ok: boolean, what: string, i: number) => {
    if (!ok) found.push(`#${i} ${what}: ${JSON.stringify(ticks[i])}`);
  };
  const book = new BookBuilder();
  const lastQuote = new Map<string, QuoteTick>();
  let previous: { ms: number; symbol: string } | null = null;
  ticks.forEach((tick, i) => {
    check(Tick.safeParse(tick).success, 'schema', i);
    check(tick.seq === i, 'seq', i);
    const ms = Date.parse(tick.timestamp);
    check(ms >= START_MS && ms < START_MS + durationMs, 'inside the window', i);
    // Time order, ties broken by symbol.
    if (previous) check(ms > previous.ms || (ms === previous.ms && tick.symbol >= previous.symbol), 'order', i);
    previous = { ms, symbol: tick.symbol };
    const { tickSize, lotSize } = findInstrument(tick.symbol) ?? { tickSize: 0, lotSize: 0 };
    if (tick.kind === 'quote') {
      check(tick.bid < tick.ask, 'bid < ask', i);
      check(isOnTickGrid(tick.bid, tickSize) && isOnTickGrid(tick.ask, tickSize), 'grid', i);
      lastQuote.set(tick.symbol, tick);
    } else {
      check(isOnTickGrid(tick.price, tickSize), 'grid', i);
    }
    if (tick.kind === 'trade') {
      check(tick.size % lotSize === 0, 'whole lots', i);
      const quote = lastQuote.get(tick.symbol);
      check(quote !== undefined && tick.price >= quote.bid && tick.price <= quote.ask, 'never through the market', i);
    }
    book.apply(tick);
    const [bid, ask] = [book.bestBid(tick.symbol), book.bestAsk(tick.symbol)];
    if (bid && ask) check(bid[0] < ask[0], 'book not crossed', i);
  });
  return found.slice(0, 5);
}

test('property: every tick is schema-valid, on the grid, uncrossed, in order, and the book it builds is never crossed', () => {
  fc.assert(
    fc.property(options, (o) => {
      expect(violations(generateTicks({ ...o, start: START }), o.durationMs)).toEqual([]);
    }),
    { numRuns: 60 },
  );
});

test('property: the same seed gives identical ticks; chunked advancing gives the same ticks as one call', () => {
  fc.assert(
    fc.property(options, fc.array(fc.integer({ min: 0, max: 60_000 }), { maxLength: 5 }), (o, cuts) => {
      const once = generateTicks({ ...o, start: START });
      expect(generateTicks({ ...o, start: START })).toEqual(once);
      const market = new SyntheticMarket({ ...o, start: START });
      const chunked = [...cuts.sort((a, b) => a - b), o.durationMs].flatMap((cut) => market.advanceTo(START_MS + Math.min(cut, o.durationMs)));
      expect(chunked).toEqual(once);
    }),
    { numRuns: 40 },
  );
});

test('different seeds differ; a symbol tape does not depend on which other symbols are generated', () => {
  const base = { symbols: ['AAPL', 'MSFT'], start: START, durationMs: 60_000 };
  expect(generateTicks({ ...base, seed: 1 })).not.toEqual(generateTicks({ ...base, seed: 2 }));
  const strip = (ticks: Tick[]) => ticks.filter((t) => t.symbol === 'AAPL').map(({ seq: _seq, ...rest }) => rest);
  expect(strip(generateTicks({ ...base, seed: 1 }))).toEqual(strip(generateTicks({ ...base, symbols: ['AAPL'], seed: 1 })));
});

test('the market opens with a quote and a full depth ladder per symbol at the start time', () => {
  const ticks = generateTicks({ seed: 3, symbols: ['SPY'], start: START, durationMs: 1, depthLevels: 3 });
  expect(ticks.map((t) => [t.kind, t.kind === 'depth' ? t.side : '-'])).toEqual([
    ['quote', '-'],
    ['depth', 'bid'],
    ['depth', 'ask'],
    ['depth', 'bid'],
    ['depth', 'ask'],
  ]);
  const book = new BookBuilder();
  ticks.forEach((t) => book.apply(t));
  expect(book.book('SPY')?.bids).toHaveLength(3);
  expect(book.book('SPY')?.asks).toHaveLength(3);
});

describe('one hour of five symbols (seed 7)', () => {
  const symbols = ['AAPL', 'MSFT', 'NVDA', 'TSLA', 'SPY'];
  const ticks = generateTicks({ seed: 7, symbols, start: START, durationMs: 3_600_000 });

  test('holds every feed invariant', () => {
    expect(violations(ticks, 3_600_000)).toEqual([]);
  });

  test('has about one event per second per symbol (speed: `npm run bench:marketdata`)', () => {
    expect(ticks.length).toBeGreaterThan(5 * 3600); // ~1 event/s/symbol, ~2 ticks per event
  });

  test('trades mostly print at the bid or the ask, and buyers and sellers both show up', () => {
    const quotes = new Map<string, QuoteTick>();
    let atTouch = 0;
    let atAsk = 0;
    let trades = 0;
    for (const tick of ticks) {
      if (tick.kind === 'quote') quotes.set(tick.symbol, tick);
      if (tick.kind !== 'trade') continue;
      const quote = quotes.get(tick.symbol);
      trades++;
      if (tick.price === quote?.bid || tick.price === quote?.ask) atTouch++;
      if (tick.price === quote?.ask) atAsk++;
    }
    expect(atTouch / trades).toBeGreaterThan(0.85);
    expect(atAsk / trades).toBeGreaterThan(0.3);
    expect(atAsk / trades).toBeLessThan(0.7);
  });

  test('volume clusters: per-minute event counts are far more dispersed than a Poisson process', () => {
    for (const symbol of symbols) {
      const perMinute = new Array<number>(60).fill(0);
      for (const t of ticks) {
        const minute = Math.floor((Date.parse(t.timestamp) - START_MS) / 60_000);
        if (t.symbol === symbol && t.kind !== 'depth') perMinute[minute] = (perMinute[minute] ?? 0) + 1;
      }
      const mean = perMinute.reduce((a, b) => a + b, 0) / 60;
      const variance = perMinute.reduce((a, n) => a + (n - mean) ** 2, 0) / 60;
      expect(variance / mean).toBeGreaterThan(3); // a Poisson process has variance / mean = 1
    }
  });

  test('spreads stay near the typical width, prices stay plausible, trade sizes average near the instrument mean', () => {
    for (const symbol of symbols) {
      const instrument = findInstrument(symbol);
      if (!instrument) throw new Error(symbol);
      const quotes = ticks.filter((t): t is QuoteTick => t.kind === 'quote' && t.symbol === symbol);
      const spreads = quotes.map((q) => Math.round((q.ask - q.bid) / instrument.tickSize));
      const typical = instrument.generator.typicalSpreadTicks;
      expect(spreads.filter((s) => s <= typical + 1).length / spreads.length).toBeGreaterThan(0.8);
      const mids = quotes.map((q) => (q.bid + q.ask) / 2);
      const reference = instrument.generator.referencePrice;
      expect(Math.min(...mids)).toBeGreaterThan(reference * 0.95);
      expect(Math.max(...mids)).toBeLessThan(reference * 1.05);
      const sizes = ticks.flatMap((t) => (t.kind === 'trade' && t.symbol === symbol ? [t.size] : []));
      const meanSize = sizes.reduce((a, b) => a + b, 0) / sizes.length;
      expect(meanSize / instrument.generator.averageTradeSize).toBeGreaterThan(0.7);
      expect(meanSize / instrument.generator.averageTradeSize).toBeLessThan(1.4);
    }
  });
});

test.each([
  [{ symbols: [] }, /symbols must not be empty/],
  [{ symbols: ['AAPL', 'AAPL'] }, /repeated: AAPL/],
  [{ symbols: ['XYZ'] }, /unknown symbol\(s\): XYZ/],
  [{ start: '2025-09-26T13:30:00' }, /start: .*no time zone/],
  [{ durationMs: -1 }, /durationMs/],
  [{ durationMs: 1.5 }, /durationMs/],
  [{ eventsPerSecond: 0 }, /eventsPerSecond/],
  [{ depthLevels: 0 }, /depthLevels/],
  [{ seed: 1.5 }, /seed/],
  [{ durationMs: 30 * 86_400_000, symbols: SYMBOLS }, /limit per call/],
])('bad options %j are refused with a typed error', (override, message) => {
  const attempt = () => generateTicks({ seed: 1, symbols: ['AAPL'], start: START, durationMs: 1000, ...override });
  expect(attempt).toThrow(SyntheticError);
  expect(attempt).toThrow(message);
});

test('the live form only moves forward', () => {
  const market = new SyntheticMarket({ seed: 1, symbols: ['AAPL'], start: START });
  expect(market.advanceTo(START_MS)).toEqual([]); // the window is exclusive
  const first = market.advanceTo(START_MS + 10_000);
  expect(first.length).toBeGreaterThan(0);
  expect(market.advanceTo(START_MS + 5_000)).toEqual([]);
  expect(market.position).toBe(START_MS + 10_000);
  expect(market.advanceTo(START_MS + 20_000)[0]?.seq).toBe(first.length);
  expect(() => market.advanceTo(START_MS + 0.5)).toThrow(SyntheticError);
});
