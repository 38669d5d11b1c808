// End to end on real Redis and PostgreSQL: replayed ticks become signals on the `signals` stream and the
// `signals` pub/sub channel, are stored, reach a graphql-ws subscriber of the signals subgraph, are the
// same when the data is replayed again, and are visible through the gateway; the book-imbalance detector
// sees the L2 book that signals rebuilds from the quote/depth ticks, summed over SIGNALS_BOOK_DEPTH levels.
import Redis from 'ioredis';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { backend } from '@aitrader/native';
import { StreamPublisher, type Tick } from '@aitrader/platform';
import { fieldsOf, gql, REDIS_URL, signedHeaders, uniquePrefix, waitFor } from '../support/env';
import { startStack, type Stack } from '../support/stack';

const prefix = uniquePrefix('signals');
const redis = new Redis(REDIS_URL);
const listener = new Redis(REDIS_URL);
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ REDIS_PREFIX: prefix });
});
afterAll(async () => {
  await stack?.close();
  await redis.quit();
  await listener.quit();
});

const REPLAY = `mutation { startReplay(input: { source: SYNTHETIC, seed: 11, symbols: ["NVDA", "AMZN"], start: "2025-10-02T13:30:00Z", durationSeconds: 900, asFastAsPossible: true }) { status { total } error { code message } } }`;

async function signalsCaughtUp() {
  await waitFor(async () => {
    const groups = (await redis.xinfo('GROUPS', `${prefix}ticks`)) as unknown[][];
    const g = groups.map((x) => fieldsOf(x)).find((x) => x.name === 'signals');
    return g?.lag === 0 && g?.pending === 0;
  }, 30_000, 'signals consumed every tick');
}

async function replayed(expectedTicks: number) {
  await waitFor(async () => (await gql(stack.gateway.url, '{ replay { state } }')).data?.replay.state === 'FINISHED', 20_000, 'replay finished');
  const signals = stack.services.get('signals')!;
  await signalsCaughtUp();
  return { signals, expectedTicks };
}

test('replayed ticks become signals on the stream, the channel, a subscription and the database', async () => {
  const channelMessages: string[] = [];
  await listener.subscribe(`${prefix}signals`);
  listener.on('message', (_c: string, m: string) => channelMessages.push(m));

  const wsUrl = `${stack.services.get('signals')!.url.replace('http', 'ws')}/graphql`;
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, lazy: false, connectionParams: signedHeaders });
  const received: { symbol: string; score: number; detector: string }[] = [];
  const unsubscribe = client.subscribe<{ signalEmitted: { symbol: string; score: number; detector: string } }>(
    { query: 'subscription { signalEmitted(symbol: "NVDA") { id symbol score detector reason timestamp } }' },
    { next: (r) => r.data && received.push(r.data.signalEmitted), error: () => undefined, complete: () => undefined },
  );
  await new Promise((r) => setTimeout(r, 300)); // subscription established

  const started = await gql(stack.gateway.url, REPLAY);
  expect(started.data?.startReplay.error).toBeNull();
  await replayed(started.data!.startReplay.status.total);

  const stream = (await redis.xrange(`${prefix}signals`, '-', '+')).map(([, f]) => JSON.parse(f[1]!));
  expect(stream.length).toBeGreaterThan(5);
  expect(new Set(stream.map((s) => s.symbol))).toEqual(new Set(['NVDA', 'AMZN']));
  for (const s of stream) {
    expect(s.score).toBeGreaterThanOrEqual(-1);
    expect(s.score).toBeLessThanOrEqual(1);
    expect(s.reason.length).toBeGreaterThan(0);
  }
  await waitFor(() => channelMessages.length === stream.length, 5_000, 'pub/sub messages');
  expect(channelMessages.map((m) => JSON.parse(m).id)).toEqual(stream.map((s) => s.id));
  await waitFor(() => received.length === stream.filter((s) => s.symbol === 'NVDA').length, 5_000, 'subscription events');
  expect(received.every((s) => s.symbol === 'NVDA')).toBe(true);
  unsubscribe();
  await client.dispose();

  // Stored, and visible through the gateway with the instrument resolved by the marketdata subgraph.
  const page = await gql(stack.gateway.url, '{ signals(symbol: "NVDA", first: 500) { edges { node { id score detector instrument { name } } } } }');
  expect(page.errors).toBeUndefined();
  const nvda = stream.filter((s) => s.symbol === 'NVDA');
  // The test database outlives runs and ids are deterministic, so signals stored by earlier runs of other
  // detector logic (e.g. imbalance from quote sizes only) may be there too: each of this run's is stored.
  expect(page.data!.signals.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expect.arrayContaining(nvda.map((s) => s.id)));
  expect(page.data!.signals.edges[0].node.instrument.name).toBe('NVIDIA Corporation');

  // Indicators for the strategy engine: SMA20, RSI14, ATR14 and a 60-point history.
  const ind = await gql(stack.gateway.url, '{ instrument(symbol: "NVDA") { indicators { backend smaSlow rsi atr history } } }');
  expect(ind.errors).toBeUndefined();
  const indicators = ind.data!.instrument.indicators;
  expect(indicators.backend).toBe(backend);
  expect(indicators.history).toHaveLength(60);
  expect(indicators.rsi).toBeGreaterThanOrEqual(0);
  expect(indicators.rsi).toBeLessThanOrEqual(100);
  expect(indicators.atr).toBeGreaterThan(0);
  expect(Math.abs(indicators.smaSlow - indicators.history[59]) / indicators.history[59]).toBeLessThan(0.05);

  // Replaying the same data again gives the same signals (ids, scores, reasons).
  await redis.del(`${prefix}signals`);
  const again = await gql(stack.gateway.url, REPLAY);
  expect(again.data?.startReplay.error).toBeNull();
  await replayed(again.data!.startReplay.status.total);
  const second = (await redis.xrange(`${prefix}signals`, '-', '+')).map(([, f]) => JSON.parse(f[1]!));
  expect(second).toEqual(stream);
});

