// Consumer side of the bus: a Redis Streams consumer-group reader that acks only after the handler
// succeeds, recovers its own pending entries on restart, claims entries left by dead consumers, and
// moves messages that fail validation or keep failing to a dead-letter stream (nothing is dropped).
import type { Redis } from 'ioredis';
import type { ZodType } from 'zod';
import type { Logger } from '../logger';
import { TOPICS, describeIssues, type MessageOf, type Topic } from '../messages';
import { decodeEntries, decodeReadReply, fieldsOfReply as fieldsOf, type RawEntry } from './entries';
import { isTransientError } from './transient';

export interface EntryMeta {
  id: string;
  stream: string;
  /** 1 on first delivery; grows with every redelivery or claim. */
  deliveries: number;
}

export interface StreamConsumerOptions<T> {
  /** A connection to duplicate; the consumer blocks on its own connection. */
  redis: Redis;
  stream: string;
  group: string;
  consumer: string;
  schema: ZodType<T>;
  handler: (message: T, meta: EntryMeta) => Promise<void>;
  logger?: Logger;
  /** Where a group created by this consumer starts: '$' = only new entries, '0' = the whole stream. */
  startId?: '$' | '0';
  batchSize?: number;
  blockMs?: number;
  /** Entries pending longer than this on another consumer are presumed abandoned and claimed. */
  claimIdleMs?: number;
  claimIntervalMs?: number;
  /** After this many deliveries a failing message is dead-lettered instead of retried. */
  maxDeliveries?: number;
  retryDelayMs?: number;
  deadLetterStream?: string;
  /**
   * Rebuilds in-memory state after a restart (crash-only services): when the group already exists at
   * start, called in order with every entry the group has already handled — up to its last-delivered id,
   * pending entries excepted (they are handled again normally) — before anything is consumed. Only
   * entries of the last `restoreWindowMs` (by stream id time) are replayed.
   */
  restore?: (message: T, meta: EntryMeta) => void | Promise<void>;
  restoreWindowMs?: number;
}

export type DeadLetterReason = 'invalid' | 'failed' | 'rejected';

/**
 * Thrown by a handler for a well-formed message that can never be applied (e.g. a fill for an unknown
 * account): it is dead-lettered at once with the reason instead of being retried.
 */
export class RejectedMessageError extends Error {
  readonly code = 'REJECTED_MESSAGE';
  constructor(message: string) {
    super(message);
    this.name = 'RejectedMessageError';
  }
}

