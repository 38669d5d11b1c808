// The application layer with in-memory stand-ins for PostgreSQL, Redis and the model: a batch with any
// bad item stores nothing and never reaches the model; a busy model stores nothing; duplicates are
// reported; scores are stored as (polarity, top-class probability) with the model id; the injected
// clock is "now"; news invalidates the cache and announces every window of each symbol.
import { createSymbolTagger, decodeCachedSentiment, encodeCachedSentiment, type CachedSentiment, type SentimentWindow } from '../domain';
import { InferenceBusyError, type SentimentInference } from '../inference/inference';
import type { SentimentScore } from '../inference/protocol';
import { SentimentService, type SymbolSentimentModel } from './sentiment-service';
import type { InstrumentCatalog } from '../storage/instrument-catalog';
import type { ItemScore, NewsRow, NewsStore } from '../storage/news-store';
import type { SentimentCache } from '../storage/sentiment-cache';

const INSTRUMENTS = [
  { symbol: 'AAPL', name: 'Apple Inc.' },
  { symbol: 'MSFT', name: 'Microsoft Corporation' },
  { symbol: 'NVDA', name: 'NVIDIA Corporation' },
];
const NOW = new Date('2024-05-01T12:00:00Z');
const MODEL = 'test-model@1';

function memoryStore() {
  const rows: NewsRow[] = [];
  let n = 0;
  const store = {
    rows,
    async byHashes(hashes: readonly string[]) {
      return new Map(rows.filter((r) => hashes.includes(r.contentHash)).map((r) => [r.contentHash, r]));
    },
    async insert(items: ReadonlyArray<{ item: { headline: string; body: string; source: string; url?: string | undefined; symbols: string[]; publishedAt: Date; contentHash: string }; score: ItemScore | null }>) {
      const created: NewsRow[] = [];
      for (const { item, score } of items) {
        if (rows.some((r) => r.contentHash === item.contentHash)) continue;
        const id = `n${++n}`;
        const row: NewsRow = {
          id, headline: item.headline, body: item.body, source: item.source, url: item.url ?? null, symbols: item.symbols, publishedAt: item.publishedAt,
          ingestedAt: NOW, contentHash: item.contentHash,
          sentimentScores: score ? item.symbols.map((symbol, i) => ({ id: `${id}-${i}`, newsItemId: id, symbol, createdAt: NOW, ...score })) : [],
        };
        rows.push(row);
        created.push(row);
      }
      return created;
    },
    async scoresFor(symbol: string, from: Date, to: Date) {
      return rows
        .filter((r) => r.publishedAt >= from && r.publishedAt <= to)
        .flatMap((r) => r.sentimentScores.filter((s) => s.symbol === symbol).map((s) => ({ polarity: s.score, confidence: s.confidence, publishedAt: r.publishedAt, model: s.model })));
    },
  };
  return store;
}

function memoryCache() {
  const entries = new Map<string, string>();
  const generations = new Map<string, number>();
  const key = (symbol: string, window: SentimentWindow, at?: string) => `${symbol}:${window}:${at ?? 'live'}`;
  const cache = {
    entries,
    invalidated: [] as string[][],
    async lookup(symbol: string, window: SentimentWindow, now: Date, pinned?: Date) {
      return { value: decodeCachedSentiment(entries.get(key(symbol, window, pinned?.toISOString())), { symbol, window, now }), generation: String(generations.get(symbol) ?? 0) };
    },
    async store(value: CachedSentiment, generation: string, pinned: boolean) {
      if (String(generations.get(value.symbol) ?? 0) !== generation) return { written: false, existing: null };
      entries.set(key(value.symbol, value.window, pinned ? value.asOf : undefined), encodeCachedSentiment(value));
      return { written: true };
    },
    async invalidate(symbols: Iterable<string>) {
      const list = [...symbols];
      cache.invalidated.push(list);
      for (const s of list) {
        generations.set(s, (generations.get(s) ?? 0) + 1);
        for (const k of [...entries.keys()]) if (k.startsWith(`${s}:`)) entries.delete(k);
      }
    },
  };
  return cache;
}

