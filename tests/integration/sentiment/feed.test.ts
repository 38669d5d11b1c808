// The NDJSON news feed replayer on real Redis and PostgreSQL with the shipped model: the bundled sample
// file loads (and a second replay only finds duplicates), bad lines are reported by number while the
// rest loads, paths cannot leave the feed directory, rebaseTo moves a feed in time, and NEWS_FEED_FILE
// replays a file when the service starts.
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, startService } from '@aitrader/platform';
import { createPrismaClient } from '@aitrader/prisma';
import { definition as sentimentDefinition } from '@aitrader/subgraph-sentiment';
import { DATABASE_URL, gql, testConfig, uniquePrefix, waitFor } from '../support/env';
import { startStack, type Stack } from '../support/stack';

const prefix = uniquePrefix('sentiment-feed');
const run = randomBytes(3).toString('hex');
const prisma = createPrismaClient(DATABASE_URL);
// A random day in 1990-2001 for this file's own lines (no other test writes news there).
const day = new Date(Date.UTC(1990 + randomInt(12), randomInt(12), 1 + randomInt(28), 12));
let stack: Stack;
let scratch: string;

const REPLAY = `mutation($input: ReplayNewsFeedInput!) { replayNewsFeed(input: $input) { lines ingested duplicates rejected { line reason errors { code field } } error { code message field } } }`;
const replay = async (input: Record<string, unknown>) => {
  const res = await gql(stack.gateway.url, REPLAY, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.replayNewsFeed;
};
const line = (headline: string, minutes: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ headline: `${headline} (ref ${run})`, source: 'Feed Test', symbols: ['TSLA'], published_at: new Date(day.getTime() + minutes * 60_000).toISOString(), ...extra });

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'news-feed-'));
  stack = await startStack({ REDIS_PREFIX: prefix });
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await prisma.$disconnect();
  rmSync(scratch, { recursive: true, force: true });
});

test('the bundled sample feed loads: 40 stories, scored; replaying it again only finds duplicates', async () => {
  const first = await replay({ path: 'sample-news.ndjson' });
  expect(first).toMatchObject({ lines: 40, rejected: [], error: null });
  expect(first.ingested + first.duplicates).toBe(40);
  const again = await replay({ path: 'sample-news.ndjson' });
  expect(again).toMatchObject({ lines: 40, ingested: 0, duplicates: 40, rejected: [], error: null });

  const apple = await prisma.newsItem.findFirstOrThrow({ where: { headline: 'Apple beats quarterly earnings estimates as iPhone revenue climbs', source: 'Sample Wire' }, include: { sentimentScores: true } });
  expect(apple.sentimentScores).toMatchObject([{ symbol: 'AAPL', label: 'POSITIVE' }]);
  // A line without symbols is tagged from its text.
  const nvidia = await prisma.newsItem.findFirstOrThrow({ where: { headline: 'Nvidia raises full-year revenue outlook on record data center demand' } });
  expect(nvidia.symbols).toEqual(['NVDA']);

  const res = await gql(stack.gateway.url, '{ sentiment(symbol: "AAPL", window: D1, asOf: "2025-09-26T14:00:00Z") { count score models } }');
  expect(res.data?.sentiment.count).toBeGreaterThanOrEqual(5);
});

test('bad lines are rejected with their line numbers and the rest loads', async () => {
  const content = [
    line('Tesla beats delivery estimates and raises guidance', 0),
    '{"headline": "not json"',
    line('', 1, { headline: '  ' }),
    line('Unknown ticker story', 2, { symbols: ['XXXX'] }),
    '',
    line('Tesla shares plunge after recall', 3),
    line('No time', 4, { published_at: 'soon' }),
  ].join('\n');
  const result = await replay({ content });
  expect(result).toMatchObject({ lines: 6, ingested: 2, duplicates: 0, error: null });
  expect(result.rejected).toEqual([
    { line: 2, reason: expect.stringMatching(/invalid JSON/), errors: [{ code: 'INVALID_ITEM', field: null }] },
    { line: 3, reason: expect.any(String), errors: [{ code: 'EMPTY_TEXT', field: 'headline' }] },
    { line: 4, reason: expect.any(String), errors: [{ code: 'UNKNOWN_SYMBOL', field: 'symbols' }] },
    { line: 7, reason: expect.any(String), errors: [{ code: 'INVALID_TIMESTAMP', field: 'published_at' }] },
  ]);
  const stored = await prisma.newsItem.findMany({ where: { headline: { endsWith: `(ref ${run})` } }, include: { sentimentScores: true }, orderBy: { publishedAt: 'asc' } });
  expect(stored.map((s) => s.sentimentScores.map((x) => x.label))).toEqual([['POSITIVE'], ['NEGATIVE']]);
});

test('a path must name a file inside the feed directory; exactly one of path and content', async () => {
  expect((await replay({ path: '../../../package.json' })).error).toMatchObject({ code: 'INVALID_FEED', field: 'path' });
  expect((await replay({ path: 'no-such-feed.ndjson' })).error).toMatchObject({ code: 'FEED_NOT_FOUND' });
  expect((await replay({ path: 'sample-news.ndjson', content: line('x', 0) })).error).toMatchObject({ code: 'INVALID_FEED' });
  expect((await replay({})).error).toMatchObject({ code: 'INVALID_FEED' });
});

test('rebaseTo shifts the feed so its newest item is published at that instant', async () => {
  const target = new Date(day.getTime() + 7 * 86_400_000);
  const result = await replay({ content: [line('Tesla rebased story one', 10), line('Tesla rebased story two', 70)].join('\n'), rebaseTo: target.toISOString() });
  expect(result).toMatchObject({ ingested: 2, error: null });
  const rows = await prisma.newsItem.findMany({ where: { headline: { startsWith: 'Tesla rebased story' }, source: 'Feed Test', publishedAt: { lte: target, gte: new Date(target.getTime() - 3_600_000) } }, orderBy: { publishedAt: 'asc' } });
  expect(rows.filter((r) => r.headline.endsWith(`(ref ${run})`)).map((r) => r.publishedAt.toISOString())).toEqual([new Date(target.getTime() - 3_600_000).toISOString(), target.toISOString()]);
});

test('NEWS_FEED_FILE is replayed when the service starts', async () => {
  const file = join(scratch, 'startup.ndjson');
  writeFileSync(file, `${line('Tesla wins approval for new factory', 200)}\n${line('Tesla cuts prices again', 201)}\n`);
  const config = testConfig({ REDIS_PREFIX: `${prefix}second:`, NEWS_FEED_FILE: file });
  const service = await startService(sentimentDefinition, { config, port: 0, logger: createLogger('sentiment-2', config) });
  try {
    const headlines = [`Tesla wins approval for new factory (ref ${run})`, `Tesla cuts prices again (ref ${run})`];
    await waitFor(async () => (await prisma.newsItem.count({ where: { headline: { in: headlines } } })) === 2, 15_000, 'start-up feed');
  } finally {
    await service.close();
  }
});
