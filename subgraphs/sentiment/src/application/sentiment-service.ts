// Application layer of the sentiment service: ingestion (validate → tag → dedupe → classify → store →
// invalidate → announce), the NDJSON feed replayer, and cached per-symbol aggregation. Transports
// (GraphQL, REST) call this; it owns the clock, so "now" is injectable (tests, replays, backtests).
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';
import type { Logger } from '@aitrader/platform';
import {
  NEWS_LIMITS,
  SentimentInputError,
  SENTIMENT_WINDOWS,
  aggregateSentiment,
  dedupeByContentHash,
  parseNewsFeed,
  parseSentimentQuery,
  polarityOf,
  prepareNewsItem,
  toCachedSentiment,
  topClassProbability,
  validateNewsBatch,
  type CachedSentiment,
  type NewsItem,
  type PreparedNewsItem,
  type RejectedLine,
  type SentimentErrorCode,
} from '../domain';
import { InferenceBusyError, InferenceUnavailableError, type SentimentInference } from '../inference/inference';
import type { SentimentScore } from '../inference/protocol';
import type { InstrumentCatalog, InstrumentSnapshot } from '../storage/instrument-catalog';
import type { ItemScore, NewsRow, NewsStore } from '../storage/news-store';
import type { SentimentCache } from '../storage/sentiment-cache';

/** Codes of ingestion and replay errors: the domain's input codes plus the service's own. */
export type NewsErrorCode = SentimentErrorCode | 'INFERENCE_BUSY' | 'INFERENCE_UNAVAILABLE' | 'FEED_NOT_FOUND' | 'INVALID_FEED';

export interface NewsError {
  code: NewsErrorCode;
  message: string;
  field?: string | undefined;
  index?: number | undefined;
}

export type IngestOutcome =
  | {
      ok: true;
      /** The items stored now, in input order. */
      ingested: NewsRow[];
      /** Input items that were not stored because the same story already was (or came twice in the batch). */
      duplicates: number;
      /** The stored items those duplicates repeat. */
      duplicateOf: NewsRow[];
      /** Symbols whose scores changed. */
      symbols: string[];
    }
  | { ok: false; errors: NewsError[] };

export interface ReplayOutcome {
  /** Non-blank lines read. */
  lines: number;
  ingested: number;
  duplicates: number;
  rejected: RejectedLine[];
  /** Set when the feed could not be read, or ingestion stopped (e.g. the classifier was busy). */
  error: NewsError | null;
}

/** An aggregate as served: the cached shape plus whether it came from the cache and whether asOf was pinned. */
export interface SymbolSentimentModel extends CachedSentiment {
  cached: boolean;
  pinned: boolean;
}

/** Largest feed file the replayer reads. */
const MAX_FEED_BYTES = 50 * 1024 * 1024;

export interface SentimentServiceDeps {
  store: NewsStore;
  cache: SentimentCache;
  catalog: InstrumentCatalog;
  inference: SentimentInference;
  clock: () => Date;
  /** Where replayNewsFeed(path) may read. */
  feedDir: string;
  logger: Logger;
  /** Announces a changed aggregate (the sentimentChanged subscription). */
  publish: (event: SymbolSentimentModel) => Promise<unknown>;
}

const LABELS = { positive: 'POSITIVE', negative: 'NEGATIVE', neutral: 'NEUTRAL' } as const;

/** The stored score of one classification: polarity and top-class probability (domain/aggregate.ts). */
export function toItemScore(score: SentimentScore, model: string): ItemScore | null {
  const polarity = polarityOf(score.probabilities);
  const confidence = topClassProbability(score.probabilities);
  if (polarity === null || confidence === null) return null;
  return { label: LABELS[score.label], score: polarity, confidence, model };
}

/** What the model reads of an item: its headline (the shipped model and FinBERT are sentence classifiers). */
export const classificationText = (item: Pick<NewsItem, 'headline'>) => item.headline;

const errorOf = (err: SentimentInputError): NewsError => ({ code: err.code, message: err.message, field: err.field, index: err.index });

/** Symbols an input batch names, to refresh the instrument list when one is new. */
function namedSymbols(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown) => {
    const symbols = item !== null && typeof item === 'object' ? (item as { symbols?: unknown }).symbols : undefined;
    return Array.isArray(symbols) ? symbols.filter((s): s is string => typeof s === 'string') : [];
  });
}

export class SentimentService {
  private readonly background = new Set<Promise<unknown>>();

  constructor(private readonly deps: SentimentServiceDeps) {}

  now(): Date {
    return this.deps.clock();
  }