/** A stand-in model: "beats"/"surge" positive, "plunge"/"cuts" negative, else neutral; probabilities fixed per label. */
function fakeInference() {
  const calls: string[][] = [];
  let busy = false;
  const probabilities = (text: string) =>
    /beats|surge/.test(text) ? { positive: 0.8, negative: 0.05, neutral: 0.15 } : /plunge|cuts/.test(text) ? { positive: 0.1, negative: 0.7, neutral: 0.2 } : { positive: 0.1, negative: 0.1, neutral: 0.8 };
  const inference = {
    calls,
    setBusy: (b: boolean) => void (busy = b),
    modelId: () => MODEL,
    async classify(texts: readonly string[]): Promise<SentimentScore[]> {
      if (busy) throw new InferenceBusyError('queue full');
      calls.push([...texts]);
      return texts.map((t) => {
        const p = probabilities(t);
        const label = (Object.keys(p) as (keyof typeof p)[]).reduce((a, b) => (p[a] >= p[b] ? a : b));
        return { label, score: p[label], probabilities: p };
      });
    },
  };
  return inference;
}

function setup() {
  const store = memoryStore();
  const cache = memoryCache();
  const inference = fakeInference();
  const published: SymbolSentimentModel[] = [];
  let now = NOW;
  const snapshot = { symbols: new Set(INSTRUMENTS.map((i) => i.symbol)), instruments: INSTRUMENTS, tagger: createSymbolTagger(INSTRUMENTS), loadedAt: 0 };
  const catalog = { get: async () => snapshot, covering: async () => snapshot };
  const service = new SentimentService({
    store: store as unknown as NewsStore,
    cache: cache as unknown as SentimentCache,
    catalog: catalog as unknown as InstrumentCatalog,
    inference: inference as unknown as SentimentInference,
    clock: () => now,
    feedDir: __dirname,
    logger: { warn: () => undefined, error: () => undefined, info: () => undefined } as never,
    publish: async (e) => void published.push(e),
  });
  return { service, store, cache, inference, published, setNow: (d: Date) => void (now = d) };
}

const item = (headline: string, minutesAgo: number, extra: Record<string, unknown> = {}) => ({
  headline, source: 'Wire', symbols: ['AAPL'], publishedAt: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(), ...extra,
});

test('a batch with a bad item stores nothing and never reaches the model', async () => {
  const { service, store, inference } = setup();
  const outcome = await service.ingest([item('Apple beats estimates', 5), item('', 5), item('Fine', 5, { symbols: ['ZZZ'] })]);
  expect(outcome).toEqual({
    ok: false,
    errors: [
      { code: 'EMPTY_TEXT', message: expect.any(String), field: 'headline', index: 1 },
      { code: 'UNKNOWN_SYMBOL', message: expect.any(String), field: 'symbols', index: 2 },
    ],
  });
  expect(store.rows).toHaveLength(0);
  expect(inference.calls).toHaveLength(0);
});

test('items are scored once per symbol as (polarity, top-class probability, model); untagged items are stored unscored', async () => {
  const { service, store, inference, cache } = setup();
  const outcome = await service.ingest([
    item('Apple beats estimates', 5, { symbols: ['AAPL', 'MSFT'] }),
    item('Nvidia shares plunge', 4, { symbols: [] }),
    item('Weather is mild today', 3, { symbols: null }),
  ]);
  if (!outcome.ok) throw new Error('expected success');
  expect(inference.calls).toEqual([['Apple beats estimates', 'Nvidia shares plunge']]);
  expect(outcome.ingested.map((r) => r.symbols)).toEqual([['AAPL', 'MSFT'], ['NVDA'], []]);
  const [apple, nvidia, weather] = outcome.ingested;
  expect(apple!.sentimentScores.map((s) => [s.symbol, s.label, s.model])).toEqual([['AAPL', 'POSITIVE', MODEL], ['MSFT', 'POSITIVE', MODEL]]);
  expect(apple!.sentimentScores[0]!.score).toBeCloseTo(0.75, 12);
  expect(apple!.sentimentScores[0]!.confidence).toBeCloseTo(0.8, 12);
  expect(nvidia!.sentimentScores[0]).toMatchObject({ label: 'NEGATIVE', confidence: 0.7 });
  expect(nvidia!.sentimentScores[0]!.score).toBeCloseTo(-0.6, 12);
  expect(weather!.sentimentScores).toEqual([]);
  expect(outcome.symbols).toEqual(['AAPL', 'MSFT', 'NVDA']);
  expect(cache.invalidated).toEqual([['AAPL', 'MSFT', 'NVDA']]);
  expect(store.rows).toHaveLength(3);
});

test('duplicates (already stored, or twice in the batch) are skipped and reported', async () => {
  const { service, inference } = setup();
  await service.ingest([item('Apple beats estimates', 5)]);
  const outcome = await service.ingest([item('Apple beats estimates', 5, { body: 'edited' }), item('Apple cuts guidance', 2), item('APPLE  cuts guidance', 2)]);
  if (!outcome.ok) throw new Error('expected success');
  expect(outcome.ingested.map((r) => r.headline)).toEqual(['Apple cuts guidance']);
  expect(outcome.duplicates).toBe(2);
  expect(outcome.duplicateOf.map((r) => r.headline)).toEqual(['Apple beats estimates']);
  expect(inference.calls[1]).toEqual(['Apple cuts guidance']);
});

