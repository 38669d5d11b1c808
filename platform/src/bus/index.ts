// The Redis bus: connections, stream publisher/consumer with consumer groups, pub/sub.
export * from './redis';
export * from './publisher';
export * from './consumer';
export * from './pubsub';
export type { RawEntry } from './entries';
export * from './tail';
export * from './drain';