  /** Validates a batch as a whole (any bad item: every error, nothing stored), then stores what is new. */
  async ingest(raw: unknown): Promise<IngestOutcome> {
    const catalog = await this.deps.catalog.covering(namedSymbols(raw));
    const validated = validateNewsBatch(raw, { now: this.now(), knownSymbols: catalog.symbols });
    if (!validated.ok) return { ok: false, errors: validated.errors.map(errorOf) };
    return this.ingestValid(validated.items, catalog);
  }

  private async ingestValid(items: readonly NewsItem[], catalog: InstrumentSnapshot): Promise<IngestOutcome> {
    const prepared = items.map((item) => prepareNewsItem(item, catalog.tagger));
    const unique = dedupeByContentHash(prepared);
    const existing = await this.deps.store.byHashes(unique.map((p) => p.contentHash));
    const fresh = unique.filter((p) => !existing.has(p.contentHash));

    let scored: Array<{ item: PreparedNewsItem; score: ItemScore | null }>;
    try {
      scored = await this.classify(fresh);
    } catch (err) {
      if (err instanceof InferenceBusyError || err instanceof InferenceUnavailableError) return { ok: false, errors: [{ code: err.code, message: err.message }] };
      throw err;
    }
    const ingested = await this.deps.store.insert(scored);
    const created = new Set(ingested.map((r) => r.contentHash));
    // Stories stored by a concurrent batch between our read and our insert are duplicates too.
    const raced = fresh.filter((p) => !created.has(p.contentHash)).map((p) => p.contentHash);
    const racedRows = raced.length > 0 ? await this.deps.store.byHashes(raced) : new Map<string, NewsRow>();
    const duplicateOf = [...existing.values(), ...racedRows.values()];

    const symbols = [...new Set(ingested.filter((r) => r.sentimentScores.length > 0).flatMap((r) => r.sentimentScores.map((s) => s.symbol)))].sort();
    if (symbols.length > 0) {
      await this.deps.cache.invalidate(symbols);
      this.announce(symbols);
    }
    return { ok: true, ingested, duplicates: items.length - ingested.length, duplicateOf, symbols };
  }

  /** Scores every item that has symbols, in one classifier request; items without symbols get none. */
  private async classify(items: readonly PreparedNewsItem[]): Promise<Array<{ item: PreparedNewsItem; score: ItemScore | null }>> {
    const tagged = items.filter((p) => p.symbols.length > 0);
    const scores = tagged.length > 0 ? await this.deps.inference.classify(tagged.map(classificationText)) : [];
    const model = this.deps.inference.modelId() ?? 'unknown';
    const byItem = new Map(tagged.map((p, i) => [p, scores[i]]));
    return items.map((item) => {
      const score = byItem.get(item);
      const stored = score ? toItemScore(score, model) : null;
      if (score && !stored) this.deps.logger.warn({ headline: item.headline, score }, 'unusable classification; item stored without a score');
      return { item, score: stored };
    });
  }

  /**
   * Replays an NDJSON feed (a file under the feed directory, or inline content): every valid line is
   * ingested (in batches), every bad line reported with its number. `rebaseTo` shifts all timestamps so
   * the newest item is published at that instant (e.g. now, to make an old feed live).
   */
  async replay(input: { path?: string | null; content?: string | null; rebaseTo?: Date | null }): Promise<ReplayOutcome> {
    const empty = (error: NewsError): ReplayOutcome => ({ lines: 0, ingested: 0, duplicates: 0, rejected: [], error });
    const hasPath = typeof input.path === 'string' && input.path !== '';
    if (hasPath === (typeof input.content === 'string')) return empty({ code: 'INVALID_FEED', message: 'give exactly one of path and content', field: 'path' });
    let text: string;
    if (hasPath) {
      const read = await this.readFeed(input.path!);
      if ('error' in read) return empty(read.error);
      text = read.text;
    } else {
      text = input.content!;
    }
    return this.replayText(text, input.rebaseTo ?? undefined);
  }

  /** Replays a feed file given by the operator (NEWS_FEED_FILE): absolute, or relative to the feed directory. */
  async replayFile(path: string): Promise<ReplayOutcome> {
    const full = isAbsolute(path) ? path : resolve(this.deps.feedDir, path);
    try {
      return await this.replayText(await readFile(full, 'utf8'));
    } catch (err) {
      return { lines: 0, ingested: 0, duplicates: 0, rejected: [], error: { code: 'FEED_NOT_FOUND', message: `cannot read ${full}: ${(err as Error).message}` } };
    }
  }

