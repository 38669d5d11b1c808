// Behaviour of the public engine API on both backends: backend selection, config defaults
// and errors, bar aggregation and signal timing, hand-computed signals, validation that
// leaves state untouched, resets, snapshots, UTC-day VWAP and argument type checks.

import { backend, createPatternEngine, NativeInputError, reference, type EngineConfig, type PatternEngine } from './index';

const requireNative = process.env.AITRADER_REQUIRE_NATIVE === '1' && process.env.AITRADER_NATIVE !== 'off';

type Factory = (config?: EngineConfig) => PatternEngine;
const backends: Array<[string, Factory]> = [
  ['active backend', (config) => createPatternEngine(config)],
  ['reference', (config) => new reference.ReferencePatternEngine(config)],
];

/** The thrown NativeInputError's "CODE: message". */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof NativeInputError) return err.message;
    throw err;
  }
  throw new Error('expected a NativeInputError');
}

describe('backend selection', () => {
  it('createPatternEngine uses the loaded backend (native under AITRADER_REQUIRE_NATIVE=1)', () => {
    expect(createPatternEngine().backend).toBe(backend);
    if (requireNative) expect(backend).toBe('native');
  });

  it('AITRADER_NATIVE=off selects the TypeScript reference', () => {
    const saved = process.env.AITRADER_NATIVE;
    process.env.AITRADER_NATIVE = 'off';
    try {
      jest.isolateModules(() => {
        const fresh = require('./index') as typeof import('./index');
        expect(fresh.backend).toBe('typescript');
        expect(fresh.loadError).toMatch(/AITRADER_NATIVE=off/);
        expect(fresh.createPatternEngine().backend).toBe('typescript');
      });
    } finally {
      if (saved === undefined) delete process.env.AITRADER_NATIVE;
      else process.env.AITRADER_NATIVE = saved;
    }
  });
});

