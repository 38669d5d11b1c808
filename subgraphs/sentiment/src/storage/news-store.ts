// Storage layer of the sentiment service: news items (unique content hash) and their per-symbol scores
// in PostgreSQL. A batch's new items and their scores are written in one transaction; a story already
// stored — by an earlier batch or a concurrent one — is skipped by the unique index and reported as a
// duplicate.
import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '@aitrader/prisma';
import type { PolarityNews, PreparedNewsItem } from '../domain';

export type NewsRow = Prisma.NewsItemGetPayload<{ include: { sentimentScores: true } }>;
export type ScoreRow = NewsRow['sentimentScores'][number];
export type StoredLabel = ScoreRow['label'];

/** One model score of an item, written for each of the item's symbols. */
export interface ItemScore {
  label: StoredLabel;
  /** Polarity P(positive) − P(negative). */
  score: number;
  /** Top-class probability. */
  confidence: number;
  model: string;
}

export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
}

const withScores = { sentimentScores: { orderBy: [{ symbol: 'asc' }, { createdAt: 'asc' }] } } satisfies Prisma.NewsItemInclude;

export class NewsStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** The stored items among these content hashes, by hash. */
  async byHashes(hashes: readonly string[]): Promise<Map<string, NewsRow>> {
    if (hashes.length === 0) return new Map();
    const rows = await this.prisma.newsItem.findMany({ where: { contentHash: { in: [...hashes] } }, include: withScores });
    return new Map(rows.map((r) => [r.contentHash, r]));
  }

  /**
   * Inserts the items (unique by content hash within the batch) with a score row per (item, symbol),
   * in one transaction. Returns the rows created, in input order; items whose hash was stored meanwhile
   * are left out (they are duplicates).
   */
  async insert(items: ReadonlyArray<{ item: PreparedNewsItem; score: ItemScore | null }>): Promise<NewsRow[]> {
    if (items.length === 0) return [];
    const ids = items.map(() => randomUUID());
    const created = await this.prisma.$transaction(async (tx) => {
      const rows = await tx.newsItem.createManyAndReturn({
        data: items.map(({ item }, i) => ({
          id: ids[i]!, headline: item.headline, body: item.body, source: item.source, url: item.url ?? null,
          symbols: item.symbols, publishedAt: item.publishedAt, contentHash: item.contentHash,
        })),
        skipDuplicates: true,
        select: { id: true },
      });
      const createdIds = new Set(rows.map((r) => r.id));
      const scores = items.flatMap(({ item, score }, i) =>
        score && createdIds.has(ids[i]!) ? item.symbols.map((symbol) => ({ newsItemId: ids[i]!, symbol, ...score })) : [],
      );
      if (scores.length > 0) await tx.sentimentScore.createMany({ data: scores });
      return createdIds;
    });
    const rows = await this.prisma.newsItem.findMany({ where: { id: { in: [...created] } }, include: withScores });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * The scores of `symbol` on news published in [from, to], as the aggregation reads them. Should an
   * item have been scored more than once for the symbol (a re-score by another model), its newest score counts.
   */
  async scoresFor(symbol: string, from: Date, to: Date): Promise<PolarityNews[]> {
    const rows = await this.prisma.sentimentScore.findMany({
      where: { symbol, newsItem: { publishedAt: { gte: from, lte: to } } },
      select: { newsItemId: true, score: true, confidence: true, model: true, createdAt: true, newsItem: { select: { publishedAt: true } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const latest = new Map<string, (typeof rows)[number]>();
    for (const row of rows) latest.set(row.newsItemId, row);
    return [...latest.values()].map((r) => ({ polarity: r.score, confidence: r.confidence, publishedAt: r.newsItem.publishedAt, model: r.model }));
  }

  /** News newest first (by publication, then id), optionally only items tagged with `symbol`. */
  async page(q: { symbol?: string | null; first: number; after?: { at: Date; id: string } | undefined }): Promise<Page<NewsRow>> {
    const rows = await this.prisma.newsItem.findMany({
      where: {
        ...(q.symbol ? { symbols: { has: q.symbol } } : {}),
        ...(q.after ? { OR: [{ publishedAt: { lt: q.after.at } }, { publishedAt: q.after.at, id: { lt: q.after.id } }] } : {}),
      },
      include: withScores,
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: q.first + 1,
    });
    return { rows: rows.slice(0, q.first), hasNextPage: rows.length > q.first };
  }

  async get(id: string): Promise<NewsRow | null> {
    return this.prisma.newsItem.findUnique({ where: { id }, include: withScores });
  }
}
