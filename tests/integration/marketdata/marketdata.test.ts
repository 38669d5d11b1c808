// The marketdata service on real Redis and PostgreSQL: a replayed file yields exactly its ticks, in
// order, on the `ticks` stream; candles match hand-computed values; the book builder gives the expected
// book; malformed input is counted and never published; replay control and typed errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { createLogger, startService, type RunningService } from '@aitrader/platform';
import { definition } from '../../../subgraphs/marketdata/src';
import { isKnownSymbol, parseTickFile } from '../../../subgraphs/marketdata/src/domain';
import type { MarketdataServices } from '../../../subgraphs/marketdata/src/services';
import { REDIS_URL, gql, testConfig, uniquePrefix, waitFor } from '../support/env';

const DATA = join(__dirname, '../../../subgraphs/marketdata/data');
const redis = new Redis(REDIS_URL);
let svc: RunningService<MarketdataServices>;
let prefix: string;

beforeEach(async () => {
  prefix = uniquePrefix('marketdata');
  const config = testConfig({ REDIS_PREFIX: prefix, REPLAY_ON_START: 'none' });
  svc = await startService(definition, { config, port: 0, logger: createLogger('marketdata', config) });
});
afterEach(() => svc?.close());
afterAll(() => redis.quit());

const STATUS = 'status { state position total published rejectedCount rejectedRows { line reason } } error { code message rejectedCount }';

async function startReplay(input: Record<string, unknown>) {
  const r = await gql(svc.url, `mutation($input: StartReplayInput!) { startReplay(input: $input) { ${STATUS} } }`, { input });
  expect(r.errors).toBeUndefined();
  return r.data!.startReplay;
}

async function finished() {
  await waitFor(async () => (await gql(svc.url, '{ replay { state } }')).data?.replay.state === 'FINISHED', 15_000, 'replay finished');
}

/** Waits until the service has handled every tick on its stream. */
async function consumed(count: number) {
  await waitFor(() => svc.ctx.services.pipeline.handled >= count, 15_000, `${count} ticks handled`);
}

async function streamTicks(): Promise<unknown[]> {
  return (await redis.xrange(`${prefix}ticks`, '-', '+')).map(([, f]) => JSON.parse(f[1]!));
}

test('replaying a bundled file yields exactly its ticks, in order, on Redis', async () => {
  const r = await startReplay({ source: 'FILE', path: 'sample-trades.csv', asFastAsPossible: true });
  expect(r.error).toBeNull();
  await finished();
  const expected = parseTickFile(readFileSync(join(DATA, 'sample-trades.csv'), 'utf8'), 'csv', { isKnownSymbol }).ticks;
  expect(expected).toHaveLength(12);
  expect(await streamTicks()).toEqual(expected);
  const status = (await gql(svc.url, '{ replay { state total published rejectedCount firstTimestamp lastTimestamp } }')).data!.replay;
  expect(status).toEqual({ state: 'FINISHED', total: 12, published: 12, rejectedCount: 0, firstTimestamp: '2025-09-26T13:30:00.000Z', lastTimestamp: '2025-09-26T13:32:45.000Z' });
});

