// Malformed-input fuzz: 120k seeded calls (onTick, runBatch and engine construction) with
// NaN, ±Infinity, zero/negative sizes, bad timestamps, backwards time, empty or mismatched
// arrays, bad symbols and bad config values. Every corrupted call must throw a
// NativeInputError with a code — the same code and message from both backends — and every
// clean call must give both backends the same result. The process must survive, including
// a deliberate Rust panic, which has to surface as a JS error.

import { createPatternEngine, nativeBinding, NativeInputError, reference, type EngineConfig } from './index';
import { enginePair, outcome, type Outcome } from './testing/backends';
import { mulberry32 } from './testing/synthetic-ticks';

const CALLS = 120_000;
const rand = mulberry32(0xf022);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (n: number): number => Math.floor(rand() * n);

const NOT_FINITE = [NaN, Infinity, -Infinity];
const BAD_PRICE = [...NOT_FINITE, 0, -0, -1, -1e-300, 1e16, Number.MAX_VALUE];
const BAD_SIZE = BAD_PRICE;
const BAD_BOOK_SIZE = [...NOT_FINITE, -1, -1e-9, 2e15];
const BAD_TS = [...NOT_FINITE, -1, -0.5, 8.64e15 + 1, 1e300];
const BAD_SYMBOLS = ['', ' ', 'A B', 'Ä', 'x'.repeat(65), 'tab\t', '\u{1F600}'];
const SYMBOLS = ['AAPL', 'MSFT', 'BRK.B'];

interface Call {
  /** Description for failure messages (built only when needed). */
  name: () => string;
  corrupted: boolean;
  run: (engine: ReturnType<typeof enginePair>['native']) => unknown;
}

/** Per-symbol last timestamp of the successful calls (both engines share the history). */
const lastTs = new Map<string, number>();

function validTick(symbol: string): [number, number, number, number | undefined, number | undefined] {
  const ts = (lastTs.get(symbol) ?? 1_767_225_600_000) + int(400);
  const book = rand() < 0.5;
  return [ts, 50 + rand() * 100, 1 + int(50), book ? int(100) : undefined, book ? int(100) : undefined];
}

function tickCall(): Call {
  let symbol = pick(SYMBOLS);
  let [ts, price, size, bid, ask] = validTick(symbol);
  let corrupted = true;
  switch (int(8)) {
    case 0: ts = pick(BAD_TS); break;
    case 1: price = pick(BAD_PRICE); break;
    case 2: size = pick(BAD_SIZE); break;
    case 3: bid = pick(BAD_BOOK_SIZE); break;
    case 4: ask = pick(BAD_BOOK_SIZE); break;
    case 5: symbol = pick(BAD_SYMBOLS); break;
    case 6: {
      const last = lastTs.get(symbol);
      if (last === undefined) corrupted = false;
      else ts = last - 1 - int(1000); // backwards
      break;
    }
    default: corrupted = false;
  }
  return {
    name: () => `onTick(${JSON.stringify([symbol, ts, price, size, bid, ask])})`,
    corrupted,
    run: (e) => e.onTick(symbol, ts, price, size, bid, ask),
  };
}

function batchCall(): Call {
  const symbol = pick(SYMBOLS);
  const n = 1 + int(8);
  const cols = { ts: [] as number[], price: [] as number[], size: [] as number[], bid: [] as number[], ask: [] as number[] };
  let t = lastTs.get(symbol) ?? 1_767_225_600_000;
  for (let i = 0; i < n; i++) {
    t += int(400);
    cols.ts.push(t);
    cols.price.push(50 + rand() * 100);
    cols.size.push(1 + int(50));
    cols.bid.push(int(100));
    cols.ask.push(int(100));
  }
  let withBook = rand() < 0.5;
  let batchSymbol = symbol;
  let corrupted = true;
  const at = int(n);
  switch (int(10)) {
    case 0: cols.ts[at] = pick(BAD_TS); break;
    case 1: cols.price[at] = pick(BAD_PRICE); break;
    case 2: cols.size[at] = pick(BAD_SIZE); break;
    case 3: cols.bid[at] = pick(BAD_BOOK_SIZE); withBook = true; break;
    case 4: pick([cols.price, cols.size, cols.ts]).pop(); break; // mismatched lengths
    case 5: cols.ask.push(1); withBook = true; break;
    case 6: for (const c of Object.values(cols)) c.length = 0; break; // empty
    case 7: if (n > 1 && at > 0) cols.ts[at] = cols.ts[at - 1]! - 1 - int(50); else cols.ts[at] = -1; break;
    case 8: batchSymbol = pick(BAD_SYMBOLS); break;
    default: corrupted = false;
  }
  const f = (xs: number[]): Float64Array => Float64Array.from(xs);
  const [ts, price, size, bid, ask] = [f(cols.ts), f(cols.price), f(cols.size), f(cols.bid), f(cols.ask)];
  const withIndicators = rand() < 0.5;
  return {
    name: () => `runBatch(${JSON.stringify([batchSymbol, cols, withBook, withIndicators])})`,
    corrupted,
    run: (e) => e.runBatch(batchSymbol, ts, price, size, withBook ? bid : undefined, withBook ? ask : undefined, withIndicators),
  };
}

const PERIOD_FIELDS = [
  'barMs', 'historyLength', 'smaFastPeriod', 'smaSlowPeriod', 'emaPeriod', 'rsiPeriod', 'atrPeriod',
  'bollingerPeriod', 'zscorePeriod', 'breakoutBars', 'volumeSpikePeriod',
] as const;
const THRESHOLD_FIELDS = [
  'bollingerK', 'crossoverFullScoreAtr', 'rsiOversold', 'rsiOverbought', 'breakoutVolumeFactor',
  'vwapDeviationAtr', 'volumeSpikeZ', 'imbalanceThreshold',
] as const;

