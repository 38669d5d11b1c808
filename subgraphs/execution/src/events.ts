// What the execution service hears and says on Redis (names under the deployment's REDIS_PREFIX): it
// consumes `orders` (from the start of the stream) and `book` in the group `execution`, sends fills to
// the `fills` stream, and announces on pub/sub each fill and each order change (the `fillReceived` and
// `orderUpdated` subscriptions).
export const CONSUMER_GROUP = 'execution';
export const ORDER_EVENTS = 'orders:updates';
export const FILL_EVENTS = 'fills:updates';
