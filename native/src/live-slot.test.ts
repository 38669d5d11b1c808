// The native live path through the tick slot (binding/src/live_slot.rs): engines sharing one
// slot never see each other's ticks, the slot path and `tickById` give the same signals, a
// runtime that copies external buffers falls back to `tickById`, and bad slot contents are
// JS errors, not crashes.

import { nativeBinding, reference, type EngineConfig, type NativeBinding, type Signal } from './index';
import { NativePatternEngine } from './native-engine';
import { interleave, syntheticTicks, type StreamTick } from './testing/synthetic-ticks';

const requireNative = process.env.AITRADER_REQUIRE_NATIVE === '1' && process.env.AITRADER_NATIVE !== 'off';
const binding = nativeBinding();

const stream: StreamTick[] = interleave([
  ['AAPL', syntheticTicks(6000, 71)],
  ['MSFT', syntheticTicks(6000, 72)],
]);
/** Every third tick without book sizes, every fifth with null ones: presence must travel too. */
const bookOf = (i: number, t: StreamTick): [number | undefined, number | undefined] =>
  i % 3 === 0 ? [undefined, undefined] : i % 5 === 0 ? [null as never, null as never] : [t.bidSize, t.askSize];

type Ticker = { onTick(symbol: string, ts: number, price: number, size: number, bid?: number, ask?: number): Signal[] };

/** Feeds `stream` to every engine tick by tick, interleaving them; returns each one's signals. */
function feedInterleaved(engines: Ticker[]): Signal[][] {
  const out: Signal[][] = engines.map(() => []);
  stream.forEach((t, i) => {
    const [bid, ask] = bookOf(i, t);
    engines.forEach((e, k) => out[k]!.push(...e.onTick(t.symbol, t.ts, t.price, t.size, bid, ask)));
  });
  return out;
}

const FULL: EngineConfig = { cooldownBars: 0 };
const FAST: EngineConfig = { smaFastPeriod: 3, smaSlowPeriod: 8, rsiPeriod: 5, cooldownBars: 1 };

if (binding === undefined) {
  it('runs only with the native binding (absent here, and not required)', () => {
    expect(requireNative).toBe(false);
  });
} else {
  const addon: NativeBinding = binding;

  describe('native live path through the tick slot', () => {
    it('the slot is shared with Rust in Node', () => {
      const slot = addon.tickSlot();
      slot[0] = 42.5;
      expect(addon.tickSlotProbe()).toBe(42.5);
    });

    it('engines interleaved on one slot each match their own reference engine', () => {
      const [a, b, refA, refB] = feedInterleaved([
        new NativePatternEngine(addon, FULL),
        new NativePatternEngine(addon, FAST),
        new reference.ReferencePatternEngine(FULL),
        new reference.ReferencePatternEngine(FAST),
      ]);
      expect(a!.length).toBeGreaterThan(50);
      expect(b!.length).toBeGreaterThan(50);
      expect(a).toEqual(refA);
      expect(b).toEqual(refB);
      expect(a).not.toEqual(b); // the configs differ, so crossed ticks would show
    });

    it('falls back to tickById where the runtime copies external buffers, with the same signals', () => {
      let slotCalls = 0;
      let byIdCalls = 0;
      const copying: NativeBinding = {
        ...addon,
        tickSlot: () => new Float64Array(8), // a copy: writes never reach Rust
        tickSlotProbe: () => addon.tickSlotProbe(),
        tickFromSlot: () => (slotCalls++, addon.tickFromSlot()),
        tickById: (...args: Parameters<NativeBinding['tickById']>) => (byIdCalls++, addon.tickById(...args)),
      };
      const [viaById, viaSlot] = feedInterleaved([new NativePatternEngine(copying, FULL), new NativePatternEngine(addon, FULL)]);
      expect(slotCalls).toBe(0);
      expect(byIdCalls).toBe(stream.length);
      expect(viaById).toEqual(viaSlot);
    });

    it('bad slot contents are JS errors and leave the engine usable', () => {
      const engine = new addon.PatternEngine({});
      const slot = addon.tickSlot();
      const write = (values: number[]): void => values.forEach((v, i) => (slot[i] = v));
      const message = (): string => {
        try {
          addon.tickFromSlot();
        } catch (err) {
          return String((err as Error).message);
        }
        return 'no error';
      };
      const id = engine.symbolId('AAPL');
      const n = engine.slotNumber();
      write([1e9, id, 1_767_225_600_000, 100, 1, 0, 0, 0]);
      expect(message()).toMatch(/^no engine number/);
      write([n + 0.5, id, 1_767_225_600_000, 100, 1, 0, 0, 0]);
      expect(message()).toMatch(/^no engine number/);
      write([n, 99, 1_767_225_600_000, 100, 1, 0, 0, 0]);
      expect(message()).toMatch(/^INVALID_SYMBOL/);
      write([n, id, 1_767_225_600_000, Number.NaN, 1, 0, 0, 0]);
      expect(message()).toMatch(/^INVALID_PRICE/);
      write([n, id, 1_767_225_600_000, 100, 1, -1, 0, 1]);
      expect(message()).toMatch(/^INVALID_SIZE/);
      write([n, id, 1_767_225_600_000, 100, 1, -1, 0, 0]); // bid absent: its slot value is ignored
      expect(addon.tickFromSlot()).toBeNull();
      expect(engine.indicators('AAPL')?.lastPrice).toBe(100);
    });
  });
}
