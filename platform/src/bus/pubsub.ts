// Plain Redis pub/sub where the seed uses it (its end-to-end test does `PUBLISH signals '{...}'`).
// Bad messages are not dropped: they go to the channel's dead-letter stream with the reason. A pub/sub
// message is delivered once and never again, so a handler failing on an outage (a dependency that cannot
// answer) is retried with backoff for a while before the message is dead-lettered.
import type { Redis } from 'ioredis';
import type { ZodType } from 'zod';
import type { Logger } from '../logger';
import { decodeMessage } from './consumer';
import { isTransientError } from './transient';

export interface ChannelSubscription {
  close(): Promise<void>;
}

export async function subscribeChannel<T>(options: {
  redis: Redis;
  channel: string;
  schema: ZodType<T>;
  handler: (message: T) => Promise<void> | void;
  logger?: Logger;
  deadLetterStream?: string;
  /** How long an outage (isTransientError) is retried with backoff before the message is dead-lettered. */
  retryForMs?: number;
}): Promise<ChannelSubscription> {
  const { redis, channel, schema, handler, logger, retryForMs = 60_000 } = options;
  const deadLetterStream = options.deadLetterStream ?? `${channel}:dlq`;
  const subscriber = redis.duplicate({ connectionName: `sub:${channel}` });
  subscriber.on('error', () => undefined); // reconnects by itself; the main connection logs outages
  const deadLetter = (data: string, reason: string, error: string) =>
    redis
      .xadd(deadLetterStream, '*', 'data', data, 'channel', channel, 'reason', reason, 'error', error, 'at', new Date().toISOString())
      .catch((err: Error) => logger?.error({ err: err.message, channel }, 'could not dead-letter message'));

  subscriber.on('message', (received: string, data: string) => {
    if (received !== channel) return;
    const decoded = decodeMessage(data, schema);
    if (!decoded.ok) {
      logger?.warn({ channel, error: decoded.error }, 'invalid pub/sub message dead-lettered');
      void deadLetter(data, 'invalid', decoded.error);
      return;
    }
    void handleWithRetry(() => handler(decoded.value), retryForMs).catch((err: Error) => {
      logger?.error({ channel, err: err.message }, 'pub/sub handler failed; message dead-lettered');
      void deadLetter(data, 'failed', err.message);
    });
  });
  await subscriber.subscribe(channel);
  return {
    close: async () => {
      await subscriber.unsubscribe(channel).catch(() => undefined);
      await subscriber.quit().catch(() => undefined);
    },
  };
}

/** Runs `handle`, retrying outages with backoff (250 ms doubling to 5 s) for up to `retryForMs`. */
async function handleWithRetry(handle: () => Promise<void> | void, retryForMs: number): Promise<void> {
  const deadline = Date.now() + retryForMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await handle();
    } catch (err) {
      if (!isTransientError(err) || Date.now() >= deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * 2 ** attempt)));
    }
  }
}
