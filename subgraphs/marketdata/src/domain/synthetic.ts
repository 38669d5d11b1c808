// The synthetic market feed: deterministic ticks for many symbols from a seed, merged into one
// time-ordered stream (ties broken by symbol, then by each symbol's own order) with a feed-wide seq.
// SyntheticMarket produces it incrementally (for a live feed); generateTicks produces a fixed window.
import type { Tick } from '@aitrader/platform/messages';
import { SyntheticError } from './errors';
import { INSTRUMENTS, type Instrument } from './instruments';
import { Random } from './random';
import { SymbolSimulator, type TimedTick } from './symbol-simulator';
import { parseTimestamp } from './timestamps';

export interface SyntheticMarketOptions {
  seed: number;
  symbols: readonly string[];
  /** ISO-8601 with a zone (or anything parseTimestamp accepts). */
  start: string;
  /**
   * Average market events per second per symbol (default 1). An event is a quote revision or a trade
   * (which also re-quotes), plus whatever depth changes follow: about 1.8 ticks per event.
   */
  eventsPerSecond?: number;
  /** Book levels per side, the top included (default 5). */
  depthLevels?: number;
  /** Where symbols are looked up (default: the built-in INSTRUMENTS). */
  instruments?: readonly Instrument[];
}

export interface GenerateTicksOptions extends SyntheticMarketOptions {
  durationMs: number;
}

/** A cap on one call's expected output, so a typo in duration cannot exhaust memory. */
export const MAX_EXPECTED_EVENTS = 5_000_000;

export class SyntheticMarket {
  readonly startMs: number;
  private readonly simulators: SymbolSimulator[];
  private readonly eventsPerSecond: number;
  private emittedUntilMs: number;
  private seq = 0;

  constructor(options: SyntheticMarketOptions) {
    this.startMs = readStart(options.start);
    this.eventsPerSecond = options.eventsPerSecond ?? 1;
    const depthLevels = options.depthLevels ?? 5;
    if (!(this.eventsPerSecond > 0 && this.eventsPerSecond <= 1000)) fail(`eventsPerSecond must be in (0, 1000], got ${this.eventsPerSecond}`);
    if (!Number.isInteger(depthLevels) || depthLevels < 1 || depthLevels > 50) fail(`depthLevels must be an integer from 1 to 50, got ${depthLevels}`);
    if (!Number.isSafeInteger(options.seed)) fail(`seed must be an integer, got ${options.seed}`);
    const instruments = resolveSymbols(options.symbols, options.instruments ?? INSTRUMENTS);
    // One independent random stream per symbol: adding a symbol leaves the others' tapes unchanged.
    this.simulators = instruments.map(
      (instrument) => new SymbolSimulator(instrument, this.startMs, { eventsPerSecond: this.eventsPerSecond, depthLevels }, Random.derive(options.seed, instrument.symbol)),
    );
    this.emittedUntilMs = this.startMs;
  }

  /** Epoch ms up to which (exclusive) ticks have been produced. */
  get position(): number {
    return this.emittedUntilMs;
  }

  /**
   * Every tick with a timestamp before `untilMs` (integer epoch ms, exclusive) not produced yet. Chunking
   * does not change the output: advanceTo(a) then advanceTo(b) equals advanceTo(b) alone.
   */
  advanceTo(untilMs: number): Tick[] {
    if (!Number.isInteger(untilMs)) fail(`untilMs must be an integer epoch ms, got ${untilMs}`);
    if (untilMs <= this.emittedUntilMs) return [];
    const expected = ((untilMs - this.emittedUntilMs) / 1000) * this.eventsPerSecond * this.simulators.length;
    if (expected > MAX_EXPECTED_EVENTS) fail(`that window would produce about ${Math.round(expected)} events; the limit per call is ${MAX_EXPECTED_EVENTS}`);
    const perSymbol = this.simulators.map((simulator) => {
      const out: TimedTick[] = [];
      simulator.emitUntil(untilMs, out);
      return out;
    });
    this.emittedUntilMs = untilMs;
    return mergeByTime(perSymbol).map(({ tick }) => {
      tick.seq = this.seq++;
      return tick;
    });
  }
}

/** Ticks for [start, start + durationMs). Same options, same ticks. */
export function generateTicks(options: GenerateTicksOptions): Tick[] {
  const { durationMs } = options;
  if (!Number.isInteger(durationMs) || durationMs < 0) fail(`durationMs must be a non-negative integer, got ${durationMs}`);
  const market = new SyntheticMarket(options);
  return market.advanceTo(market.startMs + durationMs);
}

/** Simulators are in symbol order and each list is time-ordered, so a stable sort by time suffices. */
function mergeByTime(lists: TimedTick[][]): TimedTick[] {
  return lists.flat().sort((a, b) => a.epochMs - b.epochMs);
}

function resolveSymbols(symbols: readonly string[], universe: readonly Instrument[]): Instrument[] {
  if (symbols.length === 0) fail('symbols must not be empty');
  const duplicates = symbols.filter((s, i) => symbols.indexOf(s) !== i);
  if (duplicates.length > 0) fail(`symbols are repeated: ${[...new Set(duplicates)].join(', ')}`);
  const unknown = symbols.filter((s) => !universe.some((i) => i.symbol === s));
  if (unknown.length > 0) fail(`unknown symbol(s): ${unknown.join(', ')}`);
  return [...symbols].sort().map((s) => universe.find((i) => i.symbol === s) as Instrument);
}

function readStart(start: string): number {
  try {
    return parseTimestamp(start);
  } catch (error) {
    return fail(`start: ${(error as Error).message}`);
  }
}

function fail(message: string): never {
  throw new SyntheticError(message);
}
