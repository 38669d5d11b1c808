// Live tail of a stream for subscriptions: every message appended after the tail starts, read with
// plain XREAD on its own connection (no consumer group: each subscriber sees everything, on any
// replica). Invalid entries are skipped here; the consumers that own the stream dead-letter them.
import type { Redis } from 'ioredis';
import { TOPICS, type MessageOf, type Topic } from '../messages';
import { decodeReadReply } from './entries';

export interface TailedMessage<T extends Topic> {
  /** The stream entry id. */
  id: string;
  message: MessageOf<T>;
}

export interface TailOptions<T extends Topic> {
  prefix?: string;
  blockMs?: number;
  batchSize?: number;
  keep?: (message: MessageOf<T>) => boolean;
}

export function tailStream<T extends Topic>(redis: Redis, topic: T, options: TailOptions<T> = {}): AsyncIterableIterator<TailedMessage<T>> {
  const { prefix = '', blockMs = 5000, batchSize = 500, keep = () => true } = options;
  const stream = `${prefix}${topic}`;
  const connection = redis.duplicate({ connectionName: `tail:${topic}` });
  connection.on('error', () => undefined); // reconnects by itself; the main connection logs outages
  const schema = TOPICS[topic];
  const buffered: TailedMessage<T>[] = [];
  let lastId = '$';
  let stopped = false;

  const finished = { value: undefined, done: true } as const;
  const stop = async (): Promise<IteratorResult<TailedMessage<T>>> => {
    stopped = true;
    connection.disconnect(); // also ends a pending blocking XREAD
    return finished;
  };

  const iterator: AsyncIterableIterator<TailedMessage<T>> = {
    async next() {
      while (!stopped) {
        const item = buffered.shift();
        if (item) return { value: item, done: false };
        let reply: unknown;
        try {
          reply = await connection.xread('COUNT', batchSize, 'BLOCK', blockMs, 'STREAMS', stream, lastId);
        } catch (err) {
          if (stopped) break;
          throw err;
        }
        for (const entry of decodeReadReply(reply)) {
          lastId = entry.id;
          const parsed = entry.fields?.data === undefined ? null : safeJson(entry.fields.data);
          const valid = parsed === null ? null : schema.safeParse(parsed);
          if (valid?.success && keep(valid.data as MessageOf<T>)) buffered.push({ id: entry.id, message: valid.data as MessageOf<T> });
        }
      }
      return finished;
    },
    return: stop,
    async throw(err?: unknown) {
      await stop();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
