// TickPipeline's retry rule: when a tick's I/O fails and the consumer retries the same entry, the
// in-memory candles and books take the tick once, and the retry redoes only the I/O (the same book
// update with the same seq). The I/O collaborators are in-memory fakes that fail on request.
import type { BookUpdate, StreamPublisher, Tick } from '@aitrader/platform';
import type { Candle } from '../domain';
import type { CandlesStore } from '../storage/candles-store';
import type { MarketState } from '../storage/market-state';
import { TickPipeline } from './tick-pipeline';

const T0 = '2026-01-05T14:30:00.000Z';
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

function harness() {
  const failures = { upsert: 0, publish: 0 };
  const upserts: Candle[][] = [];
  const published: BookUpdate[] = [];
  const store = {
    upsert: async (candles: Candle[]) => {
      if (failures.upsert > 0 && candles.length > 0) {
        failures.upsert -= 1;
        throw new Error('database unavailable');
      }
      upserts.push(candles);
    },
  } as unknown as CandlesStore;
  const publisher = {
    publish: async (topic: string, message: BookUpdate) => {
      if (failures.publish > 0) {
        failures.publish -= 1;
        throw new Error('redis unavailable');
      }
      if (topic === 'book') published.push(message);
    },
  } as unknown as StreamPublisher;
  const state = { saveTrade: async () => {}, saveBook: async () => {} } as unknown as MarketState;
  return { pipeline: new TickPipeline(publisher, state, store), failures, upserts, published };
}

const trade = (ms: number, size: number): Tick => ({ kind: 'trade', symbol: 'AAPL', timestamp: at(ms), price: 100, size });

test('a trade retried after its candle write failed is counted in the candle once', async () => {
  const { pipeline, failures, upserts } = harness();
  await pipeline.handle(trade(0, 5), '1-0');
  failures.upsert = 1;
  // The next second's trade closes the 1 s candle; writing it fails, then the retry succeeds.
  await expect(pipeline.handle(trade(1_000, 7), '2-0')).rejects.toThrow('database unavailable');
  await pipeline.handle(trade(1_000, 7), '2-0');
  const closed = upserts.flat().find((c) => c.interval === '1s' && c.openTime === Date.parse(T0));
  expect(closed?.volume).toBe(5);
  expect(pipeline.openCandle('AAPL', '1s')).toMatchObject({ volume: 7, tradeCount: 1 });
  expect(pipeline.openCandle('AAPL', '1m')).toMatchObject({ volume: 12, tradeCount: 2 });
  expect(pipeline.handled).toBe(2);
});

test('a quote retried after its publish failed republishes the same update (same seq), applied once', async () => {
  const { pipeline, failures, published } = harness();
  const quote = (ms: number, bidSize: number): Tick => ({
    kind: 'quote', symbol: 'AAPL', timestamp: at(ms), bid: 99.99, ask: 100.01, bidSize, askSize: 3,
  });
  await pipeline.handle(quote(0, 10), '1-0');
  failures.publish = 1;
  await expect(pipeline.handle(quote(1, 20), '2-0')).rejects.toThrow('redis unavailable');
  await pipeline.handle(quote(1, 20), '2-0');
  await pipeline.handle(quote(2, 30), '3-0');
  expect(published.map((u) => u.seq)).toEqual([0, 1, 2]);
  expect(published[1]!.bids).toEqual([[99.99, 20]]);
});

test('the same tick under a new entry id is a new tick', async () => {
  const { pipeline } = harness();
  await pipeline.handle(trade(0, 5), '1-0');
  await pipeline.handle(trade(0, 5), '1-1');
  await pipeline.handle(trade(0, 5)); // no entry id (direct use): always applied
  expect(pipeline.openCandle('AAPL', '1s')).toMatchObject({ volume: 15, tradeCount: 3 });
});