function configCall(): { name: () => string; corrupted: boolean; config: EngineConfig } {
  const config: Record<string, unknown> = {};
  let corrupted = true;
  switch (int(8)) {
    case 0: config[pick(PERIOD_FIELDS)] = pick([0, -1, 2.5, 1e9, 2 ** 32, 1e300, ...NOT_FINITE]); break;
    case 1: config[pick(THRESHOLD_FIELDS)] = pick([...NOT_FINITE, -1, -1e-9]); break; // bad for every threshold
    case 7: Object.assign(config, pick([{ rsiOversold: 100 }, { rsiOverbought: 150 }, { imbalanceThreshold: 1 }, { bollingerK: 0 }])); break;
    case 2: config[pick(['indicators', 'detectors'])] = [pick(['macd', 'SMA', '', 'x'.repeat(40), 'rsi ', 'é'])]; break;
    case 3: Object.assign(config, pick([{ smaFastPeriod: 30 }, { smaSlowPeriod: 5 }, { rsiOversold: 75 }, { rsiOverbought: 20 }])); break;
    case 4: Object.assign(config, pick([{ indicators: ['sma'] }, { indicators: ['rsi', 'atr'] }, { indicators: [] }])); break;
    case 5: Object.assign(config, pick([{ barMs: 86_400_001 }, { barMs: 0.5 }, { cooldownBars: -1 }, { cooldownBars: 1.5 }, { cooldownBars: 1e6 }])); break;
    default:
      corrupted = false;
      config[pick(PERIOD_FIELDS)] = 1 + int(5);
      config.smaFastPeriod = 3;
      config.smaSlowPeriod = 9;
  }
  return { name: () => `config(${JSON.stringify(config)})`, corrupted, config: config as EngineConfig };
}

const CODES: ReadonlySet<string> = new Set(reference.NATIVE_INPUT_ERROR_CODES);

describe('malformed input fuzz', () => {
  it(`${CALLS.toLocaleString('en-US')} seeded calls: corrupted → same coded error on both backends; clean → same result`, () => {
    const { native, ts } = enginePair();
    const problems: string[] = [];
    let errors = 0;
    const compare = (name: () => string, corrupted: boolean, a: Outcome<unknown>, b: Outcome<unknown>): void => {
      if (!a.ok) errors++;
      if (corrupted && (a.ok || !CODES.has(a.code))) problems.push(`${name()}: expected a coded error, got ${JSON.stringify(a)}`);
      if (!corrupted && !a.ok) problems.push(`${name()}: unexpected ${a.message}`);
      const same = a.ok || b.ok ? JSON.stringify(a) === JSON.stringify(b) : a.code === b.code && a.message === b.message;
      if (!same) problems.push(`${name()}: native ${JSON.stringify(a)} vs reference ${JSON.stringify(b)}`);
    };
    for (let i = 0; i < CALLS && problems.length < 10; i++) {
      const kind = rand();
      if (kind < 0.1) {
        const { name, corrupted, config } = configCall();
        const a = outcome(() => createPatternEngine(config).config());
        const b = outcome(() => new reference.ReferencePatternEngine(config).config());
        compare(name, corrupted, a, b);
        continue;
      }
      const call = kind < 0.6 ? tickCall() : batchCall();
      const a = outcome(() => call.run(native));
      const b = outcome(() => call.run(ts));
      compare(call.name, call.corrupted, a, b);
      if (a.ok && b.ok) {
        for (const symbol of SYMBOLS) {
          const snap = native.indicators(symbol);
          if (snap) lastTs.set(symbol, snap.ts);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(errors).toBeGreaterThan(90_000);
    // still alive and consistent after all of that
    for (const symbol of SYMBOLS) expect(native.indicators(symbol)).toEqual(ts.indicators(symbol));
  });

  it('the raw binding rejects wrong JS types with errors, never a crash', () => {
    const addon = nativeBinding();
    if (!addon) return;
    const engine = new addon.PatternEngine({});
    const junk: unknown[] = [undefined, null, 'x', {}, [], () => 0, 10n, Symbol('s'), NaN, new Float32Array(2)];
    let thrown = 0;
    for (const value of junk) {
      const calls: Array<() => unknown> = [
        () => engine.onTick(value as string, 1, 1, 1),
        () => engine.onTick('A', value as number, 1, 1),
        () => engine.onTick('A', 1, 1, 1, value as number),
        () => engine.runBatch('A', value as Float64Array, new Float64Array(1), new Float64Array(1)),
        () => new addon.PatternEngine(value as object),
        () => new addon.PatternEngine({ barMs: value as number }),
        () => new addon.PatternEngine({ indicators: value as string[] }),
        () => addon.tickById(value as never, 0, 1, 1, 1),
        () => engine.indicators(value as string),
      ];
      for (const call of calls) {
        try {
          call();
        } catch {
          thrown++;
        }
      }
    }
    expect(thrown).toBeGreaterThan(60);
    expect(engine.onTick('A', 1000, 10, 1)).toEqual([]);
  });

  it('a Rust panic becomes a JS error (GenericFailure) and the process carries on', () => {
    const addon = nativeBinding() as (ReturnType<typeof nativeBinding> & { __panicForTests?: () => void }) | undefined;
    if (!addon?.__panicForTests) return;
    let caught: unknown;
    try {
      addon.__panicForTests();
    } catch (err) {
      caught = err;
    }
    expect((caught as { code?: string }).code).toBe('GenericFailure');
    expect((caught as Error).message).toBe('pattern core panicked: deliberate panic from the test hook');
    expect(caught).not.toBeInstanceOf(NativeInputError);
    expect(addon.coreVersion()).toBe(reference.VERSION);
  });
});
