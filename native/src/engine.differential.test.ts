// Differential test: the native engine and the TypeScript reference agree on every
// indicator value of every closed bar (relative 1e-9 — in fact bit for bit) and on every
// signal (tick index, detector, score, reason, ts, price, bar) over 150k seeded-random ticks
// of 5 symbols, in batch mode and through live onTick calls; every detector must fire.

import { backend, reference, type BarSeries, type BatchSignal, type EngineConfig, type Signal } from './index';
import { closeTo, enginePair } from './testing/backends';
import { interleave, syntheticTicks, type TickColumns } from './testing/synthetic-ticks';

const REL = 1e-9;
const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'TSLA'];
const TICKS_PER_SYMBOL = 30_000;
const data: Array<[string, TickColumns]> = SYMBOLS.map((s, k) => [s, syntheticTicks(TICKS_PER_SYMBOL, 1000 + k)]);

/** Compares every column; returns mismatches (beyond REL) and values that differ in any bit. */
function compareBars(a: BarSeries, b: BarSeries): { values: number; mismatches: string[]; notBitIdentical: number } {
  const mismatches: string[] = [];
  let values = 0;
  let notBitIdentical = 0;
  for (const key of Object.keys(b) as Array<keyof BarSeries>) {
    const x = a[key];
    const y = b[key];
    if (x.length !== y.length) mismatches.push(`${key}: ${x.length} vs ${y.length} rows`);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      values++;
      if (!Object.is(x[i], y[i])) notBitIdentical++;
      if (!closeTo(x[i]!, y[i]!, REL)) mismatches.push(`${key}[${i}]: ${x[i]} vs ${y[i]}`);
    }
  }
  return { values, mismatches: mismatches.slice(0, 10), notBitIdentical };
}

/** Signal lists equal: same order, fields exact except score within REL. */
function expectSameSignals(a: ReadonlyArray<Signal | BatchSignal>, b: ReadonlyArray<Signal | BatchSignal>): void {
  expect(a.length).toBe(b.length);
  const differing = a.flatMap((s, i) => {
    const t = b[i]!;
    const same = closeTo(s.score, t.score, REL) && JSON.stringify({ ...s, score: 0 }) === JSON.stringify({ ...t, score: 0 });
    return same ? [] : [{ native: s, reference: t }];
  });
  expect(differing.slice(0, 3)).toEqual([]);
}

function runBoth(config: EngineConfig, batches = data): { signals: BatchSignal[]; values: number } {
  const { native, ts } = enginePair(config);
  const all: BatchSignal[] = [];
  let values = 0;
  for (const [symbol, d] of batches) {
    const a = native.runBatch(symbol, d.ts, d.price, d.size, d.bidSize, d.askSize, true);
    const b = ts.runBatch(symbol, d.ts, d.price, d.size, d.bidSize, d.askSize, true);
    expect(a.ticks).toBe(d.ts.length);
    const bars = compareBars(a.bars!, b.bars!);
    expect(bars.mismatches).toEqual([]);
    expect(bars.notBitIdentical).toBe(0);
    values += bars.values;
    expectSameSignals(a.signals, b.signals);
    expect(native.indicators(symbol)).toEqual(ts.indicators(symbol));
    all.push(...a.signals);
  }
  return { signals: all, values };
}

describe(`native (${backend}) vs TypeScript reference`, () => {
  it('agree on every bar, indicator and signal in batch mode (default config); every detector fires', () => {
    const { signals, values } = runBoth({});
    expect(values).toBeGreaterThan(100_000);
    const fired = new Set(signals.map((s) => s.detector));
    expect([...fired].sort()).toEqual([...reference.DETECTOR_NAMES].sort());
    for (const s of signals) {
      expect(Math.abs(s.score)).toBeLessThanOrEqual(1);
      expect(s.reason.length).toBeGreaterThan(0);
    }
  });

  it('agree with non-default parameters (short bars and periods, no cooldown)', () => {
    const config: EngineConfig = {
      barMs: 250,
      historyLength: 7,
      smaFastPeriod: 3,
      smaSlowPeriod: 8,
      emaPeriod: 5,
      rsiPeriod: 6,
      atrPeriod: 9,
      bollingerPeriod: 12,
      bollingerK: 1.5,
      zscorePeriod: 4,
      crossoverFullScoreAtr: 0.2,
      rsiOversold: 25,
      rsiOverbought: 80,
      breakoutBars: 6,
      breakoutVolumeFactor: 1.2,
      vwapDeviationAtr: 3.5,
      volumeSpikePeriod: 10,
      volumeSpikeZ: 2,
      imbalanceThreshold: 0.8,
      cooldownBars: 0,
    };
    const { signals } = runBoth(config);
    expect(new Set(signals.map((s) => s.detector)).size).toBe(reference.DETECTOR_NAMES.length);
  });

  it('agree across UTC midnights that fall inside 7-hour bars (VWAP resets mid-bar)', () => {
    const weeks: Array<[string, TickColumns]> = [['AAPL', syntheticTicks(20_000, 77, undefined, 120_000)]];
    const { signals } = runBoth({ barMs: 7 * 3_600_000, smaFastPeriod: 3, smaSlowPeriod: 6, rsiPeriod: 5, atrPeriod: 5 }, weeks);
    expect(signals.length).toBeGreaterThan(0);
  });

  it('agree on a subset of indicators without detectors', () => {
    const { signals } = runBoth({ indicators: ['sma', 'rsi', 'atr'], detectors: [] });
    expect(signals).toEqual([]);
  });

  it('agree tick by tick on the live path (interleaved 5-symbol stream, 150k onTick calls)', () => {
    const { native, ts } = enginePair();
    const stream = interleave(data);
    expect(stream.length).toBe(150_000);
    const a: Signal[] = [];
    const b: Signal[] = [];
    for (let i = 0; i < stream.length; i++) {
      const t = stream[i]!;
      // book sizes on every third tick only, as a feed with separate quotes would give them
      const bid = i % 3 === 0 ? t.bidSize : undefined;
      const ask = i % 3 === 0 ? t.askSize : undefined;
      a.push(...native.onTick(t.symbol, t.ts, t.price, t.size, bid, ask));
      b.push(...ts.onTick(t.symbol, t.ts, t.price, t.size, bid, ask));
      if (i % 10_000 === 0) expect(native.indicators(t.symbol)).toEqual(ts.indicators(t.symbol));
    }
    expectSameSignals(a, b);
    expect(a.length).toBeGreaterThan(100);
    for (const symbol of SYMBOLS) expect(native.indicators(symbol)).toEqual(ts.indicators(symbol));
  });

  it('live ticks and one batch give the same signals', () => {
    const [symbol, d] = data[0]!;
    const { native } = enginePair();
    const live = enginePair().native;
    const batch = native.runBatch(symbol, d.ts, d.price, d.size, d.bidSize, d.askSize);
    const streamed: BatchSignal[] = [];
    for (let i = 0; i < d.ts.length; i++) {
      for (const s of live.onTick(symbol, d.ts[i]!, d.price[i]!, d.size[i]!, d.bidSize[i], d.askSize[i])) {
        streamed.push({ index: i, ...s });
      }
    }
    expectSameSignals(batch.signals, streamed);
    expect(live.indicators(symbol)).toEqual(native.indicators(symbol));
  });
});