export interface ConsumerStats {
  handled: number;
  deadLettered: number;
  failures: number;
  claimed: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class StreamConsumer<T> {
  readonly stats: ConsumerStats = { handled: 0, deadLettered: 0, failures: 0, claimed: 0 };
  readonly deadLetterStream: string;
  private readonly o: Required<Omit<StreamConsumerOptions<T>, 'logger' | 'deadLetterStream' | 'restore'>> & Pick<StreamConsumerOptions<T>, 'restore'>;
  private readonly logger?: Logger;
  private blocking?: Redis;
  private stopped = false;
  private loop?: Promise<void>;
  /** Consecutive failures that were an outage (isTransientError): they set the backoff, not the dead-lettering. */
  private outageFailures = 0;
  private readonly outageDeliveries = new Map<string, number>();

  constructor(options: StreamConsumerOptions<T>) {
    this.o = {
      startId: '$',
      batchSize: 64,
      blockMs: 1000,
      claimIdleMs: 30_000,
      claimIntervalMs: 5_000,
      maxDeliveries: 5,
      retryDelayMs: 250,
      restoreWindowMs: 6 * 3600_000,
      // An option passed as undefined means "the default", not "undefined".
      ...(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as StreamConsumerOptions<T>),
    };
    this.logger = options.logger;
    this.deadLetterStream = options.deadLetterStream ?? `${options.stream}:dlq`;
  }

  /** Creates the group if needed and starts consuming in the background. */
  async start(): Promise<void> {
    this.blocking = this.o.redis.duplicate({ connectionName: `${this.o.group}:${this.o.consumer}` });
    // Reconnects by itself and its commands fail (and are retried) meanwhile; the main connection logs outages.
    this.blocking.on('error', () => undefined);
    const existed = await this.ensureGroup();
    if (existed && this.o.restore) await this.restoreState(this.o.restore);
    this.loop = this.run();
  }

  /** Replays what the group already handled into `restore` (see StreamConsumerOptions.restore). */
  private async restoreState(restore: NonNullable<StreamConsumerOptions<T>['restore']>): Promise<void> {
    const { stream, group } = this.o;
    const started = Date.now();
    const groups = (await this.blocking!.xinfo('GROUPS', stream)) as unknown[][];
    const ours = groups.map((raw) => fieldsOf(raw)).find((g) => g.name === group);
    const last = String(ours?.['last-delivered-id'] ?? '0-0');
    if (last === '0-0') return;
    const pending = new Set(((await this.blocking!.xpending(stream, group, '-', '+', 100_000)) as [string][]).map(([id]) => id));
    const fromMs = Math.max(0, Number(last.split('-')[0]) - this.o.restoreWindowMs);
    let from = `${fromMs}-0`;
    let restored = 0;
    for (;;) {
      const batch = decodeEntries(await this.blocking!.xrange(stream, from, last, 'COUNT', 1000));
      for (const entry of batch) {
        if (pending.has(entry.id) || entry.fields === null) continue;
        const decoded = decode(entry.fields.data, this.o.schema);
        if (!decoded.ok) continue; // dead-lettered when it was first read
        await restore(decoded.value, { id: entry.id, stream, deliveries: 1 });
        restored += 1;
      }
      if (batch.length < 1000) break;
      from = `(${batch[batch.length - 1]!.id}`;
    }
    this.logger?.info({ stream, restored, upTo: last, ms: Date.now() - started }, 'state restored from the stream');
  }

  /** Graceful stop: finishes the entry in hand, then closes the connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    await this.blocking?.quit().catch(() => undefined);
  }

  /** Abrupt stop, as if the process died: nothing in flight is acked. */
  kill(): void {
    this.stopped = true;
    this.blocking?.disconnect();
  }

  /** Creates the group; resolves true when it already existed (this is a restart). */
  private async ensureGroup(startId: '$' | '0' = this.o.startId): Promise<boolean> {
    try {
      await this.blocking!.xgroup('CREATE', this.o.stream, this.o.group, startId, 'MKSTREAM');
      return false;
    } catch (err) {
      if (!(err instanceof Error) || !err.message.includes('BUSYGROUP')) throw err;
      return true;
    }
  }

  private async run(): Promise<void> {
    let ownPending = true; // on (re)start, first finish what this consumer name left unacked
    let lastClaim = 0;
    while (!this.stopped) {
      try {
        if (ownPending) {
          const entries = await this.read('0');
          if (entries.length === 0) ownPending = false;
          else if (!(await this.handleBatch(entries, true))) await sleep(this.retryDelay());
          continue;
        }
        if (Date.now() - lastClaim >= this.o.claimIntervalMs) {
          lastClaim = Date.now();
          const claimed = await this.claimAbandoned();
          if (claimed.length > 0) {
            this.stats.claimed += claimed.length;
            if (!(await this.handleBatch(claimed, true))) ownPending = true;
            continue;
          }
        }
        const entries = await this.read('>');
        if (entries.length > 0 && !(await this.handleBatch(entries, false))) ownPending = true;
      } catch (err) {
        if (this.stopped) break;
        const message = (err as Error).message;
        this.logger?.warn({ err: message, stream: this.o.stream }, 'stream read failed; retrying');
        await sleep(this.o.retryDelayMs);
        // A Redis that restarted without its data lost the group too: make it again (reading from '0', so
        // nothing written since is skipped) and start over with this consumer's own pending entries.
        if (message.includes('NOGROUP')) {
          await this.ensureGroup('0').catch(() => undefined);
          ownPending = true;
        }
      }
    }
  }

  private async read(from: '0' | '>'): Promise<RawEntry[]> {
    const { group, consumer, batchSize, blockMs, stream } = this.o;
    const reply =
      from === '>'
        ? await this.blocking!.xreadgroup('GROUP', group, consumer, 'COUNT', batchSize, 'BLOCK', blockMs, 'STREAMS', stream, '>')
        : await this.blocking!.xreadgroup('GROUP', group, consumer, 'COUNT', batchSize, 'STREAMS', stream, '0');
    return decodeReadReply(reply);
  }

  private async claimAbandoned(): Promise<RawEntry[]> {
    const { stream, group, consumer, claimIdleMs, batchSize } = this.o;
    const reply = (await this.blocking!.xautoclaim(stream, group, consumer, claimIdleMs, '0-0', 'COUNT', batchSize)) as unknown[];
    return decodeEntries(reply[1]);
  }

  /** Handles entries in order; stops at the first failure so order is kept. Returns true if all done. */
  private async handleBatch(entries: RawEntry[], redelivered: boolean): Promise<boolean> {
    const deliveries = redelivered ? await this.deliveryCounts(entries) : new Map<string, number>();
    for (const entry of entries) {
      if (this.stopped) return false;
      const count = deliveries.get(entry.id) ?? 1;
      if (!(await this.handleEntry(entry, count))) return false;
    }
    return true;
  }

  private async handleEntry(entry: RawEntry, deliveries: number): Promise<boolean> {
    const { stream, group } = this.o;
    if (entry.fields === null) {
      await this.blocking!.xack(stream, group, entry.id); // trimmed or deleted while pending
      return true;
    }
    const raw = entry.fields.data;
    const decoded = decode(raw, this.o.schema);
    if (!decoded.ok) {
      await this.deadLetter(entry, 'invalid', decoded.error, deliveries);
      return true;
    }
    try {
      await this.o.handler(decoded.value, { id: entry.id, stream, deliveries });
    } catch (err) {
      if (this.stopped) return false;
      this.stats.failures += 1;
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof RejectedMessageError) {
        await this.deadLetter(entry, 'rejected', message, deliveries);
        return true;
      }
      if (isTransientError(err)) {
        // An outage: the message waits (in order) for as long as it lasts, and is never dead-lettered for it.
        this.outageFailures += 1;
        this.outageDeliveries.set(entry.id, (this.outageDeliveries.get(entry.id) ?? 0) + 1);
        if (this.outageFailures === 1 || this.outageFailures % 20 === 0) {
          this.logger?.warn({ stream, id: entry.id, failures: this.outageFailures, err: message }, 'a dependency is unavailable; retrying with backoff');
        }
        return false;
      }
      if (deliveries - (this.outageDeliveries.get(entry.id) ?? 0) >= this.o.maxDeliveries) {
        await this.deadLetter(entry, 'failed', message, deliveries);
        return true;
      }
      this.logger?.warn({ stream, id: entry.id, deliveries, err: message }, 'handler failed; will retry');
      return false;
    }
    await this.blocking!.xack(stream, group, entry.id);
    this.stats.handled += 1;
    this.settled(entry.id);
    return true;
  }