test('a busy model stores nothing and says so', async () => {
  const { service, store, inference } = setup();
  inference.setBusy(true);
  expect(await service.ingest([item('Apple beats estimates', 5)])).toEqual({ ok: false, errors: [{ code: 'INFERENCE_BUSY', message: 'queue full' }] });
  expect(store.rows).toHaveLength(0);
});

test('the service clock is "now"; the second read is cached; news invalidates; asOf pins the window', async () => {
  const { service, setNow } = setup();
  await service.ingest([item('Apple beats estimates', 30), item('Apple shares plunge', 10)]);
  const first = await service.sentiment({ symbol: 'aapl' });
  expect(first).toMatchObject({ symbol: 'AAPL', window: '1h', count: 2, asOf: NOW.toISOString(), models: [MODEL], cached: false, pinned: false });
  // Weights: 2^(−30/30)·0.8 = 0.4 on +0.75, 2^(−10/30)·0.7 on −0.6.
  const w1 = 0.4;
  const w2 = Math.pow(2, -1 / 3) * 0.7;
  expect(first.score).toBeCloseTo((w1 * 0.75 + w2 * -0.6) / (w1 + w2), 12);

  setNow(new Date(NOW.getTime() + 5_000));
  expect(await service.sentiment({ symbol: 'AAPL' })).toMatchObject({ cached: true, score: first.score, asOf: NOW.toISOString() });

  await service.ingest([item('Apple beats estimates again', 1)]);
  const after = await service.sentiment({ symbol: 'AAPL' });
  expect(after).toMatchObject({ cached: false, count: 3, asOf: new Date(NOW.getTime() + 5_000).toISOString() });

  const pinned = await service.sentiment({ symbol: 'AAPL', window: '15m', asOf: new Date(NOW.getTime() - 9 * 60_000) });
  expect(pinned).toMatchObject({ count: 1, pinned: true, cached: false, asOf: new Date(NOW.getTime() - 9 * 60_000).toISOString() });
  expect(pinned.score).toBeCloseTo(-0.6, 12);
});

test('unknown symbol or window is a typed input error', async () => {
  const { service } = setup();
  await expect(service.sentiment({ symbol: 'ZZZ' })).rejects.toMatchObject({ code: 'UNKNOWN_SYMBOL', field: 'symbol' });
  await expect(service.sentiment({ symbol: '' })).rejects.toMatchObject({ code: 'UNKNOWN_SYMBOL' });
  await expect(service.sentiment({ symbol: 'AAPL', window: '4h' })).rejects.toMatchObject({ code: 'UNKNOWN_WINDOW', field: 'window' });
});

test('news for a symbol announces its live aggregate for every window', async () => {
  const { service, published } = setup();
  await service.ingest([item('Apple beats estimates', 5, { symbols: ['AAPL', 'NVDA'] })]);
  await service.drain();
  expect(published.map((e) => `${e.symbol}:${e.window}:${e.count}`)).toEqual(['AAPL:15m:1', 'AAPL:1h:1', 'AAPL:1d:1', 'NVDA:15m:1', 'NVDA:1h:1', 'NVDA:1d:1']);
});

test('a feed loads its good lines, reports its bad ones, and can be rebased to an instant', async () => {
  const { service, store } = setup();
  const lines = [JSON.stringify({ headline: 'Apple beats estimates', source: 'Wire', published_at: '2024-05-01T10:00:00Z' }), 'not json', JSON.stringify({ headline: 'Apple cuts guidance', source: 'Wire', published_at: '2024-05-01T10:30:00Z' })];
  const result = await service.replay({ content: lines.join('\n'), rebaseTo: new Date('2024-05-01T11:59:00Z') });
  expect(result).toMatchObject({ lines: 3, ingested: 2, duplicates: 0, error: null, rejected: [{ line: 2 }] });
  expect(store.rows.map((r) => [r.symbols, r.publishedAt.toISOString()])).toEqual([[['AAPL'], '2024-05-01T11:29:00.000Z'], [['AAPL'], '2024-05-01T11:59:00.000Z']]);
  expect((await service.replay({ content: lines[0]!, rebaseTo: new Date(NOW.getTime() + 3_600_000) })).error).toMatchObject({ code: 'INVALID_TIMESTAMP' });
  expect((await service.replay({ path: '../../../package.json' })).error).toMatchObject({ code: 'INVALID_FEED' });
});
