// The sentiment subgraph (:8002): news ingestion (GraphQL, REST, NDJSON feed replay), FinBERT-class
// classification in a worker thread, per-(news item, symbol) scores in PostgreSQL, and per-symbol
// aggregates over 15m/1h/1d cached in Redis — the seed's `GET /api/sentiment?symbol=AAPL&window=1h`.
import { loadSdl, type ServiceDefinition } from '@aitrader/platform';
import { SentimentSettings } from './settings';
import { resolvers } from './graphql/resolvers';
import { sentimentRoutes } from './http/rest';
import { createServices, type SentimentServices } from './services';

export const definition: ServiceDefinition<SentimentServices, SentimentSettings> = {
  name: 'sentiment',
  settings: SentimentSettings,
  typeDefs: loadSdl(__dirname),
  resolvers,
  services: createServices,
  routes: sentimentRoutes,
  // Reading sentiment needs read (the default); storing news is an admin act.
  routeScopes: { 'POST /api/news': 'admin' },
  checks: (ctx) => [
    {
      name: 'sentiment-model',
      // Without the model news cannot be scored, but stored sentiment can still be read.
      critical: false,
      check: async () => {
        const s = ctx.services.inference.stats();
        if (s.state === 'failed' || s.state === 'closed') throw new Error(s.error ?? `classifier ${s.state}`);
        return {
          ...(s.state === 'ready' ? {} : { status: 'degraded' }),
          model: s.modelId, model_name: s.modelName, mode: s.mode, state: s.state, queued_texts: s.queuedTexts, queue_limit: s.queueLimit, classified: s.classified, restarts: s.restarts,
        };
      },
    },
  ],
  start: async (ctx) => {
    const { inference, sentiment } = ctx.services;
    await inference.ready().catch((err: Error) => ctx.logger.error({ err: err.message }, 'sentiment model failed to load; news cannot be scored'));
    const feed = ctx.settings.NEWS_FEED_FILE;
    const replaying = feed
      ? sentiment.replayFile(feed).then(
          (r) => ctx.logger.info({ feed, lines: r.lines, ingested: r.ingested, duplicates: r.duplicates, rejected: r.rejected.length, error: r.error?.message }, 'news feed replayed'),
          (err: Error) => ctx.logger.error({ feed, err: err.message }, 'news feed replay failed'),
        )
      : undefined;
    return async () => {
      await replaying;
      await sentiment.drain();
      await ctx.services.inference.close();
    };
  },
};
