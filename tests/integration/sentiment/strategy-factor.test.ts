// The strategy engine's sentiment factor comes from this service: the strategy's own HTTP client
// (subgraphs/strategy/src/clients.ts, the seed's `GET /api/sentiment?symbol=…&window=1h`) reads the same
// score as the API, from live news just scored by the shipped model, and a decision on a signal records
// that score as its sentiment factor. META is used because no other test writes news for it at the
// present time; the strategy runs under its own name so other tests' strategy settings cannot interfere.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { httpClients } from '../../../subgraphs/strategy/src/storage/service-clients';
import { REDIS_URL, gql, signedHeaders, uniquePrefix, waitFor } from '../support/env';
import { startStack, type Stack } from '../support/stack';

const prefix = uniquePrefix('sentiment-strategy');
const run = randomBytes(3).toString('hex');
let stack: Stack;
let apiScore: number;
const redis = new Redis(REDIS_URL);

beforeAll(async () => {
  stack = await startStack({ REDIS_PREFIX: prefix, STRATEGY_NAME: `sentiment-factor-${run}` });
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await redis.quit();
});

test('the strategy client gets the same score as the API for live news', async () => {
  const now = Date.now();
  const items = [
    { headline: `Meta beats revenue estimates as advertising sales surge (ref ${run})`, source: 'Strategy Test', symbols: ['META'], publishedAt: new Date(now - 120_000).toISOString() },
    { headline: `Meta shares climb after analysts raise price targets (ref ${run})`, source: 'Strategy Test', symbols: ['META'], publishedAt: new Date(now - 60_000).toISOString() },
  ];
  const ingested = await gql(stack.gateway.url, 'mutation($items: [NewsItemInput!]!) { ingestNews(items: $items) { ingested errors { code } } }', { items });
  expect(ingested.data?.ingestNews).toEqual({ ingested: 2, errors: [] });

  const res = await fetch(`${stack.config.SENTIMENT_URL}/api/sentiment?symbol=META&window=1h`, { headers: signedHeaders() });
  const api = (await res.json()) as { sentiment_score: number; count: number; cached: boolean };
  expect(api.count).toBeGreaterThanOrEqual(2);
  expect(api.sentiment_score).toBeGreaterThan(0.3);

  const clients = httpClients({ signals: 'http://127.0.0.1:9', onnx: 'http://127.0.0.1:9', sentiment: stack.config.SENTIMENT_URL, mcp: 'http://127.0.0.1:9/mcp' }, signedHeaders);
  const fromStrategy = await clients.sentiment('META', 2000);
  expect(fromStrategy).toBe(api.sentiment_score);

  const graphql = await gql(stack.gateway.url, '{ sentiment(symbol: "META") { score cached } }');
  expect(graphql.data?.sentiment).toEqual({ score: api.sentiment_score, cached: true });
  apiScore = api.sentiment_score;
});

test('a strategy decision on a META signal records the service’s score as its sentiment factor', async () => {
  const since = new Date().toISOString();
  await redis.publish(`${prefix}signals`, JSON.stringify({ symbol: 'META', score: 0.8, timestamp: new Date().toISOString() }));
  const decisions = async () => (await gql(stack.gateway.url, 'query($since: DateTime) { decisions(symbol: "META", since: $since, first: 5) { factors } }', { since })).data?.decisions ?? [];
  await waitFor(async () => (await decisions()).length > 0, 15_000, 'decision');
  const [decision] = await decisions();
  const factors = JSON.parse(decision.factors) as { sentiment: number; sources?: Record<string, unknown> };
  expect(factors.sentiment).toBe(apiScore);
});
