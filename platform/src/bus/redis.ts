// Redis connections: one factory so every service gets the same retry, naming and error handling.
import Redis, { type RedisOptions } from 'ioredis';
import type { Logger } from '../logger';

export type { Redis };

export function createRedis(url: string, name: string, logger?: Logger, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    // Keep retrying forever with a capped back-off: a Redis restart must not kill a service.
    retryStrategy: (times) => Math.min(times * 100, 2000),
    maxRetriesPerRequest: 3,
    ...options,
  });
  let lastError = '';
  redis.on('error', (err: Error) => {
    // ioredis emits the same connection error on every retry; log each distinct one once.
    if (err.message !== lastError) logger?.warn({ err: err.message, connection: name }, 'redis error');
    lastError = err.message;
  });
  redis.on('ready', () => {
    if (lastError) logger?.info({ connection: name }, 'redis reconnected');
    lastError = '';
  });
  return redis;
}