test('1-minute candles match hand-computed values, with the open bucket marked partial', async () => {
  await startReplay({ source: 'FILE', path: 'sample-trades.csv', asFastAsPossible: true });
  await finished();
  await consumed(12);
  const q = `{ candles(symbol: "AAPL", interval: M1, from: "2025-09-26T13:30:00Z", to: "2025-09-26T13:32:00Z", first: 10) { edges { cursor node { openTime open high low close volume tradeCount partial } } pageInfo { hasNextPage endCursor } } }`;
  const page = (await gql(svc.url, q)).data!.candles;
  expect(page.edges.map((e: { node: unknown }) => e.node)).toEqual([
    // 13:30 — 255.10×100, 255.15×200, 255.05×50
    { openTime: '2025-09-26T13:30:00.000Z', open: 255.1, high: 255.15, low: 255.05, close: 255.05, volume: 350, tradeCount: 3, partial: false },
    // 13:31 — 255.20×300 (09:31-04:00), 255.25×100
    { openTime: '2025-09-26T13:31:00.000Z', open: 255.2, high: 255.25, low: 255.2, close: 255.25, volume: 400, tradeCount: 2, partial: false },
    // 13:32 — 255.00×150, 255.10×50: still open
    { openTime: '2025-09-26T13:32:00.000Z', open: 255, high: 255.1, low: 255, close: 255.1, volume: 200, tradeCount: 2, partial: true },
  ]);
  // Cursor pagination: one per page, following endCursor.
  const first = (await gql(svc.url, '{ candles(symbol: "AAPL", interval: M1, from: "2025-09-26T13:30:00Z", first: 1) { edges { node { openTime } } pageInfo { hasNextPage endCursor } } }')).data!.candles;
  expect(first.pageInfo.hasNextPage).toBe(true);
  const second = (await gql(svc.url, `{ candles(symbol: "AAPL", interval: M1, from: "2025-09-26T13:30:00Z", first: 1, after: "${first.pageInfo.endCursor}") { edges { node { openTime } } } }`)).data!.candles;
  expect(second.edges[0].node.openTime).toBe('2025-09-26T13:31:00.000Z');
  const bad = await gql(svc.url, '{ candles(symbol: "AAPL", interval: M1, after: "nope") { edges { cursor } } }');
  expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('the book builder gives the expected book after a scripted sequence, and publishes to `book`', async () => {
  const lines = [
    { type: 'quote', timestamp: '2025-09-26T13:30:00Z', symbol: 'NVDA', bid: 180.0, ask: 180.02, bid_size: 300, ask_size: 200 },
    { type: 'depth', timestamp: '2025-09-26T13:30:01Z', symbol: 'NVDA', side: 'bid', price: 179.99, size: 500 },
    { type: 'depth', timestamp: '2025-09-26T13:30:01Z', symbol: 'NVDA', side: 'ask', price: 180.04, size: 700 },
    { type: 'depth', timestamp: '2025-09-26T13:30:02Z', symbol: 'NVDA', side: 'bid', price: 179.98, size: 100 },
    { type: 'quote', timestamp: '2025-09-26T13:30:03Z', symbol: 'NVDA', bid: 180.01, ask: 180.03, bid_size: 50, ask_size: 400 },
    { type: 'depth', timestamp: '2025-09-26T13:30:04Z', symbol: 'NVDA', side: 'bid', price: 179.99, size: 0 },
    { type: 'trade', timestamp: '2025-09-26T13:30:05Z', symbol: 'NVDA', price: 180.03, size: 25 },
  ];
  const r = await startReplay({ source: 'INLINE', format: 'NDJSON', content: lines.map((l) => JSON.stringify(l)).join('\n'), asFastAsPossible: true });
  expect(r.error).toBeNull();
  await finished();
  await consumed(lines.length);
  const res = await gql(svc.url, '{ orderBook(symbol: "NVDA", depth: 5) { bids { price size } asks { price size } seq } quote(symbol: "NVDA") { bid ask bidSize askSize mid spread last lastSize } }');
  expect(res.data!.orderBook).toEqual({
    // the second quote lifted the best bid to 180.01 and removed the 180.02 ask; 179.99 was then deleted
    bids: [{ price: 180.01, size: 50 }, { price: 180, size: 300 }, { price: 179.98, size: 100 }],
    asks: [{ price: 180.03, size: 400 }, { price: 180.04, size: 700 }],
    seq: 5,
  });
  expect(res.data!.quote).toEqual({ bid: 180.01, ask: 180.03, bidSize: 50, askSize: 400, mid: 180.02, spread: 0.02, last: 180.03, lastSize: 25 });
  const updates = (await redis.xrange(`${prefix}book`, '-', '+')).map(([, f]) => JSON.parse(f[1]!));
  expect(updates.map((u) => [u.kind, u.seq])).toEqual([['snapshot', 0], ['delta', 1], ['delta', 2], ['delta', 3], ['delta', 4], ['delta', 5]]);
});

test('a malformed file reports the right rejected-row count and publishes nothing bad', async () => {
  const csv = [
    'timestamp,symbol,price,size',
    '2025-09-26T13:30:00Z,AAPL,255.10,100', // ok
    '2025-09-26T13:30:01Z,AAPL,NaN,100', // NaN price
    '2025-09-26T13:30:02Z,AAPL,255.20,0', // zero size
    '2025-09-26T13:30:03Z,AAPL,255.20,-5', // negative size
    '2025-09-26T13:30:04Z,ZZZZ,10,1', // unknown symbol
    '2025-09-26T13:29:59Z,AAPL,255.00,10', // out of order for AAPL
    'not-a-time,AAPL,255.00,10', // bad timestamp
    '2025-09-26T13:30:05Z,AAPL,255.30,50', // ok
  ].join('\n');
  const r = await startReplay({ source: 'INLINE', format: 'CSV', content: csv, asFastAsPossible: true });
  expect(r.error).toBeNull();
  expect(r.status.rejectedCount).toBe(6);
  expect(r.status.rejectedRows.map((x: { line: number }) => x.line)).toEqual([3, 4, 5, 6, 7, 8]);
  await finished();
  const published = (await streamTicks()) as { price: number }[];
  expect(published.map((t) => t.price)).toEqual([255.1, 255.3]);

  // Crossed quotes in a quote file are rejected too.
  const quotes = 'timestamp,symbol,bid,ask,bid_size,ask_size\n2025-09-26T13:31:00Z,MSFT,511.2,511.1,10,10\n2025-09-26T13:31:01Z,MSFT,511.0,511.1,10,10';
  const q = await startReplay({ source: 'INLINE', format: 'CSV', content: quotes, asFastAsPossible: true });
  expect(q.status.rejectedRows).toEqual([{ line: 2, reason: expect.stringMatching(/cross/) }]);

  // Strict mode refuses the whole file and publishes nothing more.
  const before = (await streamTicks()).length;
  const strict = await startReplay({ source: 'INLINE', format: 'CSV', content: csv, strict: true });
  expect(strict.error).toMatchObject({ code: 'REJECTED_ROWS', rejectedCount: 6 });
  await new Promise((res) => setTimeout(res, 100));
  expect((await streamTicks()).length).toBe(before);
});

test('bad requests get typed errors', async () => {
  const cols = await startReplay({ source: 'INLINE', format: 'CSV', content: 'when,what\n1,2' });
  expect(cols.error?.code).toBe('BAD_COLUMNS');
  const missing = await startReplay({ source: 'FILE', path: 'nope.csv' });
  expect(missing.error?.code).toBe('FILE_NOT_FOUND');
  const escape = await startReplay({ source: 'FILE', path: '../../../package.json', format: 'NDJSON' });
  expect(escape.error?.code).toBe('INVALID_INPUT');
  const pause = await gql(svc.url, 'mutation { pauseReplay { error { code } } }');
  expect(pause.data!.pauseReplay.error.code).toBe('INVALID_STATE');
  const unknown = await gql(svc.url, '{ quote(symbol: "ZZZZ") { bid } }');
  expect(unknown.errors?.[0]?.extensions?.code).toBe('UNKNOWN_SYMBOL');
  const depth = await gql(svc.url, '{ orderBook(symbol: "AAPL", depth: 0) { seq } }');
  expect(depth.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const literal = await gql(svc.url, '{ candles(symbol: "AAPL", interval: M1, from: "yesterday") { edges { cursor } } }');
  expect(literal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(literal.errors?.[0]?.message).toMatch(/ISO-8601/);
  const variable = await gql(svc.url, 'query($from: DateTime) { candles(symbol: "AAPL", interval: M1, from: $from) { edges { cursor } } }', { from: '2025-09-26 13:30' });
  expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('replay control: real-time pacing, pause, seek, speed and stop', async () => {
  const r = await startReplay({ source: 'SYNTHETIC', seed: 7, symbols: ['SPY', 'TSLA'], start: '2025-09-29T13:30:00Z', durationSeconds: 600, speed: 1 });
  expect(r.error).toBeNull();
  expect(r.status.state).toBe('RUNNING');
  const paused = (await gql(svc.url, `mutation { pauseReplay { ${STATUS} } }`)).data!.pauseReplay;
  expect(paused.status.state).toBe('PAUSED');
  expect(paused.status.position).toBeLessThan(paused.status.total / 10); // 1x: barely started
  const seek = (await gql(svc.url, 'mutation { seekReplay(to: "2025-09-29T13:35:00Z") { status { state position total currentTimestamp } error { code } } }')).data!.seekReplay;
  expect(seek.error).toBeNull();
  expect(seek.status.position).toBeGreaterThan(seek.status.total / 3);
  const bad = (await gql(svc.url, 'mutation { setReplaySpeed(speed: -2) { error { code } } }')).data!.setReplaySpeed;
  expect(bad.error.code).toBe('INVALID_SPEED');
  await gql(svc.url, 'mutation { setReplaySpeed(asFastAsPossible: true) { error { code } } }');
  await gql(svc.url, 'mutation { resumeReplay { error { code } } }');
  await finished();
  const status = (await gql(svc.url, '{ replay { state position total } }')).data!.replay;
  expect(status.position).toBe(status.total);
  const again = (await gql(svc.url, 'mutation { resumeReplay { error { code } } }')).data!.resumeReplay;
  expect(again.error.code).toBe('INVALID_STATE');
});

test('the generator gives identical ticks for the same seed', async () => {
  const input = { source: 'SYNTHETIC', seed: 99, symbols: ['TSLA'], start: '2025-09-29T14:30:00Z', durationSeconds: 120, asFastAsPossible: true };
  await startReplay(input);
  await finished();
  const first = await streamTicks();
  await redis.del(`${prefix}ticks`);
  await startReplay(input);
  await finished();
  expect(await streamTicks()).toEqual(first);
  expect(first.length).toBeGreaterThan(100);
});
