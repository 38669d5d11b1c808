// Tests for @aitrader/native's binding load and the plain-series `smaBatch`: native vs
// reference, a hand-computed SMA, and input errors on both backends. The pattern engine has
// its own suites (engine*.test.ts, published-values, fuzz). Run with
// AITRADER_REQUIRE_NATIVE=1 after `npm run build:native` so a missing addon fails loudly.

import * as fs from 'node:fs';
import * as native from './index';
import { NativeInputError, reference, type NativeInputErrorCode } from './index';
import { mulberry32 } from './testing/synthetic-ticks'; // seeded, so the differential test is reproducible

const requireNative = process.env.AITRADER_REQUIRE_NATIVE === '1' && process.env.AITRADER_NATIVE !== 'off';

type SmaFn = (values: Float64Array, period: number) => Float64Array;

/** Random-walk price series around 100 (realistic magnitudes, some negative returns). */
function randomSeries(n: number, seed: number): Float64Array {
  const rand = mulberry32(seed);
  const out = new Float64Array(n);
  let price = 100;
  for (let i = 0; i < n; i++) {
    price *= 1 + (rand() - 0.5) * 0.02;
    out[i] = price;
  }
  return out;
}

/** Element-wise comparison; avoids toEqual because the addon's arrays come from another realm. */
function expectSeriesClose(actual: Float64Array, expected: ArrayLike<number>, relTol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  let mismatches = 0;
  let first = '';
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    const ok = Number.isNaN(e) ? Number.isNaN(a) : Math.abs(a - e) <= relTol * Math.max(Math.abs(e), 1e-300);
    if (!ok) {
      mismatches++;
      if (!first) first = `index ${i}: ${a} vs ${e}`;
    }
  }
  expect({ mismatches, first }).toEqual({ mismatches: 0, first: '' });
}

function expectInputError(fn: () => unknown, code: NativeInputErrorCode): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(NativeInputError);
  expect((caught as NativeInputError).code).toBe(code);
  expect((caught as NativeInputError).message.startsWith(`${code}: `)).toBe(true);
}

describe('binding load', () => {
  it('uses the native backend when AITRADER_REQUIRE_NATIVE=1', () => {
    if (requireNative) {
      expect(native.loadError).toBeUndefined();
      expect(native.backend).toBe('native');
    } else {
      expect(['native', 'typescript']).toContain(native.backend);
      expect(native.backend === 'native').toBe(native.loadError === undefined);
    }
  });

  it('loads the .node file directly when it exists', () => {
    const exists = fs.existsSync(native.bindingPath);
    if (requireNative) expect(exists).toBe(true);
    if (!exists) return;
    expect(native.bindingFileName('linux', 'x64')).toMatch(/^aitrader-native\.linux-x64-(gnu|musl)\.node$/);
    const addon = require(native.bindingPath) as native.NativeBinding;
    expect(typeof addon.smaBatch).toBe('function');
    expect(addon.coreVersion()).toBe(reference.VERSION);
    expectSeriesClose(addon.smaBatch(new Float64Array([2, 4, 6]), 2), [NaN, 3, 5], 0);
  });

  it('coreVersion matches the reference version', () => {
    expect(native.coreVersion()).toBe(reference.VERSION);
  });
});

