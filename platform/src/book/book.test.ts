// The L2 book: a hand-scripted sequence with the exact book and updates expected after each step, and
// properties over random tick sequences (never crossed; deltas rebuild the book from the last snapshot).
import fc from 'fast-check';
import { BookUpdate, type DepthTick, type QuoteTick, type Tick } from '../messages';
import { BookBuilder, OrderBook } from './book';
import { BookReplica } from './book-replica';
import { BookError } from './errors';

const ts = (s: number) => new Date(Date.UTC(2025, 8, 26, 13, 30, s)).toISOString();
const quote = (s: number, bid: number, bidSize: number, ask: number, askSize: number): QuoteTick => ({ kind: 'quote', symbol: 'AAPL', timestamp: ts(s), bid, ask, bidSize, askSize });
const depth = (s: number, side: 'bid' | 'ask', price: number, size: number): DepthTick => ({ kind: 'depth', symbol: 'AAPL', timestamp: ts(s), side, price, size });

test('a scripted session: quotes set the top, depth sets levels, crossing depth clears the other side', () => {
  const builder = new BookBuilder({ snapshotEvery: 4 });
  const steps: [Tick, BookUpdate | null, { bids: [number, number][]; asks: [number, number][] }][] = [
    [
      quote(0, 100.0, 5, 100.02, 7),
      { symbol: 'AAPL', timestamp: ts(0), kind: 'snapshot', bids: [[100, 5]], asks: [[100.02, 7]], seq: 0 },
      { bids: [[100, 5]], asks: [[100.02, 7]] },
    ],
    [
      depth(1, 'bid', 99.99, 10),
      { symbol: 'AAPL', timestamp: ts(1), kind: 'delta', bids: [[99.99, 10]], asks: [], seq: 1 },
      { bids: [[100, 5], [99.99, 10]], asks: [[100.02, 7]] },
    ],
    [
      depth(2, 'ask', 100.03, 4),
      { symbol: 'AAPL', timestamp: ts(2), kind: 'delta', bids: [], asks: [[100.03, 4]], seq: 2 },
      { bids: [[100, 5], [99.99, 10]], asks: [[100.02, 7], [100.03, 4]] },
    ],
    // Trades never touch the book.
    [{ kind: 'trade', symbol: 'AAPL', timestamp: ts(3), price: 100.02, size: 7 }, null, { bids: [[100, 5], [99.99, 10]], asks: [[100.02, 7], [100.03, 4]] }],
    // The ask at 100.02 is lifted: the new quote's ask is 100.03 (size refreshed), so 100.02 goes.
    [
      quote(4, 100.0, 5, 100.03, 6),
      { symbol: 'AAPL', timestamp: ts(4), kind: 'delta', bids: [], asks: [[100.02, 0], [100.03, 6]], seq: 3 },
      { bids: [[100, 5], [99.99, 10]], asks: [[100.03, 6]] },
    ],
    // Fourth update since the snapshot: a snapshot again. The bid steps down and 100.00 is removed.
    [
      quote(5, 99.99, 12, 100.03, 6),
      { symbol: 'AAPL', timestamp: ts(5), kind: 'snapshot', bids: [[99.99, 12]], asks: [[100.03, 6]], seq: 4 },
      { bids: [[99.99, 12]], asks: [[100.03, 6]] },
    ],
    // A bid at 100.04 crosses the 100.03 ask: the ask goes, the bid stays.
    [
      depth(6, 'bid', 100.04, 1),
      { symbol: 'AAPL', timestamp: ts(6), kind: 'delta', bids: [[100.04, 1]], asks: [[100.03, 0]], seq: 5 },
      { bids: [[100.04, 1], [99.99, 12]], asks: [] },
    ],
    // Deleting a level that is not there changes nothing: no update, seq does not advance.
    [depth(7, 'ask', 101, 0), null, { bids: [[100.04, 1], [99.99, 12]], asks: [] }],
    // A zero-size quote side removes that level and everything better than it.
    [
      quote(8, 100.04, 0, 100.05, 3),
      { symbol: 'AAPL', timestamp: ts(8), kind: 'delta', bids: [[100.04, 0]], asks: [[100.05, 3]], seq: 6 },
      { bids: [[99.99, 12]], asks: [[100.05, 3]] },
    ],
    // An ask at exactly the best bid locks the book: allowed (not crossed).
    [
      depth(9, 'ask', 99.99, 2),
      { symbol: 'AAPL', timestamp: ts(9), kind: 'delta', bids: [], asks: [[99.99, 2]], seq: 7 },
      { bids: [[99.99, 12]], asks: [[99.99, 2], [100.05, 3]] },
    ],
  ];
  for (const [tick, update, book] of steps) {
    expect(builder.apply(tick)).toEqual(update);
    expect(builder.book('AAPL', 10)).toMatchObject(book);
  }
  const view = builder.book('AAPL', 1);
  expect(view).toEqual({ symbol: 'AAPL', bids: [[99.99, 12]], asks: [[99.99, 2]], bestBid: [99.99, 12], bestAsk: [99.99, 2], mid: 99.99, spread: 0, seq: 7, timestamp: ts(9) });
});

