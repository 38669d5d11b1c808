// The sentiment service's application objects, built once at start from the platform runtime: the
// instrument catalog, news store, Redis cache, the classifier (worker thread by default) and the
// SentimentService that ties them together with the service clock.
import { resolve } from 'node:path';
import type { SettingsContext } from '@aitrader/platform';
import type { SentimentSettings } from './settings';
import { createSentimentInference, type SentimentInference } from './inference/inference';
import { SentimentService } from './application/sentiment-service';
import { SENTIMENT_EVENTS } from './events';
import { InstrumentCatalog } from './storage/instrument-catalog';
import { NewsStore } from './storage/news-store';
import { SentimentCache } from './storage/sentiment-cache';

/** <repo>/models: the shipped finance-sentiment model, and models/finbert when a FinBERT export is dropped in. */
export const DEFAULT_MODELS_DIR = resolve(__dirname, '..', '..', '..', 'models');
/** subgraphs/sentiment/data: the sample feed. */
export const DEFAULT_FEED_DIR = resolve(__dirname, '..', 'data');

export interface SentimentServices {
  store: NewsStore;
  cache: SentimentCache;
  catalog: InstrumentCatalog;
  inference: SentimentInference;
  sentiment: SentimentService;
}

export function createServices(ctx: SettingsContext<SentimentSettings>): SentimentServices {
  const c = { ...ctx.config, ...ctx.settings };
  const store = new NewsStore(ctx.prisma);
  const cache = new SentimentCache(ctx.redis, c.REDIS_PREFIX);
  const catalog = new InstrumentCatalog(ctx.prisma);
  const inference = createSentimentInference({
    mode: c.SENTIMENT_INFERENCE,
    modelsDir: c.SENTIMENT_MODELS_DIR ? resolve(c.SENTIMENT_MODELS_DIR) : DEFAULT_MODELS_DIR,
    modelName: c.SENTIMENT_MODEL,
    batchSize: c.SENTIMENT_BATCH_SIZE,
    queueLimit: c.SENTIMENT_QUEUE_LIMIT,
    logger: ctx.logger,
  });
  const sentiment = new SentimentService({
    store,
    cache,
    catalog,
    inference,
    clock: () => new Date(),
    feedDir: c.NEWS_FEED_DIR ? resolve(c.NEWS_FEED_DIR) : DEFAULT_FEED_DIR,
    logger: ctx.logger,
    publish: (event) => ctx.events.pubsub.publish(ctx.events.channel(SENTIMENT_EVENTS), event),
  });
  return { store, cache, catalog, inference, sentiment };
}
