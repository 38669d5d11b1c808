// The signals-side books: depth adds deeper levels that are summed, quotes remove better levels, the
// depth limit, redeliveries, unknown symbols, time going back; and the claim behind rebuilding from ticks:
// it gives the same book as consuming marketdata's `book` stream (BookBuilder → BookUpdate → BookReplica).
import fc from 'fast-check';
import { BookBuilder, BookError, BookReplica } from '@aitrader/platform/book';
import { type DepthTick, type QuoteTick, type Tick, type TradeTick } from '@aitrader/platform/messages';
import { BookTracker } from './book-tracker';

const ts = (s: number) => new Date(Date.UTC(2025, 9, 3, 14, 0, s)).toISOString();
const quote = (bid: number, bidSize: number, ask: number, askSize: number, symbol = 'AAPL'): QuoteTick => ({ kind: 'quote', symbol, timestamp: ts(0), bid, ask, bidSize, askSize });
const depth = (side: 'bid' | 'ask', price: number, size: number, symbol = 'AAPL'): DepthTick => ({ kind: 'depth', symbol, timestamp: ts(0), side, price, size });
const trade = (symbol = 'AAPL'): TradeTick => ({ kind: 'trade', symbol, timestamp: ts(0), price: 100.01, size: 1 });
const at = <T extends Tick>(s: number, tick: T): T => ({ ...tick, timestamp: ts(s) });

/** Feeds ticks as consecutive stream entries 1-0, 2-0, … */
function tracked(...ticks: Tick[]): BookTracker {
  const tracker = new BookTracker();
  ticks.forEach((tick, i) => expect(tracker.apply(tick, `${i + 1}-0`)).toBe(true));
  return tracker;
}

test('depth ticks add deeper levels, and the sizes are summed over them', () => {
  const tracker = tracked(quote(100, 10, 100.02, 10), depth('bid', 99.99, 500), depth('bid', 99.98, 400), depth('ask', 100.03, 7));
  expect(tracker.sizes('AAPL', 5)).toEqual({ bidSize: 910, askSize: 17 });
  expect(tracker.levels('AAPL')).toEqual({ bids: [[100, 10], [99.99, 500], [99.98, 400]], asks: [[100.02, 10], [100.03, 7]] });
});

test('a quote removes the levels better than it; a zero size removes a level', () => {
  const tracker = tracked(quote(100, 10, 100.05, 10), depth('bid', 99.99, 500), depth('ask', 100.06, 5), quote(99.99, 20, 100.06, 0));
  // 100.00 (better than the new bid) and 100.05 (better than the new ask) are gone; the ask at 100.06 is emptied.
  expect(tracker.levels('AAPL')).toEqual({ bids: [[99.99, 20]], asks: [] });
  expect(tracker.sizes('AAPL', 5)).toEqual({ bidSize: 20, askSize: 0 });
});

test('the depth limits how many levels of each side are summed', () => {
  const tracker = tracked(quote(100, 1, 101, 2), ...[1, 2, 3, 4, 5, 6].map((i) => depth('bid', 100 - i / 100, 10 ** i)), depth('ask', 101.01, 30));
  expect(tracker.sizes('AAPL', 1)).toEqual({ bidSize: 1, askSize: 2 });
  expect(tracker.sizes('AAPL', 2)).toEqual({ bidSize: 11, askSize: 32 });
  expect(tracker.sizes('AAPL', 5)).toEqual({ bidSize: 11_111, askSize: 32 });
  expect(tracker.sizes('AAPL', 50)).toEqual({ bidSize: 1_111_111, askSize: 32 });
});

test('a redelivered quote or depth entry is not applied again, per symbol', () => {
  const tracker = new BookTracker();
  const first = depth('bid', 99.99, 500);
  expect(tracker.apply(quote(100, 10, 100.02, 10), '5-0')).toBe(true);
  expect(tracker.apply(first, '5-1')).toBe(true);
  expect(tracker.apply(depth('bid', 99.99, 0), '10-0')).toBe(true); // the level is deleted…
  expect(tracker.apply(first, '5-1')).toBe(false); // …and the redelivered entry that set it does not restore it
  expect(tracker.apply(quote(101, 1, 102, 1), '5-0')).toBe(false);
  expect(tracker.apply(depth('bid', 99.98, 7), '10-0')).toBe(false); // the same id again
  expect(tracker.levels('AAPL')).toEqual({ bids: [[100, 10]], asks: [[100.02, 10]] });
  // Ids compare as numbers ("9-…" comes before "10-…"), and each symbol has its own last entry.
  expect(tracker.apply(depth('ask', 100.03, 3), '9-5')).toBe(false);
  expect(tracker.apply(depth('ask', 100.03, 3), '10-1')).toBe(true);
  expect(tracker.apply(quote(50, 1, 51, 1, 'MSFT'), '7-0')).toBe(true);
  expect(tracker.sizes('AAPL', 5)).toEqual({ bidSize: 10, askSize: 13 });
});

test('a symbol never quoted has no sizes; a crossed quote is refused and changes nothing', () => {
  const tracker = tracked(quote(100, 10, 100.02, 10));
  expect(tracker.sizes('MSFT', 5)).toBeUndefined();
  expect(tracker.levels('MSFT')).toBeUndefined();
  expect(() => tracker.apply(quote(101, 1, 100, 1), '2-0')).toThrow(BookError);
  expect(() => tracker.apply(quote(101, 1, 100, 1, 'MSFT'), '3-0')).toThrow(BookError);
  expect(tracker.sizes('MSFT', 5)).toBeUndefined();
  expect(tracker.levels('AAPL')).toEqual({ bids: [[100, 10]], asks: [[100.02, 10]] });
  // A refused entry is not recorded as applied: the next one (even with a lower id than the refused) applies.
  expect(tracker.apply(depth('bid', 99.99, 1), '1-1')).toBe(true);
});

