// The Redis bus: connections, stream publisher/consumer with consumer groups, pub/sub, and the
// transactional outbox that sends what a database transaction committed.
export * from './redis';
export * from './publisher';
export * from './outbox';
export * from './consumer';
export * from './transient';
export * from './pubsub';
export type { RawEntry } from './entries';
export * from './tail';
export * from './drain';
