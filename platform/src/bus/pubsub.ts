// Plain Redis pub/sub where the seed uses it (its end-to-end test does `PUBLISH signals '{...}'`).
// Bad messages are not dropped: they go to the channel's dead-letter stream with the reason.
import type { Redis } from 'ioredis';
import type { ZodType } from 'zod';
import type { Logger } from '../logger';
import { decodeMessage } from './consumer';

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
}): Promise<ChannelSubscription> {
  const { redis, channel, schema, handler, logger } = options;
  const deadLetterStream = options.deadLetterStream ?? `${channel}:dlq`;
  const subscriber = redis.duplicate({ connectionName: `sub:${channel}` });
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
    Promise.resolve()
      .then(() => handler(decoded.value))
      .catch((err: Error) => {
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
