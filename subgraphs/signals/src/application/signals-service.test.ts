// The signal engine service fed by the L2 book: the book-imbalance detector sees the sizes summed over
// the top SIGNALS_BOOK_DEPTH levels, the books survive configure(), and a bad quote is dead-lettered at
// once. Only the I/O objects (publisher, store) are fakes; the pattern engine is the real one.
import { RejectedMessageError, type StreamPublisher, type Tick } from '@aitrader/platform';
import { SignalEngineService, type EmittedSignal } from './signals-service';
import type { SignalsStore } from '../storage/signals-store';

const ts = (s: number) => new Date(Date.UTC(2025, 9, 3, 14, 0, s)).toISOString();
const SYMBOL = 'DPTH';

function service(bookDepth: number) {
  const published: EmittedSignal[] = [];
  const saved: EmittedSignal[] = [];
  const publisher = {
    publish: async (_topic: string, signal: EmittedSignal) => String(published.push(signal)),
    broadcast: async () => 1,
  };
  const store = { save: async (signals: EmittedSignal[]) => saved.push(...signals) };
  const engine = new SignalEngineService(publisher as unknown as StreamPublisher, store as unknown as SignalsStore, { bookDepth });
  let entry = 0;
  const feed = async (...ticks: Tick[]) => {
    const out: EmittedSignal[] = [];
    for (const tick of ticks) out.push(...(await engine.handle(tick, `${++entry}-0`)));
    return out;
  };
  return { engine, feed, published, saved };
}

/** A balanced top of book (10 × 10) over a heavily bid-side book: 500 and 400 at the next two bids. */
const BOOK: Tick[] = [
  { kind: 'quote', symbol: SYMBOL, timestamp: ts(0), bid: 100, ask: 100.02, bidSize: 10, askSize: 10 },
  { kind: 'depth', symbol: SYMBOL, timestamp: ts(0), side: 'bid', price: 99.99, size: 500 },
  { kind: 'depth', symbol: SYMBOL, timestamp: ts(0), side: 'bid', price: 99.98, size: 400 },
];
/** Two trades in consecutive 1 s bars: the second closes the first bar, which is when detectors run. */
const trades = (s: number): Tick[] => [0, 1].map((d) => ({ kind: 'trade', symbol: SYMBOL, timestamp: ts(s + d), price: 100.01, size: 1 }));
const imbalance = (signals: EmittedSignal[]) => signals.filter((s) => s.detector === 'book_imbalance');

test('the imbalance detector sees the sizes summed over the top levels, not just the quote', async () => {
  const { feed, published, saved } = service(5);
  const signals = imbalance(await feed(...BOOK, ...trades(0)));
  expect(signals.map((s) => [s.reason, s.score])).toEqual([['book imbalance 0.98 (bid size 910, ask size 10)', 900 / 920]]);
  expect(signals[0]!.id).toBe(`${SYMBOL}:book_imbalance:${Date.parse(ts(0))}`);
  expect(imbalance(published)).toEqual(signals);
  expect(imbalance(saved)).toEqual(signals);
});

test('with a depth of 1 only the top of book counts: balanced, so no imbalance signal', async () => {
  const { feed } = service(1);
  expect(imbalance(await feed(...BOOK, ...trades(0)))).toEqual([]);
});

test('the books survive configure(); a redelivered depth entry is not applied twice', async () => {
  const { engine, feed } = service(5);
  await feed(...BOOK, ...trades(0)); // entries 1-0 … 5-0
  await feed({ kind: 'depth', symbol: SYMBOL, timestamp: ts(2), side: 'bid', price: 99.98, size: 0 }); // 6-0: the 400 lot leaves
  expect(await engine.handle(BOOK[2]!, '3-0')).toEqual([]); // its entry redelivered: it must not come back
  engine.configure({}); // a fresh engine (no cooldown), the same books
  const signals = imbalance(await feed(...trades(10)));
  expect(signals.map((s) => [s.reason, s.score])).toEqual([['book imbalance 0.96 (bid size 510, ask size 10)', 500 / 520]]);
});

test('a crossed quote is dead-lettered at once (rejected), and the book is unchanged', async () => {
  const { feed } = service(5);
  await feed(...BOOK);
  const crossed: Tick = { kind: 'quote', symbol: SYMBOL, timestamp: ts(1), bid: 101, ask: 100, bidSize: 1, askSize: 1 };
  await expect(feed(crossed)).rejects.toBeInstanceOf(RejectedMessageError);
  expect(imbalance(await feed(...trades(0))).map((s) => s.reason)).toEqual(['book imbalance 0.98 (bid size 910, ask size 10)']);
});