  /** An entry is done (acked or dead-lettered): an outage it waited through is over. */
  private settled(id: string): void {
    this.outageFailures = 0;
    this.outageDeliveries.delete(id);
  }

  /** Pause before retrying: the fixed retry delay, doubled per consecutive outage failure up to 5 s. */
  private retryDelay(): number {
    if (this.outageFailures === 0) return this.o.retryDelayMs;
    return Math.min(5_000, this.o.retryDelayMs * 2 ** Math.min(this.outageFailures - 1, 10));
  }

  private async deliveryCounts(entries: RawEntry[]): Promise<Map<string, number>> {
    const first = entries[0]!.id;
    const last = entries[entries.length - 1]!.id;
    const rows = (await this.blocking!.xpending(this.o.stream, this.o.group, first, last, entries.length * 2)) as [string, string, number, number][];
    return new Map(rows.map(([id, , , count]) => [id, Number(count)]));
  }

  /** Moves an entry to the dead-letter stream and acks it, atomically, keeping the raw payload. */
  private async deadLetter(entry: RawEntry, reason: DeadLetterReason, error: string, deliveries: number): Promise<void> {
    const { stream, group, consumer } = this.o;
    const fields = [
      'data', entry.fields?.data ?? '',
      'stream', stream, 'id', entry.id, 'group', group, 'consumer', consumer,
      'reason', reason, 'error', error, 'deliveries', String(deliveries), 'at', new Date().toISOString(),
    ];
    await this.blocking!.multi().xadd(this.deadLetterStream, '*', ...fields).xack(stream, group, entry.id).exec();
    this.stats.deadLettered += 1;
    this.settled(entry.id);
    this.logger?.warn({ stream, id: entry.id, reason, error, deliveries }, 'message dead-lettered');
  }
}

type Decoded<T> = { ok: true; value: T } | { ok: false; error: string };

function decode<T>(raw: string | undefined, schema: ZodType<T>): Decoded<T> {
  if (raw === undefined) return { ok: false, error: 'entry has no "data" field' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'data is not valid JSON' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describeIssues(parsed.error) };
}

/** A consumer of one of the platform's topics, with that topic's schema. */
export function topicConsumer<T extends Topic>(
  topic: T,
  options: Omit<StreamConsumerOptions<MessageOf<T>>, 'schema' | 'stream'> & { prefix?: string },
): StreamConsumer<MessageOf<T>> {
  const { prefix = '', ...rest } = options;
  return new StreamConsumer<MessageOf<T>>({ ...rest, stream: `${prefix}${topic}`, schema: TOPICS[topic] as unknown as ZodType<MessageOf<T>> });
}

export { decode as decodeMessage };
