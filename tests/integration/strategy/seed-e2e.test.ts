// The seed's end-to-end flow against the running stack (real Redis and PostgreSQL), with a quote for
// AAPL: `PUBLISH signals '{...}'` → strategy decision (logged and stored with its factors) → order on
// `orders` → execution engine → fill → the seed's `executions` table and the account. Here inference and
// sentiment are stopped (their URLs point nowhere), so decisions are on technicals only and say so;
// seed-verbatim.test.ts runs the seed's test with every service up.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { signalIdOf } from '@aitrader/platform';
import { DATABASE_URL, REDIS_URL, gql, uniquePrefix, waitFor } from '../support/env';
import { startStack, type Stack } from '../support/stack';

const prefix = uniquePrefix('seed-e2e');
const redis = new Redis(REDIS_URL);
const accountId = `seed-${randomBytes(3).toString('hex')}`;
let stack: Stack;

beforeAll(async () => {
  const down = 'http://127.0.0.1:9'; // nothing listens on the discard port
  stack = await startStack({ REDIS_PREFIX: prefix, DEFAULT_ACCOUNT_ID: accountId, ONNX_URL: down, SENTIMENT_URL: down });
  const ticks = [
    { type: 'quote', timestamp: '2025-09-27T09:59:59Z', symbol: 'AAPL', bid: 255.0, ask: 255.02, bid_size: 300, ask_size: 500 },
  ];
  const r = await gql(stack.gateway.url, 'mutation($c: String!) { startReplay(input: { source: INLINE, format: NDJSON, content: $c, asFastAsPossible: true }) { error { code } } }', { c: ticks.map((t) => JSON.stringify(t)).join('\n') });
  expect(r.data?.startReplay.error).toBeNull();
  await waitFor(async () => (await gql(stack.gateway.url, '{ quote(symbol: "AAPL") { ask } }')).data?.quote?.ask === 255.02, 10_000, 'AAPL quote');
});
afterAll(async () => {
  await stack?.close();
  await redis.quit();
});

const since = new Date().toISOString(); // the test database is shared with earlier runs
// The seed's message shape, at times of its own: seed-verbatim.test.ts (maybe running at the same time,
// on the same database) publishes the seed's exact signal, and only this test's decisions count here.
const SIGNALS = [
  { symbol: 'AAPL', score: 0.75, timestamp: '2025-09-29T10:00:00Z' },
  { symbol: 'AAPL', score: 0.95, timestamp: '2025-09-29T10:00:05Z' },
];
const mine = new Set(SIGNALS.map((s) => signalIdOf(s)));
const decisions = async () =>
  ((await gql(stack.gateway.url, 'query($since: DateTime) { decisions(symbol: "AAPL", since: $since, first: 50) { action quantity reason factors riskRejected riskReason clientOrderId signalId } }', { since })).data?.decisions ?? [])
    .filter((d: { signalId: string | null }) => d.signalId !== null && mine.has(d.signalId));

test("with inference and sentiment stopped, the seed's PUBLISH is decided on technicals only", async () => {
  await redis.publish(`${prefix}signals`, JSON.stringify(SIGNALS[0]));
  await waitFor(async () => (await decisions()).length === 1, 15_000, 'decision');
  const [decision] = await decisions();
  // 0.4 × 0.75 + 0.3 × 0 (no forecast) + 0.2 × 0 (no sentiment) + 0.1 × 1 (RSI unknown → 50 < 70) = 0.4,
  // not above the 0.4 threshold — exactly as the seed's Python computes it — so no order.
  expect(decision).toMatchObject({ action: 'HOLD', quantity: 0, riskRejected: false, clientOrderId: null });
  expect(JSON.parse(decision.factors).sources).toEqual({ forecast: 'unavailable', sentiment: 'unavailable', indicators: 'unavailable' });
  expect(decision.reason).toMatch(/technicals only/);
});

test('a stronger signal on the channel becomes an order, a fill and a row in `executions`', async () => {
  const payload = JSON.stringify(SIGNALS[1]);
  await redis.publish(`${prefix}signals`, payload);
  await waitFor(async () => (await decisions()).length === 2, 15_000, 'decision');
  const [decision] = await decisions();
  // 0.4 × 0.95 + 0.1 = 0.48 > 0.4 → BUY int(100 × 1/1.1 × 0.48/2) = 21
  expect(decision).toMatchObject({ action: 'BUY', quantity: 21, riskRejected: false });
  expect(decision.clientOrderId).toMatch(/^strat-/);

  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  try {
    const mine = async () => (await pg.query("SELECT * FROM executions WHERE symbol='AAPL' ORDER BY created_at DESC LIMIT 5;")).rows.filter((row) => row.account_id === accountId);
    await waitFor(async () => (await mine()).length > 0, 15_000, 'execution row');
    const rows = await mine();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ side: 'BUY', strategy: 'enhanced_ml_sentiment' });
    expect([Number(rows[0].quantity), Number(rows[0].price)]).toEqual([21, 255.02]);
  } finally {
    await pg.end();
  }
  await waitFor(async () => (await gql(stack.gateway.url, `{ account(id: "${accountId}") { positions { quantity } } }`)).data?.account.positions[0]?.quantity === 21, 10_000, 'position');

  // The same signal again (a redelivery) is not decided twice.
  await redis.publish(`${prefix}signals`, payload);
  await new Promise((r) => setTimeout(r, 300));
  expect(await decisions()).toHaveLength(2);
});
