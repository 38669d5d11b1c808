// What the strategy service hears and says on Redis (names under the deployment's REDIS_PREFIX): it
// consumes the `signals` stream in the group `strategy` and the seed's `signals` pub/sub channel, sends
// orders to the `orders` stream, and announces on pub/sub each decision (the `decisionMade`
// subscription) and each stored strategy change (every replica reloads it).
export const CONSUMER_GROUP = 'strategy';
export const DECISION_EVENTS = 'decisions:updates';
export const STRATEGY_EVENTS = 'strategies:updates';
