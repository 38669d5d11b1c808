// The sentiment service on real Redis and PostgreSQL with the shipped model running for real (in its
// worker thread): ingestion with labels and model ids, typed errors with nothing stored, duplicates,
// tagging, the recency/confidence-weighted aggregate checked by hand, the Redis cache (hit, then
// invalidated by news), REST /api/sentiment and POST /api/news, and sentimentChanged through the gateway.
// Other tests share the database: this file writes news in a random hour of a year no other test uses
// and pins `asOf` there, so its aggregates only ever see its own rows.
import { randomBytes, randomInt } from 'node:crypto';
import Redis from 'ioredis';
import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import { WebSocket } from 'ws';
import { createPrismaClient } from '@aitrader/prisma';
import { DATABASE_URL, REDIS_URL, authConnectionParams, gql, signedHeaders, uniquePrefix, waitFor } from '../support/env';
import { startStack, type Stack } from '../support/stack';

const prefix = uniquePrefix('sentiment');
const run = randomBytes(3).toString('hex');
const prisma = createPrismaClient(DATABASE_URL);
const redis = new Redis(REDIS_URL);
// A random whole second in 2003-2018: no other test writes news there, and runs rarely share an hour.
const base = new Date(Date.UTC(2003 + randomInt(16), randomInt(12), 1 + randomInt(28), randomInt(24), randomInt(60), randomInt(60)));
const at = (minutesBefore: number) => new Date(base.getTime() - minutesBefore * 60_000).toISOString();
const HOUR = 3_600_000;

let stack: Stack;
let sentimentUrl: string;
let modelId: string;
const clients: Client[] = [];

const ITEM_FIELDS = 'id headline symbols publishedAt contentHash scores { symbol label score confidence model scoredAt instrument { symbol } }';
const INGEST = `mutation($items: [NewsItemInput!]!) { ingestNews(items: $items) { ingested duplicates items { ${ITEM_FIELDS} } duplicateOf { id } errors { code message field index } } }`;
const SENTIMENT = 'query($s: String!, $w: SentimentWindow, $at: DateTime) { sentiment(symbol: $s, window: $w, asOf: $at) { id symbol window score count weight asOf models cached } }';

const news = (headline: string, minutesBefore: number, extra: Record<string, unknown> = {}) => ({
  headline: `${headline} (ref ${run})`,
  body: 'Details follow.',
  source: 'Integration Wire',
  symbols: ['MSFT'],
  publishedAt: at(minutesBefore),
  ...extra,
});

async function ingest(items: unknown[], url = stack.gateway.url) {
  const res = await gql(url, INGEST, { items });
  expect(res.errors).toBeUndefined();
  return res.data!.ingestNews;
}

async function sentiment(symbol: string, window: string, asOf: string | null = base.toISOString()) {
  const res = await gql(stack.gateway.url, SENTIMENT, { s: symbol, w: window, at: asOf });
  expect(res.errors).toBeUndefined();
  return res.data!.sentiment;
}

/** The aggregation formula written out (domain/aggregate.ts): Σ 2^(−age/halfLife)·confidence·polarity / Σ 2^(−age/halfLife)·confidence. */
function handComputed(rows: { score: number; confidence: number; publishedAt: Date }[], asOf: Date, windowMs: number) {
  const halfLife = windowMs / 2;
  let num = 0;
  let den = 0;
  for (const r of rows) {
    const age = asOf.getTime() - r.publishedAt.getTime();
    if (age < 0 || age > windowMs) continue;
    const w = Math.pow(2, -age / halfLife) * r.confidence;
    num += w * r.score;
    den += w;
  }
  return den > 0 ? num / den : 0;
}

const storedScores = (symbol: string) =>
  prisma.sentimentScore.findMany({ where: { symbol, newsItem: { headline: { endsWith: `(ref ${run})` } } }, include: { newsItem: true } });

beforeAll(async () => {
  stack = await startStack({ REDIS_PREFIX: prefix });
  sentimentUrl = stack.services.get('sentiment')!.url;
  const model = await gql(sentimentUrl, '{ sentimentModel { id mode state } }');
  expect(model.data?.sentimentModel).toMatchObject({ id: expect.stringMatching(/^finance-sentiment@|^finbert$/), mode: 'worker', state: 'ready' });
  modelId = model.data!.sentimentModel.id;
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await stack?.close();
  await prisma.$disconnect();
  await redis.quit();
});