test('detector configuration: typed errors for bad values, and the health says which backend runs', async () => {
  const bad = await gql(stack.gateway.url, 'mutation { configureDetectors(input: { smaFastPeriod: 30, smaSlowPeriod: 20 }) { config { smaFastPeriod } error { code message } } }');
  expect(bad.data!.configureDetectors.config).toBeNull();
  expect(bad.data!.configureDetectors.error.code).toBe('INVALID_CONFIG');
  const ok = await gql(stack.gateway.url, 'mutation { configureDetectors(input: { rsiPeriod: 10 }) { config { rsiPeriod smaSlowPeriod } error { code } } }');
  expect(ok.data!.configureDetectors).toEqual({ config: { rsiPeriod: 10, smaSlowPeriod: 20 }, error: null });
  const reset = await gql(stack.gateway.url, 'mutation { resetDetectors { config { rsiPeriod } } }');
  expect(reset.data!.resetDetectors.config.rsiPeriod).toBe(14);
  const health = (await (await fetch(`${stack.services.get('signals')!.url}/health`)).json()) as { dependencies: Record<string, { backend?: string }> };
  expect(health.dependencies['pattern-engine']?.backend).toBe(backend);
});

test('depth ticks change the outcome: a balanced quote over a bid-heavy book gives an imbalance signal', async () => {
  // A made-up symbol no other test uses (tests share the servers); its own prefix keeps the streams apart.
  const symbol = 'DPTH';
  const at = (s: number) => new Date(Date.UTC(2025, 9, 3, 15, 0, s)).toISOString();
  const depth = (side: 'bid' | 'ask', price: number, size: number): Tick => ({ kind: 'depth', symbol, timestamp: at(0), side, price, size });
  const ticks: Tick[] = [
    // Top of book alone is balanced (10 × 10): with quote sizes only, no imbalance.
    { kind: 'quote', symbol, timestamp: at(0), bid: 100, ask: 100.02, bidSize: 10, askSize: 10 },
    depth('bid', 99.99, 500),
    depth('bid', 99.98, 400),
    depth('bid', 99.97, 1),
    depth('bid', 99.96, 1),
    depth('bid', 99.95, 100_000), // sixth bid level: beyond the default depth of 5, not counted
    { kind: 'trade', symbol, timestamp: at(0), price: 100.01, size: 1 },
    // The next second's trade closes the first 1 s bar, when the detectors run.
    { kind: 'trade', symbol, timestamp: at(1), price: 100.01, size: 1 },
  ];
  await new StreamPublisher(redis, { prefix }).publishMany('ticks', ticks);
  const ofSymbol = async () => (await redis.xrange(`${prefix}signals`, '-', '+')).map(([, f]) => JSON.parse(f[1]!)).filter((s) => s.symbol === symbol);
  await waitFor(async () => (await ofSymbol()).length > 0, 10_000, `a ${symbol} signal`);
  await signalsCaughtUp(); // every tick handled: no other signal is coming
  const signals = await ofSymbol();
  expect(signals.map((s) => [s.detector, s.reason])).toEqual([['book_imbalance', 'book imbalance 0.98 (bid size 912, ask size 10)']]);
  expect(signals[0].score).toBeCloseTo(902 / 922, 12);
  expect(signals[0].id).toBe(`${symbol}:book_imbalance:${Date.parse(at(0))}`);
});
