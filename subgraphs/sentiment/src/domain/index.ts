// Public API of the sentiment service's pure domain layer: news validation, content hashing, symbol
// tagging, windows, aggregation, cache policy and the NDJSON feed parser. No GraphQL, Redis, SQL or model.
export {
  SentimentInputError,
  SENTIMENT_ERROR_CODES,
  isSentimentInputError,
  type SentimentErrorCode,
  type SentimentErrorDetails,
} from './errors';
export {
  NEWS_LIMITS,
  createNewsItemSchema,
  createNewsItemValidator,
  validateNewsItem,
  validateNewsBatch,
  parseIsoInstant,
  type NewsItem,
  type NewsValidationOptions,
  type NewsBatchOptions,
  type NewsItemResult,
  type NewsBatchResult,
  type NewsItemValidator,
} from './news-item';
export { newsContentHash, normaliseForHash, type HashableNews } from './content-hash';
export {
  tagSymbols,
  createSymbolTagger,
  resolveSymbols,
  deriveAliases,
  DEFAULT_EXTRA_ALIASES,
  AMBIGUOUS_TICKERS,
  type InstrumentRef,
  type TaggerOptions,
  type SymbolTagger,
  type ResolvedSymbols,
} from './symbols';
export { prepareNewsItem, dedupeByContentHash, type PreparedNewsItem } from './prepare';
export {
  SENTIMENT_WINDOWS,
  DEFAULT_WINDOW,
  WINDOW_MS,
  isSentimentWindow,
  parseSentimentWindow,
  parseWindow,
  type SentimentWindow,
} from './window';
export { parseSentimentQuery, type SentimentQuery } from './query';
export {
  aggregateSentiment,
  polarityOf,
  topClassProbability,
  recencyDecay,
  type SentimentLabel,
  type SentimentProbabilities,
  type ClassifiedNews,
  type PolarityNews,
  type ScoredNews,
  type AggregateOptions,
  type SentimentAggregate,
} from './aggregate';
export {
  sentimentCacheKey,
  sentimentInvalidationKeys,
  invalidationKeysForSymbols,
  sentimentCacheTtlMs,
  sentimentCacheTtlSeconds,
  toCachedSentiment,
  encodeCachedSentiment,
  decodeCachedSentiment,
  SENTIMENT_CACHE_NAMESPACE,
  CACHE_TTL_MAX_MS,
  CACHE_TTL_MIN_MS,
  type CachedSentiment,
} from './cache';
export { parseNewsFeed, type ParsedNewsFeed, type RejectedLine } from './feed';