  private async readFeed(path: string): Promise<{ text: string } | { error: NewsError }> {
    const root = resolve(this.deps.feedDir);
    const full = resolve(root, path);
    if (full === root || !full.startsWith(root + sep)) return { error: { code: 'INVALID_FEED', message: 'path must stay inside the news feed directory', field: 'path' } };
    try {
      const info = await stat(full);
      if (!info.isFile()) throw new Error('not a file');
      if (info.size > MAX_FEED_BYTES) return { error: { code: 'INVALID_FEED', message: `feed is larger than ${MAX_FEED_BYTES} bytes`, field: 'path' } };
      return { text: await readFile(full, 'utf8') };
    } catch {
      return { error: { code: 'FEED_NOT_FOUND', message: `no such feed file: ${path}`, field: 'path' } };
    }
  }

  private async replayText(text: string, rebaseTo?: Date): Promise<ReplayOutcome> {
    const now = this.now();
    const catalog = await this.deps.catalog.get();
    const parsed = parseNewsFeed(text, { now, knownSymbols: catalog.symbols });
    const lines = parsed.items.length + parsed.rejected.length;
    let items = parsed.items;
    if (rebaseTo && items.length > 0) {
      if (rebaseTo.getTime() - now.getTime() > NEWS_LIMITS.maxFutureSkewMs) {
        return { lines, ingested: 0, duplicates: 0, rejected: parsed.rejected, error: { code: 'INVALID_TIMESTAMP', message: 'rebaseTo must not be in the future', field: 'rebaseTo' } };
      }
      const shift = rebaseTo.getTime() - Math.max(...items.map((i) => i.publishedAt.getTime()));
      items = items.map((i) => ({ ...i, publishedAt: new Date(i.publishedAt.getTime() + shift) }));
    }
    let ingested = 0;
    let duplicates = 0;
    for (let start = 0; start < items.length; start += NEWS_LIMITS.maxBatchItems) {
      const outcome = await this.ingestValid(items.slice(start, start + NEWS_LIMITS.maxBatchItems), catalog);
      if (!outcome.ok) return { lines, ingested, duplicates, rejected: parsed.rejected, error: outcome.errors[0] ?? null };
      ingested += outcome.ingested.length;
      duplicates += outcome.duplicates;
    }
    return { lines, ingested, duplicates, rejected: parsed.rejected, error: null };
  }

  /**
   * The aggregated sentiment of a symbol over a window ending at `asOf` (default: the service clock),
   * from the cache when it holds a current value. Unknown symbol or window: a SentimentInputError.
   */
  async sentiment(args: { symbol: string | null | undefined; window?: string | null; asOf?: Date | null }): Promise<SymbolSentimentModel> {
    const catalog = await this.deps.catalog.covering(args.symbol ? [args.symbol] : []);
    const query = parseSentimentQuery({ symbol: args.symbol, window: args.window }, catalog.symbols);
    const pinned = args.asOf != null;
    const now = args.asOf ?? this.now();
    if (Number.isNaN(now.getTime())) throw new SentimentInputError('INVALID_TIMESTAMP', 'asOf is not a valid instant', { field: 'asOf' });

    let generation: string | undefined;
    try {
      const hit = await this.deps.cache.lookup(query.symbol, query.window, now, pinned ? now : undefined);
      if (hit.value) return { ...hit.value, cached: true, pinned };
      generation = hit.generation;
    } catch (err) {
      this.deps.logger.warn({ err: (err as Error).message }, 'sentiment cache unavailable; computing');
    }
    const rows = await this.deps.store.scoresFor(query.symbol, new Date(now.getTime() - query.windowMs), now);
    const value = toCachedSentiment(query.symbol, query.window, aggregateSentiment(rows, { now, windowMs: query.windowMs }));
    if (generation !== undefined) {
      try {
        const stored = await this.deps.cache.store(value, generation, pinned, now);
        // Another reader cached this aggregate first: serve that one, so every caller sees the same number.
        if (!stored.written && stored.existing) return { ...stored.existing, cached: true, pinned };
      } catch (err) {
        this.deps.logger.warn({ err: (err as Error).message }, 'sentiment cache write failed');
      }
    }
    return { ...value, cached: false, pinned };
  }

  /** After news for `symbols` was scored: their live aggregates, every window, to subscribers (in the background). */
  private announce(symbols: readonly string[]): void {
    const work = (async () => {
      for (const symbol of symbols) {
        for (const window of SENTIMENT_WINDOWS) {
          await this.deps.publish(await this.sentiment({ symbol, window }));
        }
      }
    })().catch((err: Error) => this.deps.logger.error({ err: err.message, symbols }, 'sentimentChanged not published'));
    this.background.add(work);
    void work.finally(() => this.background.delete(work));
  }

  /** Waits for announcements in flight (at shutdown). */
  async drain(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }
}