test('time going back (a replay starting over) starts the book afresh; a trade marks the time too', () => {
  const tracker = tracked(at(5, quote(100, 10, 100.02, 10)), at(5, depth('bid', 99.99, 500)), at(6, quote(50, 1, 51, 1, 'MSFT')));
  // The same time again is no rewind.
  expect(tracker.apply(at(5, depth('ask', 100.03, 7)), '4-0')).toBe(true);
  expect(tracker.sizes('AAPL', 5)).toEqual({ bidSize: 510, askSize: 17 });
  // The replay starts over at 0 s: the old levels go, only the new quote is left; MSFT is untouched.
  expect(tracker.apply(at(0, quote(100, 3, 100.02, 4)), '5-0')).toBe(true);
  expect(tracker.levels('AAPL')).toEqual({ bids: [[100, 3]], asks: [[100.02, 4]] });
  expect(tracker.sizes('MSFT', 5)).toEqual({ bidSize: 1, askSize: 1 });
  // A trade after the book's last tick marks the time; one before it (a rewind) empties the book, as
  // marketdata's BookBuilder does (it publishes the emptied book as a snapshot).
  expect(tracker.apply(at(9, trade()), '6-0')).toBe(true);
  expect(tracker.sizes('AAPL', 5)).toEqual({ bidSize: 3, askSize: 4 });
  expect(tracker.apply(at(8, trade()), '7-0')).toBe(true);
  expect(tracker.sizes('AAPL', 5)).toEqual({ bidSize: 0, askSize: 0 });
  expect(tracker.apply(at(8, depth('ask', 100.05, 2)), '8-0')).toBe(true);
  expect(tracker.levels('AAPL')).toEqual({ bids: [], asks: [[100.05, 2]] });
  // A redelivered old entry is skipped before its time is looked at: no rewind.
  expect(tracker.apply(at(0, quote(100, 3, 100.02, 4)), '5-0')).toBe(false);
  expect(tracker.apply(at(5, trade()), '6-0')).toBe(false);
  expect(tracker.levels('AAPL')).toEqual({ bids: [], asks: [[100.05, 2]] });
});

// Prices on a 10-tick grid so levels collide, cross and get deleted often; two symbols interleaved.
const symbol = fc.constantFrom('AAPL', 'MSFT');
const price = fc.integer({ min: 1, max: 10 }).map((t) => 100 + t / 100);
const size = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 }));
const anyTick = fc.oneof(
  fc.record({ s: symbol, a: price, b: price, bidSize: size, askSize: size }).map(({ s, a, b, bidSize, askSize }) => quote(Math.min(a, b), bidSize, Math.max(a, b), askSize, s) as Tick),
  fc.record({ s: symbol, side: fc.constantFrom<'bid' | 'ask'>('bid', 'ask'), p: price, z: size }).map(({ s, side, p, z }) => depth(side, p, z, s) as Tick),
  symbol.map((s) => trade(s) as Tick),
);
/**
 * A new entry (at the clock, which then moves on by 0–1 s), a redelivery of an earlier one (index taken
 * modulo the entries so far), or the replay starting over (the clock goes back to 0).
 */
const step = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(anyTick, fc.integer({ min: 0, max: 1 })).map(([tick, advance]) => ({ tick, advance })) },
  { weight: 2, arbitrary: fc.nat().map((redeliver) => ({ redeliver })) },
  { weight: 1, arbitrary: fc.constant({ restart: true }) },
);

test('property: rebuilding from the ticks (with redeliveries and restarts) gives the book a `book` stream consumer replicates', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 200 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 12 }), (steps, snapshotEvery, n) => {
      const tracker = new BookTracker();
      const builder = new BookBuilder({ snapshotEvery });
      const replicas = new Map([['AAPL', new BookReplica()], ['MSFT', new BookReplica()]]);
      const entries: { tick: Tick; id: string }[] = [];
      let clock = 0;
      for (const s of steps) {
        if ('restart' in s) {
          clock = 0;
          continue;
        }
        if ('redeliver' in s) {
          if (entries.length === 0) continue;
          const { tick, id } = entries[s.redeliver % entries.length]!;
          expect(tracker.apply(tick, id)).toBe(false);
        } else {
          // Ids cross 999 → 1000 and share milliseconds, so a textual comparison would go wrong.
          const i = entries.length;
          const id = `${995 + Math.floor(i / 3)}-${i % 3}`;
          const tick = at(clock, s.tick);
          clock += s.advance;
          entries.push({ tick, id });
          expect(tracker.apply(tick, id)).toBe(true);
          const update = builder.apply(tick);
          if (update !== null) expect(replicas.get(update.symbol)!.apply(update)).toBe('applied');
        }
        for (const [sym, replica] of replicas) {
          const want = replica.levels();
          const seen = entries.some((e) => e.tick.symbol === sym && e.tick.kind !== 'trade');
          expect(tracker.levels(sym)).toEqual(seen ? want : undefined);
          const sum = (levels: [number, number][]) => levels.slice(0, n).reduce((t, [, z]) => t + z, 0);
          expect(tracker.sizes(sym, n)).toEqual(seen ? { bidSize: sum(want.bids), askSize: sum(want.asks) } : undefined);
        }
      }
    }),
    { numRuns: 300 },
  );
});