test('mid and spread are free of float noise; unknown symbols have no book', () => {
  const builder = new BookBuilder();
  builder.apply(quote(0, 255.12, 1, 255.13, 1));
  expect(builder.spread('AAPL')).toBe(0.01);
  expect(builder.mid('AAPL')).toBe(255.125);
  expect(builder.bestBid('AAPL')).toEqual([255.12, 1]);
  expect(builder.bestAsk('AAPL')).toEqual([255.13, 1]);
  expect(builder.book('MSFT')).toBeUndefined();
  expect(builder.mid('MSFT')).toBeUndefined();
  expect(builder.symbols()).toEqual(['AAPL']);
});

test('one-sided books have no mid or spread', () => {
  const book = new OrderBook('AAPL');
  book.applyDepth(depth(0, 'bid', 10, 1));
  expect(book.mid()).toBeUndefined();
  expect(book.spread()).toBeUndefined();
});

test('symbols are independent, each with its own seq and first snapshot', () => {
  const builder = new BookBuilder();
  expect(builder.apply(quote(0, 10, 1, 11, 1))?.seq).toBe(0);
  expect(builder.apply(quote(1, 10, 2, 11, 1))).toMatchObject({ kind: 'delta', seq: 1 });
  expect(builder.apply({ ...quote(1, 20, 2, 21, 1), symbol: 'MSFT' })).toMatchObject({ kind: 'snapshot', seq: 0, symbol: 'MSFT' });
});

test('reset empties a book and makes the next update a snapshot without restarting seq', () => {
  const builder = new BookBuilder();
  builder.apply(quote(0, 10, 1, 11, 1));
  builder.apply(depth(1, 'bid', 9, 1));
  builder.reset('AAPL');
  expect(builder.apply(quote(2, 12, 1, 13, 1))).toEqual({ symbol: 'AAPL', timestamp: ts(2), kind: 'snapshot', bids: [[12, 1]], asks: [[13, 1]], seq: 2 });
});

test('a tick earlier than the last one (a replay starting over) empties the book and publishes that at once', () => {
  const b = new BookBuilder();
  expect(b.apply(quote(5, 100, 10, 100.02, 10))?.kind).toBe('snapshot');
  expect(b.apply(depth(5, 'bid', 99.99, 500))?.kind).toBe('delta');
  // The same time again is no rewind; a trade marks the time.
  expect(b.apply(depth(5, 'ask', 100.03, 7))).toMatchObject({ kind: 'delta', seq: 2 });
  expect(b.apply({ kind: 'trade', symbol: 'AAPL', timestamp: ts(9), price: 100.01, size: 1 })).toBeNull();
  // A trade at 8 s rewinds: the emptied book goes out as a snapshot, seq still counting.
  expect(b.apply({ kind: 'trade', symbol: 'AAPL', timestamp: ts(8), price: 100.01, size: 1 })).toMatchObject({ kind: 'snapshot', bids: [], asks: [], seq: 3 });
  // A quote at 0 s rewinds again: the snapshot holds only the new quote.
  expect(b.apply(quote(0, 100, 3, 100.02, 4))).toMatchObject({ kind: 'snapshot', bids: [[100, 3]], asks: [[100.02, 4]], seq: 4 });
  expect(b.apply(quote(1, 100, 3, 100.02, 5))).toMatchObject({ kind: 'delta', asks: [[100.02, 5]], seq: 5 });
  // A symbol never published has nothing to empty: a rewinding trade publishes nothing.
  expect(b.apply({ kind: 'trade', symbol: 'MSFT', timestamp: ts(5), price: 1, size: 1 })).toBeNull();
  expect(b.apply({ kind: 'trade', symbol: 'MSFT', timestamp: ts(4), price: 1, size: 1 })).toBeNull();
  expect(b.symbols()).toEqual(['AAPL']);
});

