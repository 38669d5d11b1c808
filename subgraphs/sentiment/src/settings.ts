// Settings of the sentiment service (over the platform's shared base config): where model folders live
// (default <repo>/models), which one to load (default models/finbert when a FinBERT export is there, else
// the shipped finance-sentiment), how inference runs, and the news feeds (replayNewsFeed(path) reads under
// NEWS_FEED_DIR, default subgraphs/sentiment/data; NEWS_FEED_FILE, a path under it or absolute, is
// replayed once at start).
import { z } from 'zod';

export const SentimentSettings = z.object({
  SENTIMENT_MODELS_DIR: z.string().min(1).optional(),
  SENTIMENT_MODEL: z.string().regex(/^[\w.-]{1,100}$/, 'must be a model folder name').optional(),
  SENTIMENT_INFERENCE: z.enum(['worker', 'inline']).default('worker'),
  SENTIMENT_BATCH_SIZE: z.coerce.number().int().min(1).max(1024).default(32),
  // Texts waiting for the classifier beyond which new requests are refused (INFERENCE_BUSY).
  SENTIMENT_QUEUE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  NEWS_FEED_DIR: z.string().min(1).optional(),
  NEWS_FEED_FILE: z.string().min(1).optional(),
});

export type SentimentSettings = z.infer<typeof SentimentSettings>;