test('health names the loaded model', async () => {
  const body = (await (await fetch(`${sentimentUrl}/health`)).json()) as { status: string; dependencies: Record<string, Record<string, unknown>> };
  expect(body.status).toBe('ok');
  expect(body.dependencies['sentiment-model']).toMatchObject({ status: 'ok', model: modelId, mode: 'worker', state: 'ready' });
});

test('clearly positive, negative and neutral headlines are stored with the right labels and the model id', async () => {
  const result = await ingest([
    news('Microsoft beats earnings estimates and raises full-year guidance', 50),
    news('Microsoft shares plunge after profit warning and job cuts', 30),
    news('Microsoft to report quarterly results on Tuesday', 10),
  ]);
  expect(result).toMatchObject({ ingested: 3, duplicates: 0, errors: [], duplicateOf: [] });
  expect(result.items.map((i: { scores: { label: string }[] }) => i.scores.map((s) => s.label))).toEqual([['POSITIVE'], ['NEGATIVE'], ['NEUTRAL']]);
  for (const item of result.items) {
    expect(item.symbols).toEqual(['MSFT']);
    expect(item.scores[0]).toMatchObject({ symbol: 'MSFT', model: modelId, instrument: { symbol: 'MSFT' } });
    expect(item.scores[0].confidence).toBeGreaterThan(0.6);
  }
  expect(result.items[0].scores[0].score).toBeGreaterThan(0.5);
  expect(result.items[1].scores[0].score).toBeLessThan(-0.5);
  expect(Math.abs(result.items[2].scores[0].score)).toBeLessThan(0.3);

  const rows = await storedScores('MSFT');
  expect(rows).toHaveLength(3);
  for (const r of rows) expect(r.model).toBe(modelId);
});

test('the aggregate equals the hand-computed weighted mean, is cached on the second read, and news invalidates it', async () => {
  const rows = (await storedScores('MSFT')).map((r) => ({ score: r.score, confidence: r.confidence, publishedAt: r.newsItem.publishedAt }));
  const expected = handComputed(rows, base, HOUR);

  const first = await sentiment('MSFT', 'H1');
  expect(first).toMatchObject({ symbol: 'MSFT', window: 'H1', count: 3, asOf: base.toISOString(), models: [modelId], cached: false });
  expect(first.score).toBeCloseTo(expected, 12);

  const second = await sentiment('MSFT', 'H1');
  expect(second).toMatchObject({ cached: true, count: 3, asOf: base.toISOString() });
  expect(second.score).toBe(first.score);

  // The 15-minute window only holds the item 10 minutes old (neutral).
  const quarter = await sentiment('MSFT', 'M15');
  expect(quarter.count).toBe(1);
  expect(quarter.score).toBeCloseTo(handComputed(rows, base, HOUR / 4), 12);

  const added = await ingest([news('Microsoft slumps as regulators open antitrust probe and lawsuit', 5)]);
  expect(added.ingested).toBe(1);
  expect(added.items[0].scores[0].label).toBe('NEGATIVE');

  const third = await sentiment('MSFT', 'H1');
  expect(third).toMatchObject({ cached: false, count: 4 });
  expect(third.score).toBeLessThan(first.score);
  const after = (await storedScores('MSFT')).map((r) => ({ score: r.score, confidence: r.confidence, publishedAt: r.newsItem.publishedAt }));
  expect(third.score).toBeCloseTo(handComputed(after, base, HOUR), 12);
  expect((await sentiment('MSFT', 'H1')).cached).toBe(true);
  expect((await sentiment('MSFT', 'M15')).cached).toBe(false);

  // The entries live under this deployment's prefix.
  expect(await redis.exists(`${prefix}sentiment:v1:MSFT:1h:at`)).toBe(1);

  // sentimentById gives back the aggregate for the same (symbol, window, asOf).
  const byId = await gql(stack.gateway.url, 'query($id: ID!) { sentimentById(id: $id) { symbol window score count asOf } }', { id: third.id });
  expect(byId.data?.sentimentById).toEqual({ symbol: 'MSFT', window: 'H1', score: third.score, count: 4, asOf: base.toISOString() });
});

