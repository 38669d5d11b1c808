// What the signals service hears and says on Redis (names under the deployment's REDIS_PREFIX): it
// consumes `ticks` in the group `signals` and publishes each signal to the `signals` stream and to the
// seed's `signals` pub/sub channel, which also feeds the `signalEmitted` subscription.
export const CONSUMER_GROUP = 'signals';
export const SIGNAL_EVENTS = 'signals';