describe('smaBatch', () => {
  const backends: Array<[string, SmaFn]> = [
    ['index (active backend)', native.smaBatch],
    ['reference', reference.smaBatch],
  ];

  it.each(backends)('%s: hand-computed example', (_name, sma) => {
    // windows of 3: [1,2,3]=2, [2,3,4]=3, [3,4,8]=5, [4,8,6]=6
    expectSeriesClose(sma(new Float64Array([1, 2, 3, 4, 8, 6]), 3), [NaN, NaN, 2, 3, 5, 6], 0);
    expectSeriesClose(sma(new Float64Array([1.5, -2.25, 3]), 1), [1.5, -2.25, 3], 0);
    expectSeriesClose(sma(new Float64Array([1, 2]), 5), [NaN, NaN], 0);
  });

  it('native matches the reference on 100k random values over several periods', () => {
    const values = randomSeries(100_000, 0xa17ade);
    for (const period of [1, 2, 5, 14, 20, 50, 200, 1000]) {
      const expected = reference.smaBatch(values, period);
      expectSeriesClose(native.smaBatch(values, period), expected);
    }
  });

  it('native is bit-identical to the reference (same arithmetic order)', () => {
    const values = randomSeries(100_000, 42);
    for (const period of [3, 20, 777]) {
      const a = native.smaBatch(values, period);
      const b = reference.smaBatch(values, period);
      let differing = 0;
      for (let i = 0; i < b.length; i++) {
        if (!Object.is(a[i], b[i])) differing++;
      }
      expect(differing).toBe(0);
    }
  });

  it('streaming Sma matches smaBatch', () => {
    const values = randomSeries(5_000, 7);
    const sma = new reference.Sma(14);
    const batch = reference.smaBatch(values, 14);
    const streamed = Array.from(values, (v) => sma.update(v) ?? NaN);
    expectSeriesClose(new Float64Array(streamed), batch, 0);
    expect(sma.isWarm).toBe(true);
    sma.reset();
    expect(sma.value()).toBeUndefined();
  });

  describe.each(backends)('%s: bad inputs', (_name, sma) => {
    it.each<[string, Float64Array, number, NativeInputErrorCode]>([
      ['NaN value', new Float64Array([1, NaN, 3]), 2, 'NON_FINITE_VALUE'],
      ['Infinity value', new Float64Array([1, 2, Infinity]), 2, 'NON_FINITE_VALUE'],
      ['-Infinity value', new Float64Array([-Infinity]), 1, 'NON_FINITE_VALUE'],
      ['empty input', new Float64Array(0), 3, 'EMPTY_INPUT'],
      ['period 0', new Float64Array([1, 2, 3]), 0, 'INVALID_PERIOD'],
      ['negative period', new Float64Array([1, 2, 3]), -1, 'INVALID_PERIOD'],
      ['fractional period', new Float64Array([1, 2, 3]), 2.5, 'INVALID_PERIOD'],
      ['period 0 beats empty input', new Float64Array(0), 0, 'INVALID_PERIOD'],
    ])('%s', (_case, values, period, code) => {
      expectInputError(() => sma(values, period), code);
    });

    it('reports the index of the first non-finite value', () => {
      expect(() => sma(new Float64Array([1, 2, NaN, Infinity]), 2)).toThrow(
        'NON_FINITE_VALUE: non-finite value NaN at index 2',
      );
    });

    it('rejects non-Float64Array input with a TypeError', () => {
      expect(() => sma([1, 2, 3] as unknown as Float64Array, 2)).toThrow(TypeError);
    });

    it('keeps working after errors (process stays alive)', () => {
      expectSeriesClose(sma(new Float64Array([1, 3]), 2), [NaN, 2], 0);
    });
  });

  it('native and reference give identical error messages', () => {
    const cases: Array<[Float64Array, number]> = [
      [new Float64Array([1, -Infinity]), 1],
      [new Float64Array(0), 1],
      [new Float64Array([1]), 0],
    ];
    for (const [values, period] of cases) {
      const messages = [native.smaBatch, reference.smaBatch].map((fn) => {
        try {
          fn(values, period);
          return 'no error';
        } catch (err) {
          return (err as Error).message;
        }
      });
      expect(messages[0]).toBe(messages[1]);
    }
  });

  it('raw binding throws InvalidArg errors instead of crashing', () => {
    const addon = native.nativeBinding();
    if (!addon) return;
    let caught: unknown;
    try {
      addon.smaBatch(new Float64Array([1, NaN]), 1);
    } catch (err) {
      caught = err;
    }
    expect((caught as { code?: string }).code).toBe('InvalidArg');
    expect((caught as Error).message).toBe('NON_FINITE_VALUE: non-finite value NaN at index 1');
  });
});