test('REST /api/sentiment returns the same score, and 400s for an unknown window or symbol', async () => {
  const asOf = base.toISOString();
  const gqlScore = (await sentiment('MSFT', 'H1')).score;
  const res = await fetch(`${sentimentUrl}/api/sentiment?symbol=msft&window=1h&as_of=${encodeURIComponent(asOf)}`, { headers: signedHeaders() });
  expect(res.status).toBe(200);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ sentiment_score: gqlScore, symbol: 'MSFT', window: '1h', count: 4, model: modelId, models: [modelId], cached: true, as_of: asOf });

  const day = (await (await fetch(`${sentimentUrl}/api/sentiment?symbol=MSFT&window=1d&as_of=${encodeURIComponent(asOf)}`, { headers: signedHeaders() })).json()) as Record<string, unknown>;
  expect(day).toMatchObject({ window: '1d', count: 4 });

  for (const [query, code, field] of [
    ['symbol=MSFT&window=2h', 'UNKNOWN_WINDOW', 'window'],
    ['symbol=MSFT&window=', 'UNKNOWN_WINDOW', 'window'],
    ['symbol=NOPE&window=1h', 'UNKNOWN_SYMBOL', 'symbol'],
    ['window=1h', 'UNKNOWN_SYMBOL', 'symbol'],
    ['symbol=MSFT&as_of=yesterday', 'INVALID_TIMESTAMP', 'as_of'],
  ] as const) {
    const bad = await fetch(`${sentimentUrl}/api/sentiment?${query}`, { headers: signedHeaders() });
    expect([query, bad.status]).toEqual([query, 400]);
    expect(await bad.json()).toEqual({ error: { code, message: expect.any(String), field } });
  }
});

test('bad input gives typed errors and stores nothing', async () => {
  const before = await prisma.newsItem.count({ where: { headline: { endsWith: `(ref ${run})` } } });
  const result = await ingest([
    news('A perfectly fine headline', 20, { symbols: ['AAPL'] }),
    news('', 20, { headline: '   ' }),
    news('Huge body', 20, { body: 'x'.repeat(20_001) }),
    news('Unknown ticker', 20, { symbols: ['ZZZZ'] }),
    news('Bad time', 20, { publishedAt: 'last tuesday' }),
    news('Future time', 20, { publishedAt: new Date(Date.now() + 86_400_000).toISOString() }),
  ]);
  expect(result).toMatchObject({ ingested: 0, duplicates: 0, items: [] });
  expect(result.errors).toEqual([
    { code: 'EMPTY_TEXT', message: expect.any(String), field: 'headline', index: 1 },
    { code: 'TEXT_TOO_LONG', message: expect.any(String), field: 'body', index: 2 },
    { code: 'UNKNOWN_SYMBOL', message: expect.any(String), field: 'symbols', index: 3 },
    { code: 'INVALID_TIMESTAMP', message: expect.any(String), field: 'published_at', index: 4 },
    { code: 'INVALID_TIMESTAMP', message: expect.any(String), field: 'published_at', index: 5 },
  ]);
  expect(await prisma.newsItem.count({ where: { headline: { endsWith: `(ref ${run})` } } })).toBe(before);

  const unknownSymbol = await gql(stack.gateway.url, '{ sentiment(symbol: "NOPE") { score } }');
  expect(unknownSymbol.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_SYMBOL', field: 'symbol' });
  const unknownWindow = await gql(stack.gateway.url, SENTIMENT, { s: 'MSFT', w: 'H2' });
  expect(unknownWindow.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const unknownNews = await gql(stack.gateway.url, '{ news(symbol: "NOPE") { edges { cursor } } }');
  expect(unknownNews.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_SYMBOL', field: 'symbol' });
  const badId = await gql(stack.gateway.url, '{ sentimentById(id: "bm9wZQ") { score } }');
  expect(badId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

  const rest = await fetch(`${sentimentUrl}/api/news`, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders() }, body: JSON.stringify({ items: [news('', 1, { headline: '' })] }) });
  expect(rest.status).toBe(400);
  expect(await rest.json()).toMatchObject({ error: { code: 'EMPTY_TEXT', field: 'headline' }, errors: [{ code: 'EMPTY_TEXT', index: 0 }] });
});

test('a story already stored is ignored and reported as a duplicate', async () => {
  const original = news('Microsoft beats earnings estimates and raises full-year guidance', 50);
  const stored = await prisma.newsItem.findFirstOrThrow({ where: { headline: original.headline } });
  const cachedBefore = await sentiment('MSFT', 'H1');
  expect(cachedBefore.cached).toBe(true);

  // Same source, headline and instant (a different body, spacing and case still count as the same story), twice in one batch.
  const copy = { ...original, body: 'An edited body.', headline: `  ${original.headline.toUpperCase()} ` };
  const result = await ingest([copy, original, news('Microsoft names a new finance chief', 40)]);
  expect(result).toMatchObject({ ingested: 1, duplicates: 2, errors: [] });
  expect(result.duplicateOf.map((d: { id: string }) => d.id)).toEqual([stored.id]);
  expect(await prisma.sentimentScore.count({ where: { newsItemId: stored.id } })).toBe(1);

  const rest = await fetch(`${sentimentUrl}/api/news`, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders() }, body: JSON.stringify([{ ...original, published_at: original.publishedAt, publishedAt: undefined }]) });
  expect(rest.status).toBe(200);
  expect(await rest.json()).toMatchObject({ ingested: 0, duplicates: 1, duplicate_of: [{ id: stored.id }] });
});