test('a crossed quote is refused; bad options are refused', () => {
  expect(() => new OrderBook('AAPL').applyQuote(quote(0, 11, 1, 10, 1))).toThrow(BookError);
  expect(() => new BookBuilder({ snapshotEvery: 0 })).toThrow(RangeError);
});

test('the replica ignores deltas before a snapshot, ignores stale ones and stops at a gap', () => {
  const replica = new BookReplica();
  const delta = (seq: number): BookUpdate => ({ symbol: 'AAPL', timestamp: ts(0), kind: 'delta', bids: [[10, 1]], asks: [], seq });
  expect(replica.apply(delta(3))).toBe('waiting-for-snapshot');
  expect(replica.apply({ ...delta(4), kind: 'snapshot', bids: [[9, 1]] })).toBe('applied');
  expect(replica.apply(delta(4))).toBe('stale');
  expect(replica.apply(delta(5))).toBe('applied');
  expect(replica.levels()).toEqual({ bids: [[10, 1], [9, 1]], asks: [] });
  expect(replica.apply(delta(7))).toBe('gap');
  expect(replica.lastSeq).toBeNull();
  expect(replica.apply(delta(8))).toBe('waiting-for-snapshot');
});

// Prices on a 10-tick grid so levels collide, cross and get deleted often.
const price = fc.integer({ min: 1, max: 10 }).map((t) => 100 + t / 100);
const size = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 }));
const arbitraryTick = fc.oneof(
  fc.record({ a: price, b: price, bidSize: size, askSize: size }).map(({ a, b, bidSize, askSize }) => quote(0, Math.min(a, b), bidSize, Math.max(a, b), askSize) as Tick),
  fc.record({ side: fc.constantFrom<'bid' | 'ask'>('bid', 'ask'), p: price, s: size }).map(({ side, p, s }) => depth(0, side, p, s) as Tick),
  fc.constant<Tick>({ kind: 'trade', symbol: 'AAPL', timestamp: ts(0), price: 100, size: 1 }),
);

test('property: never crossed; updates are schema-valid with gap-free seq; deltas over the last snapshot rebuild the book', () => {
  fc.assert(
    fc.property(fc.array(arbitraryTick, { maxLength: 200 }), fc.integer({ min: 1, max: 20 }), (ticks, snapshotEvery) => {
      const builder = new BookBuilder({ snapshotEvery });
      const replica = new BookReplica();
      let expectedSeq = 0;
      let sinceSnapshot = 0;
      for (const tick of ticks) {
        const update = builder.apply(tick);
        if (update !== null) {
          expect(BookUpdate.safeParse(update).success).toBe(true);
          expect(update.seq).toBe(expectedSeq++);
          expect(update.kind).toBe(update.seq === 0 || sinceSnapshot + 1 >= snapshotEvery ? 'snapshot' : 'delta');
          sinceSnapshot = update.kind === 'snapshot' ? 0 : sinceSnapshot + 1;
          expect(replica.apply(update)).toBe('applied');
        }
        const view = builder.book('AAPL', Number.POSITIVE_INFINITY);
        if (view === undefined) continue;
        if (view.bestBid && view.bestAsk) expect(view.bestBid[0]).toBeLessThanOrEqual(view.bestAsk[0]);
        expect(replica.levels()).toEqual({ bids: view.bids, asks: view.asks });
        expect(view.bids.every(([, s]) => s > 0) && view.asks.every(([, s]) => s > 0)).toBe(true);
      }
    }),
    { numRuns: 300 },
  );
});
