// What the accounts service hears on Redis (names under the deployment's REDIS_PREFIX): it consumes the
// `fills` stream in the group `accounts` and applies each fill to the ledger once per trade id.
export const CONSUMER_GROUP = 'accounts';