test('news without symbols is tagged from its text, and news(symbol) pages newest first', async () => {
  const result = await ingest([news('Nvidia wins a major supercomputer contract and shares surge', 15, { symbols: undefined }), news('Quiet session for most markets', 14, { symbols: [] })], sentimentUrl);
  expect(result.ingested).toBe(2);
  expect(result.items[0]).toMatchObject({ symbols: ['NVDA'], scores: [{ symbol: 'NVDA', label: 'POSITIVE', model: modelId }] });
  expect(result.items[1]).toMatchObject({ symbols: [], scores: [] });

  const nvda = await sentiment('NVDA', 'H1');
  expect(nvda.count).toBe(1);
  expect(nvda.score).toBeCloseTo(result.items[0].scores[0].score, 12);

  const PAGE = 'query($after: String) { news(symbol: "MSFT", first: 2, after: $after) { edges { cursor node { id publishedAt symbols } } pageInfo { hasNextPage endCursor } } }';
  const one = (await gql(stack.gateway.url, PAGE)).data!.news;
  const two = (await gql(stack.gateway.url, PAGE, { after: one.pageInfo.endCursor })).data!.news;
  expect(one.edges).toHaveLength(2);
  expect(one.pageInfo.hasNextPage).toBe(true);
  const all = [...one.edges, ...two.edges].map((e: { node: { id: string; publishedAt: string; symbols: string[] } }) => e.node);
  expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
  for (const n of all) expect(n.symbols).toContain('MSFT');
  const times = all.map((n) => Date.parse(n.publishedAt));
  expect([...times].sort((a, b) => b - a)).toEqual(times);

  const instrument = await gql(stack.gateway.url, `{ instrument(symbol: "NVDA") { name sentiment(window: D1) { symbol window } news(first: 1) { symbols } } }`);
  expect(instrument.errors).toBeUndefined();
  expect(instrument.data?.instrument).toMatchObject({ name: expect.any(String), sentiment: { symbol: 'NVDA', window: 'D1' }, news: [{ symbols: expect.arrayContaining(['NVDA']) }] });
});

test('sentimentChanged reaches a gateway client after news for the symbol is scored, with the instrument resolved', async () => {
  const client = createClient({ url: `${stack.gateway.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: authConnectionParams });
  clients.push(client);
  const events: ExecutionResult<Record<string, any>>[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  client.subscribe(
    { query: 'subscription { sentimentChanged(symbol: "AMZN") { id symbol window count asOf models instrument { symbol name } } }' },
    { next: (e) => void events.push(e as never), error: (e) => void events.push({ errors: [{ message: String(e) }] } as never), complete: () => undefined },
  );
  // The subscription opens asynchronously (client → gateway → subgraph): probe until it delivers.
  const probe = { symbol: 'AMZN', window: '1h', score: 0, count: 0, weightTotal: 0, asOf: new Date().toISOString(), models: [], cached: false, pinned: false };
  await waitFor(async () => {
    await redis.publish(`${prefix}sentiment:updates`, JSON.stringify(probe));
    await new Promise((r) => setTimeout(r, 100));
    return events.length > 0;
  }, 15_000, 'sentimentChanged subscription');
  const seen = events.length;
  const started = Date.now();

  const result = await ingest([news('Amazon raises quarterly guidance on strong holiday bookings', 3, { symbols: ['AMZN'] })]);
  expect(result.ingested).toBe(1);
  await waitFor(() => events.slice(seen).some((e) => Date.parse(e.data?.sentimentChanged?.asOf) >= started - 1000), 10_000, 'sentimentChanged event');
  const event = events.slice(seen).find((e) => Date.parse(e.data?.sentimentChanged?.asOf) >= started - 1000)!;
  expect(event.errors).toBeUndefined();
  expect(event.data?.sentimentChanged).toMatchObject({ symbol: 'AMZN', window: 'H1', instrument: { symbol: 'AMZN', name: expect.any(String) } });
});
