// Producer side of the bus: validates a message against its topic's schema, then appends it to the
// Redis stream (and, where the seed listens on pub/sub, publishes it on the channel too).
import type { Redis } from 'ioredis';
import { TOPICS, describeIssues, type MessageOf, type Topic } from '../messages';

/** A producer tried to publish something its own schema rejects: a programming error, never sent. */
export class InvalidMessageError extends Error {
  readonly code = 'INVALID_MESSAGE';
  constructor(readonly topic: string, readonly details: string) {
    super(`invalid ${topic} message: ${details}`);
    this.name = 'InvalidMessageError';
  }
}

export interface PublisherOptions {
  /** Prefix for stream and channel names (tests use one per run so they never collide). */
  prefix?: string;
  /** Approximate cap on stream length (XADD MAXLEN ~); consumers far behind lose nothing below it. */
  maxLen?: number;
}

export class StreamPublisher {
  private readonly prefix: string;
  private readonly maxLen: number;

  constructor(private readonly redis: Redis, options: PublisherOptions = {}) {
    this.prefix = options.prefix ?? '';
    this.maxLen = options.maxLen ?? 1_000_000;
  }

  streamName(topic: Topic): string {
    return `${this.prefix}${topic}`;
  }

  validate<T extends Topic>(topic: T, message: MessageOf<T>): MessageOf<T> {
    const parsed = TOPICS[topic].safeParse(message);
    if (!parsed.success) throw new InvalidMessageError(topic, describeIssues(parsed.error));
    return parsed.data as MessageOf<T>;
  }

  /** Appends one message; resolves to its stream entry id. */
  async publish<T extends Topic>(topic: T, message: MessageOf<T>): Promise<string> {
    const data = JSON.stringify(this.validate(topic, message));
    const id = await this.redis.xadd(this.streamName(topic), 'MAXLEN', '~', this.maxLen, '*', 'data', data);
    return id as string;
  }

  /**
   * Appends many messages in one round trip, in order and atomically (MULTI/EXEC): a batch is either
   * all on the stream or not at all, so a retried batch never duplicates part of itself.
   * All are validated before any is sent.
   */
  async publishMany<T extends Topic>(topic: T, messages: MessageOf<T>[]): Promise<string[]> {
    const payloads = messages.map((m) => JSON.stringify(this.validate(topic, m)));
    const pipeline = this.redis.multi();
    for (const data of payloads) pipeline.xadd(this.streamName(topic), 'MAXLEN', '~', this.maxLen, '*', 'data', data);
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, id]) => {
      if (err) throw err;
      return id as string;
    });
  }

  /** Publishes on the pub/sub channel of the same name (the seed's `PUBLISH signals '{...}'`). */
  async broadcast<T extends Topic>(topic: T, message: MessageOf<T>): Promise<number> {
    return this.redis.publish(`${this.prefix}${topic}`, JSON.stringify(this.validate(topic, message)));
  }
}
