// The seed's end-to-end test verbatim, with every service running: after
//   redis-cli PUBLISH signals '{"symbol": "AAPL", "score": 0.75, "timestamp": "2025-09-27T10:00:00Z"}'
// a decision is logged and `SELECT * FROM executions WHERE symbol='AAPL' ORDER BY created_at DESC LIMIT 5;`
// shows the execution. The seed's signal alone scores exactly its 0.4 threshold (0.4 × 0.75 + 0.1 × RSI
// filter), so the test first gives AAPL recent positive news: the sentiment factor, from the sentiment
// service, tips it into a BUY. The stack runs without a Redis prefix so the channel is the seed's own
// `signals` (no other test stack uses an empty prefix).
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { signalIdOf } from '@aitrader/platform';
import { DATABASE_URL, REDIS_URL, gql, signedHeaders, waitFor } from '../support/env';
import { startStack, type Stack } from '../support/stack';

const redis = new Redis(REDIS_URL);
const accountId = `verbatim-${randomBytes(3).toString('hex')}`;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ REDIS_PREFIX: '', DEFAULT_ACCOUNT_ID: accountId });
  const quote = { type: 'quote', timestamp: '2025-09-27T09:59:59Z', symbol: 'AAPL', bid: 255.0, ask: 255.02, bid_size: 300, ask_size: 500 };
  const r = await gql(stack.gateway.url, 'mutation($c: String!) { startReplay(input: { source: INLINE, format: NDJSON, content: $c, asFastAsPossible: true }) { error { code } } }', { c: JSON.stringify(quote) });
  expect(r.data?.startReplay.error).toBeNull();
  await waitFor(async () => (await gql(stack.gateway.url, '{ quote(symbol: "AAPL") { ask } }')).data?.quote?.ask === 255.02, 10_000, 'AAPL quote');
  const now = Date.now();
  const news = ['beats earnings estimates and raises full-year guidance', 'shares surge to a record high after strong iPhone demand', 'announces a $110 billion buyback and raises its dividend']
    .map((text, i) => ({ headline: `Apple ${text} (${accountId})`, source: 'seed-verbatim', symbols: ['AAPL'], publishedAt: new Date(now - (i + 1) * 60_000).toISOString() }));
  const ingested = await gql(stack.gateway.url, 'mutation($items: [NewsItemInput!]!) { ingestNews(items: $items) { ingested errors { code message } } }', { items: news });
  expect(ingested.data?.ingestNews).toEqual({ ingested: 3, errors: [] });
  await waitFor(async () => {
    const res = await fetch(`${stack.config.SENTIMENT_URL}/api/sentiment?symbol=AAPL&window=1h`, { headers: signedHeaders() });
    return ((await res.json()) as { sentiment_score: number }).sentiment_score > 0.2;
  }, 20_000, 'AAPL sentiment');
});
afterAll(async () => {
  await stack?.close();
  await redis.quit();
});

test("the seed's end-to-end test: PUBLISH → a decision is logged → the execution is in `executions`", async () => {
  const since = new Date().toISOString();
  await redis.publish('signals', '{"symbol": "AAPL", "score": 0.75, "timestamp": "2025-09-27T10:00:00Z"}');

  // Only this signal's decisions: other tests decide on AAPL in the same database.
  const id = signalIdOf({ symbol: 'AAPL', score: 0.75, timestamp: '2025-09-27T10:00:00Z' });
  const decisions = async () =>
    ((await gql(stack.gateway.url, 'query($since: DateTime) { decisions(symbol: "AAPL", since: $since, first: 50) { action quantity factors clientOrderId signalId } }', { since })).data?.decisions ?? [])
      .filter((d: { signalId: string | null }) => d.signalId === id);
  await waitFor(async () => (await decisions()).length === 1, 15_000, 'decision');
  const [decision] = await decisions();
  expect(decision.action).toBe('BUY');
  const factors = JSON.parse(decision.factors);
  expect(factors.sources.sentiment).toBe('service');
  expect(factors.sentiment).toBeGreaterThan(0.2);

  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  try {
    const mine = async () => (await pg.query("SELECT * FROM executions WHERE symbol='AAPL' ORDER BY created_at DESC LIMIT 5;")).rows.filter((row) => row.account_id === accountId);
    await waitFor(async () => (await mine()).length > 0, 15_000, 'execution row');
    const [row] = await mine();
    expect(row).toMatchObject({ side: 'BUY', strategy: 'enhanced_ml_sentiment' });
    expect([Number(row.quantity), Number(row.price)]).toEqual([decision.quantity, 255.02]);
  } finally {
    await pg.end();
  }
});
