// Whether the platform has finished handling everything on some streams: for every consumer group of
// each stream, every entry has been delivered (last-delivered-id = the stream's last id) and acked (no
// pending entries). Consumers ack after handling, and each stage writes downstream before it acks, so
// once the upstream streams are drained nothing new can appear downstream. The lockstep replay (a
// backtest mode) waits for this after every tick.
import type { Redis } from 'ioredis';
import type { Topic } from '../messages';
import { fieldsOfReply } from './entries';

export class DrainTimeoutError extends Error {
  constructor(readonly streams: string[], timeoutMs: number) {
    super(`the pipeline did not drain within ${timeoutMs} ms (busy: ${streams.join(', ')})`);
    this.name = 'DrainTimeoutError';
  }
}

/** The streams (of `topics`, upstream first) that still have undelivered or unacked entries. */
export async function busyStreams(redis: Redis, topics: readonly Topic[], prefix = ''): Promise<string[]> {
  const multi = redis.multi();
  for (const topic of topics) {
    multi.xinfo('STREAM', `${prefix}${topic}`);
    multi.xinfo('GROUPS', `${prefix}${topic}`);
  }
  const replies = (await multi.exec()) ?? [];
  const busy: string[] = [];
  topics.forEach((topic, i) => {
    const [streamErr, stream] = replies[2 * i] ?? [];
    const [, groups] = replies[2 * i + 1] ?? [];
    if (streamErr) return; // no such stream yet: nothing to handle
    const last = fieldsOfReply(stream as unknown[])['last-generated-id'];
    for (const raw of (groups as unknown[][] | null) ?? []) {
      const group = fieldsOfReply(raw);
      if (Number(group.pending) > 0 || group['last-delivered-id'] !== last) {
        busy.push(topic);
        return;
      }
    }
  });
  return busy;
}

/** Resolves when every consumer group of `topics` has handled everything; rejects after `timeoutMs`. */
export async function waitForDrain(redis: Redis, topics: readonly Topic[], options: { prefix?: string; timeoutMs?: number; pollMs?: number } = {}): Promise<void> {
  const { prefix = '', timeoutMs = 30_000, pollMs = 2 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy = await busyStreams(redis, topics, prefix);
    if (busy.length === 0) return;
    if (Date.now() > deadline) throw new DrainTimeoutError(busy, timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
