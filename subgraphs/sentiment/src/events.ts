// What the sentiment service says on Redis (names under the deployment's REDIS_PREFIX): each change of
// a symbol's windowed sentiment is announced on pub/sub (the `sentimentChanged` subscription). It
// consumes no stream: news arrives through GraphQL, REST and feed replay.
export const SENTIMENT_EVENTS = 'sentiment:updates';
