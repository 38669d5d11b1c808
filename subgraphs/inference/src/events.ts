// Names of the inference family's pub/sub events (under the deployment's REDIS_PREFIX): a promotion or
// an A/B candidate change made through one replica (or by the worker after training) is applied by every
// replica of both runners. It consumes the `jobs` stream (platform TOPICS) in the group `worker`.
export const PROMOTED_CHANNEL = 'models:promoted';
export const CANDIDATE_CHANNEL = 'models:candidate';
