// What the marketdata service hears and says on Redis (names under the deployment's REDIS_PREFIX): the
// replay publishes to the `ticks` stream, which this service also consumes in the group `marketdata` to
// build books and candles; it publishes each book change to the `book` stream. `tickReceived` tails
// `ticks` directly, so there is no pub/sub event of its own.
export const CONSUMER_GROUP = 'marketdata';