describe.each(backends)('%s', (_name, create) => {
  describe('config', () => {
    it('defaults to the documented values; config() returns a copy', () => {
      const engine = create();
      expect(engine.config()).toEqual(reference.DEFAULT_CONFIG);
      engine.config().detectors.length = 0;
      expect(engine.config().detectors).toHaveLength(6);
      expect(create({ rsiPeriod: 7, detectors: ['breakout', 'rsi_zone'] }).config()).toMatchObject({
        rsiPeriod: 7,
        detectors: ['rsi_zone', 'breakout'], // canonical order
      });
    });

    it.each<[EngineConfig, string]>([
      [{ rsiPeriod: 0 }, 'INVALID_PERIOD: rsiPeriod must be an integer in [1, 100000] (got 0)'],
      [{ atrPeriod: 1e7 }, 'INVALID_PERIOD: atrPeriod must be an integer in [1, 100000] (got 10000000)'],
      [{ barMs: 2.5 }, 'INVALID_PERIOD: barMs must be an integer in [1, 86400000] (got 2.5)'],
      [{ bollingerK: Infinity }, 'INVALID_CONFIG: bollingerK must be a finite number > 0 (got Infinity)'],
      [{ imbalanceThreshold: 1 }, 'INVALID_CONFIG: imbalanceThreshold must be a finite number in [0, 1) (got 1)'],
      [{ smaFastPeriod: 30 }, 'INVALID_CONFIG: smaFastPeriod must be less than smaSlowPeriod (got 30 and 20)'],
      [{ rsiOversold: 80 }, 'INVALID_CONFIG: rsiOversold must be less than rsiOverbought (got 80 and 70)'],
      [{ indicators: ['sma', 'rsi'] }, 'INVALID_CONFIG: detectors vwap_deviation needs the vwap indicator'],
      [{ detectors: ['macd' as never] }, 'INVALID_CONFIG: detectors contains an unknown name "macd" (known: ma_crossover, rsi_zone, breakout, vwap_deviation, volume_spike, book_imbalance)'],
      [{ barMS: 5 } as EngineConfig, 'INVALID_CONFIG: barMS is not a known config field'],
    ])('rejects %p', (config, message) => {
      expect(errorOf(() => create(config))).toBe(message);
    });

    it('rejects wrong JS types with a TypeError; null fields mean "default"', () => {
      expect(() => create({ barMs: '5' as unknown as number })).toThrow(TypeError);
      expect(() => create({ detectors: 'breakout' as never })).toThrow(TypeError);
      expect(() => create(42 as unknown as EngineConfig)).toThrow(TypeError);
      expect(create({ barMs: null as unknown as number }).config().barMs).toBe(1000);
    });
  });

  describe('bars and signals', () => {
    it('a bar closes on the first tick of a later bucket; its signals carry that tick', () => {
      // SMA2 / SMA3 crossover on one-tick bars, ATR off → unit = 1% of the close
      const engine = create({ indicators: ['sma'], detectors: ['ma_crossover'], smaFastPeriod: 2, smaSlowPeriod: 3, crossoverFullScoreAtr: 5 });
      const closes = [10, 10, 10, 11];
      closes.forEach((c, k) => expect(engine.onTick('XYZ', 1000 * k + 500, c, 1)).toEqual([]));
      // bar 4 (close 11): fast 10.5, slow 10.333… → gap 0.1667 = 1.515% of 11 → score 1.515/5
      const [signal, ...rest] = engine.onTick('XYZ', 4000, 12, 1);
      expect(rest).toEqual([]);
      expect(signal).toMatchObject({ detector: 'ma_crossover', ts: 4000, price: 11, barStart: 3000 });
      expect(signal!.reason).toBe('SMA2 crossed above SMA3 (gap 1.52% of price)');
      expect(signal!.score).toBeCloseTo((0.5 - 1 / 3) / 0.11 / 5, 12);
    });

    it('book imbalance uses the last known sizes at the close', () => {
      const engine = create({ indicators: [], detectors: ['book_imbalance'] });
      engine.onTick('XYZ', 0, 10, 1, 90, 10);
      engine.onTick('XYZ', 10, 10, 1); // sizes not given: the last known ones stay
      const out = engine.runBatch('XYZ', Float64Array.of(1000), Float64Array.of(10), Float64Array.of(1), undefined, undefined, true);
      expect(out.signals).toEqual([
        { index: 0, detector: 'book_imbalance', score: 0.8, reason: 'book imbalance 0.80 (bid size 90, ask size 10)', ts: 1000, price: 10, barStart: 0 },
      ]);
      expect(Array.from(out.bars!.bidSize)).toEqual([90]);
      expect(Array.from(out.bars!.volume)).toEqual([2]);
    });

    it('VWAP is cumulative over the UTC day and restarts at midnight', () => {
      const engine = create({ detectors: [] });
      const midnight = Date.UTC(2026, 0, 2);
      engine.onTick('XYZ', midnight - 2000, 10, 1);
      engine.onTick('XYZ', midnight - 1000, 20, 3);
      expect(engine.indicators('XYZ')!.vwap).toBe(17.5);
      engine.onTick('XYZ', midnight, 30, 2);
      expect(engine.indicators('XYZ')!.vwap).toBe(30);
    });
  });

  describe('snapshots and state', () => {
    it('indicators(): null before a tick, then history capped at historyLength', () => {
      const engine = create({ historyLength: 3, detectors: [] });
      expect(engine.indicators('XYZ')).toBeNull();
      for (let k = 0; k < 6; k++) engine.onTick('XYZ', 1000 * k, 100 + k, 1);
      const snap = engine.indicators('XYZ')!;
      expect(snap).toMatchObject({ symbol: 'XYZ', ts: 5000, lastPrice: 105, barsClosed: 5, rsi: null, smaSlow: null });
      expect(snap.history).toEqual([102, 103, 104]);
      expect(snap.vwap).toBeCloseTo(102.5, 12);
    });

    it('a rejected tick or batch leaves the state untouched', () => {
      const engine = create();
      engine.onTick('XYZ', 5000, 10, 1);
      const before = engine.indicators('XYZ');
      expect(errorOf(() => engine.onTick('XYZ', 4999, 10, 1))).toBe("TIME_WENT_BACKWARDS: ts 4999 is before the previous tick's ts 5000");
      expect(errorOf(() => engine.onTick('XYZ', 6000, -1, 1))).toBe('INVALID_PRICE: price must be a finite number in (0, 1e15] (got -1)');
      expect(errorOf(() => engine.onTick('XYZ', 6000, 10, 0))).toBe('INVALID_SIZE: size must be a finite number in (0, 1e15] (got 0)');
      expect(errorOf(() => engine.onTick('', 6000, 10, 1))).toMatch(/^INVALID_SYMBOL: /);
      const ts = Float64Array.of(6000, 7000, 8000);
      const price = Float64Array.of(10, 11, NaN);
      expect(errorOf(() => engine.runBatch('XYZ', ts, price, Float64Array.of(1, 1, 1)))).toBe(
        'INVALID_PRICE: price must be a finite number in (0, 1e15] (got NaN) at index 2',
      );
      expect(errorOf(() => engine.runBatch('XYZ', ts, price, Float64Array.of(1)))).toBe('LENGTH_MISMATCH: size has 1 elements but ts has 3');
      expect(errorOf(() => engine.runBatch('XYZ', new Float64Array(0), new Float64Array(0), new Float64Array(0)))).toBe('EMPTY_INPUT: input series is empty');
      expect(engine.indicators('XYZ')).toEqual(before);
      expect(engine.onTick('XYZ', 5000, 10, 1)).toEqual([]); // an equal timestamp is fine
    });

    it('reset(symbol) restarts one symbol (time may go back), reset() all', () => {
      const engine = create();
      engine.onTick('AAA', 5000, 10, 1);
      engine.onTick('BBB', 5000, 10, 1);
      engine.reset('AAA');
      expect(engine.indicators('AAA')).toBeNull();
      expect(engine.indicators('BBB')).not.toBeNull();
      engine.onTick('AAA', 1000, 10, 1);
      engine.reset();
      expect(engine.indicators('AAA')).toBeNull();
      expect(engine.indicators('BBB')).toBeNull();
    });

    it('runBatch returns bars only when asked; null book sizes count as absent', () => {
      const engine = create();
      const f = (...xs: number[]): Float64Array => Float64Array.from(xs);
      expect(engine.runBatch('XYZ', f(0, 1000), f(1, 2), f(1, 1)).bars).toBeNull();
      const bars = engine.runBatch('XYZ', f(2000), f(3), f(1), null as never, null as never, true).bars!;
      expect(Array.from(bars.close)).toEqual([2]);
      expect(engine.onTick('XYZ', 3000, 3, 1, null as never, null as never)).toEqual([]);
    });

    it('runBatch reads typed-array views (subarrays with an offset) correctly', () => {
      const all = Float64Array.from([-1, -1, 0, 1000, 2000, -1]);
      const prices = Float64Array.from([0, 0, 5, 6, 7, 0]);
      const sizes = Float64Array.from([0, 0, 1, 1, 1, 0]);
      const bars = create().runBatch('XYZ', all.subarray(2, 5), prices.subarray(2, 5), sizes.subarray(2, 5), undefined, undefined, true).bars!;
      expect(Array.from(bars.close)).toEqual([5, 6]);
      expect(Array.from(bars.start)).toEqual([0, 1000]);
    });

    it('wrong argument types throw TypeError', () => {
      const engine = create();
      expect(() => engine.onTick(1 as unknown as string, 0, 1, 1)).toThrow(TypeError);
      expect(() => engine.onTick('XYZ', '0' as unknown as number, 1, 1)).toThrow(TypeError);
      expect(() => engine.runBatch('XYZ', [0] as unknown as Float64Array, new Float64Array(1), new Float64Array(1))).toThrow(TypeError);
      expect(() => engine.indicators(undefined as unknown as string)).toThrow(TypeError);
    });
  });
});
