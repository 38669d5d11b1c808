// REST endpoints of the sentiment service (the seed's API): GET /api/sentiment?symbol=AAPL&window=1h
// (what the strategy engine calls) and POST /api/news (the ingestNews mutation over plain HTTP). Bad
// input answers 400 with { error: { code, message, field } }.
import type { Express, Request, Response } from 'express';
import type { AppContext } from '@aitrader/platform';
import { SentimentInputError, parseIsoInstant } from '../domain';
import type { NewsRow } from '../storage/news-store';
import type { SentimentServices } from '../services';

function badRequest(res: Response, error: { code: string; message: string; field?: string | undefined }, extra: Record<string, unknown> = {}) {
  res.status(400).json({ error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) }, ...extra });
}

/** A query parameter given at most once, as text (express parses `?a=1&a=2` into an array). */
function single(req: Request, name: string, code: SentimentInputError['code']): string | undefined {
  const value = req.query[name];
  if (value === undefined || typeof value === 'string') return value;
  throw new SentimentInputError(code, `${name} must be given once, as text`, { field: name });
}

const newsJson = (r: NewsRow) => ({
  id: r.id,
  headline: r.headline,
  source: r.source,
  url: r.url,
  symbols: r.symbols,
  published_at: r.publishedAt.toISOString(),
  content_hash: r.contentHash,
  scores: r.sentimentScores.map((s) => ({ symbol: s.symbol, label: s.label, score: s.score, confidence: s.confidence, model: s.model })),
});

export function sentimentRoutes(app: Express, ctx: AppContext<SentimentServices>): void {
  app.get('/api/sentiment', async (req, res, next) => {
    try {
      const asOfText = single(req, 'as_of', 'INVALID_TIMESTAMP');
      const asOf = asOfText === undefined ? undefined : parseIsoInstant(asOfText);
      if (asOf === null) throw new SentimentInputError('INVALID_TIMESTAMP', `as_of must be an ISO-8601 date-time with a time zone, got ${JSON.stringify(asOfText)}`, { field: 'as_of' });
      const s = await ctx.services.sentiment.sentiment({ symbol: single(req, 'symbol', 'UNKNOWN_SYMBOL'), window: single(req, 'window', 'UNKNOWN_WINDOW'), asOf });
      res.json({
        sentiment_score: s.score,
        symbol: s.symbol,
        window: s.window,
        count: s.count,
        weight: s.weightTotal,
        model: s.models[0] ?? ctx.services.inference.modelId(),
        models: s.models,
        cached: s.cached,
        as_of: s.asOf,
      });
    } catch (err) {
      if (err instanceof SentimentInputError) return badRequest(res, err);
      next(err);
    }
  });

  app.post('/api/news', async (req, res, next) => {
    try {
      const body: unknown = req.body;
      const items = Array.isArray(body) ? body : (body as { items?: unknown } | undefined)?.items;
      const outcome = await ctx.services.sentiment.ingest(items);
      if (!outcome.ok) {
        const first = outcome.errors[0]!;
        const unavailable = first.code === 'INFERENCE_BUSY' || first.code === 'INFERENCE_UNAVAILABLE';
        if (unavailable) return void res.status(503).json({ error: { code: first.code, message: first.message } });
        return badRequest(res, first, { errors: outcome.errors });
      }
      res.status(outcome.ingested.length > 0 ? 201 : 200).json({
        ingested: outcome.ingested.length,
        duplicates: outcome.duplicates,
        items: outcome.ingested.map(newsJson),
        duplicate_of: outcome.duplicateOf.map(newsJson),
      });
    } catch (err) {
      next(err);
    }
  });
}
