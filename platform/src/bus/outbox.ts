// Transactional outbox: a message whose loss would lose money or state (a fill, an order) is written to
// the `outbox` table in the same PostgreSQL transaction as the change it announces, and a relay sends it
// afterwards: a relay's unsent rows go out in id order (stream messages through the StreamPublisher, so
// the deployment prefix and the topic's schema apply; events to their pub/sub channel) and are then
// marked sent. The relay runs right after each commit (latency stays low), at start and on an interval
// (rows left by a crash or a failed send go out). Delivery is at least once: a crash between sending
// and marking sends a row again, so consumers must be idempotent (they are, by trade / client order id).
import type { Redis } from 'ioredis';
import type { Prisma, PrismaClient } from '@aitrader/prisma';
import type { Logger } from '../logger';
import type { MessageOf, Topic } from '../messages';
import { InvalidMessageError, type StreamPublisher } from './publisher';

/** The transaction client of the caller's `prisma.$transaction`: outbox rows commit or roll back with it. */
export type OutboxTransaction = Prisma.TransactionClient;

/** One message to queue: built by `streamMessage` or `eventMessage`. */
export type OutboxEntry =
  | { kind: 'STREAM'; topic: Topic; message: unknown; dedupKey?: string }
  | { kind: 'PUBSUB'; channel: string; payload: unknown };

/** A message for a platform topic's stream; `dedupKey` (e.g. the trade id) makes a repeated write a no-op. */
export function streamMessage<T extends Topic>(topic: T, message: MessageOf<T>, dedupKey?: string): OutboxEntry {
  return { kind: 'STREAM', topic, message, ...(dedupKey === undefined ? {} : { dedupKey }) };
}

/** An event for a pub/sub channel (its full name), e.g. a subscription's order update. */
export function eventMessage(channel: string, payload: unknown): OutboxEntry {
  return { kind: 'PUBSUB', channel, payload };
}

/** What PUBSUB rows are published with (the service's events.pubsub). */
export interface OutboxEventSink {
  publish(channel: string, payload: unknown): Promise<unknown>;
}

export interface OutboxOptions {
  prisma: PrismaClient;
  publisher: StreamPublisher;
  /**
   * Whose rows these are: the producing service under its deployment's prefix (e.g. `${prefix}execution`).
   * A relay sends only rows of its own name, so deployments (or tests) sharing a database never send
   * each other's messages under the wrong prefix.
   */
  name: string;
  /** Where PUBSUB rows go; without it event entries are refused at write time. */
  events?: OutboxEventSink;
  /** For dead-lettering a row its topic's schema no longer accepts (it would block every row behind it). */
  redis?: Redis;
  logger?: Logger;
  /** Relay pass interval once started (default 1 s): how soon rows left by a failure go out. */
  intervalMs?: number;
  batchSize?: number;
  /** Sent rows older than this are deleted (default 24 h); they are kept a while for inspection. */
  retainSentMs?: number;
}

export interface OutboxStats {
  sent: number;
  failures: number;
  deadLettered: number;
}

/** Lock space of the relays' advisory locks (the second key is the relay name's hash). */
const OUTBOX_LOCK_SPACE = 0x0b0c;
const PURGE_EVERY_MS = 60_000;

interface RelayedRow {
  id: bigint;
  kind: 'STREAM' | 'PUBSUB';
  topic: string;
  payload: string;
}

export class Outbox {
  readonly stats: OutboxStats = { sent: 0, failures: 0, deadLettered: 0 };
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly retainSentMs: number;
  private running?: Promise<number>;
  private queued?: Promise<number>;
  private timer?: NodeJS.Timeout;
  private lastPurge = 0;
  private failing = false;

  constructor(private readonly o: OutboxOptions) {
    this.intervalMs = o.intervalMs ?? 1_000;
    this.batchSize = o.batchSize ?? 100;
    this.retainSentMs = o.retainSentMs ?? 24 * 3_600_000;
  }

  get name(): string {
    return this.o.name;
  }

  /**
   * Queues messages inside the caller's transaction. Stream messages are validated now, so a producer's
   * bad message fails (and rolls back) the change it belongs to, as a direct publish would have.
   */
  async write(tx: OutboxTransaction, entries: readonly OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const data = entries.map((entry) => {
      if (entry.kind === 'STREAM') {
        const message = this.o.publisher.validate(entry.topic, entry.message as MessageOf<typeof entry.topic>);
        const dedupKey = entry.dedupKey === undefined ? null : `${this.o.name}:${entry.topic}:${entry.dedupKey}`;
        return { relay: this.o.name, kind: 'STREAM' as const, topic: entry.topic, payload: JSON.stringify(message), dedupKey };
      }
      if (!this.o.events) throw new Error(`outbox ${this.o.name} has no event sink for channel ${entry.channel}`);
      return { relay: this.o.name, kind: 'PUBSUB' as const, topic: entry.channel, payload: JSON.stringify(entry.payload), dedupKey: null };
    });
    // One INSERT: ids follow the entries' order. A dedup key already queued is skipped, not an error.
    await tx.outboxMessage.createMany({ data, skipDuplicates: true });
  }

  /**
   * Sends every unsent row of this relay now; resolves to how many went out, rejects on the first that
   * could not be sent (it and the rows after it wait for the next pass). A call during a pass waits for
   * one more pass after it, since the running one may have read before the caller's commit.
   */
  flush(): Promise<number> {
    if (!this.running) {
      this.running = this.passes().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => 0)
      .then(() => {
        this.queued = undefined;
        return this.flush();
      });
    return this.queued;
  }

  /** What a producer calls after its commit: the rows are durable, so a failed send is only logged. */
  async afterCommit(): Promise<void> {
    await this.flush().catch((err: unknown) => this.failed(err));
  }

  /** Sends what earlier processes left unsent, then keeps relaying on the interval until `stop`. */
  async start(): Promise<void> {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    await this.tick();
  }

  /** Stops the interval and waits for a pass in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.queued?.catch(() => undefined);
    await this.running?.catch(() => undefined);
  }

  private async tick(): Promise<void> {
    try {
      await this.flush();
      if (Date.now() - this.lastPurge >= PURGE_EVERY_MS) {
        this.lastPurge = Date.now();
        await this.o.prisma.outboxMessage.deleteMany({ where: { relay: this.o.name, sentAt: { lt: new Date(Date.now() - this.retainSentMs) } } });
      }
    } catch (err) {
      this.failed(err);
    }
  }

  private async passes(): Promise<number> {
    let total = 0;
    for (;;) {
      const { sent, more, error } = await this.pass();
      total += sent;
      this.stats.sent += sent;
      if (error !== undefined) {
        this.stats.failures += 1;
        throw error;
      }
      if (this.failing) this.o.logger?.info({ outbox: this.o.name }, 'outbox relay recovered');
      this.failing = false;
      if (!more) return total;
    }
  }

  /**
   * One batch under the relay's advisory lock, so two processes (or replicas) never send the same rows
   * at once, nor out of order. Rows sent before a failure are marked; the failing one is not.
   */
  private pass(): Promise<{ sent: number; more: boolean; error?: unknown }> {
    return this.o.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OUTBOX_LOCK_SPACE}::int4, hashtext(${this.o.name}::text))`;
        const rows: RelayedRow[] = await tx.outboxMessage.findMany({
          where: { relay: this.o.name, sentAt: null },
          orderBy: { id: 'asc' },
          take: this.batchSize,
          select: { id: true, kind: true, topic: true, payload: true },
        });
        const sent: bigint[] = [];
        let error: unknown;
        for (const row of rows) {
          try {
            await this.send(row);
            sent.push(row.id);
          } catch (err) {
            error = err;
            break;
          }
        }
        if (sent.length > 0) await tx.outboxMessage.updateMany({ where: { id: { in: sent } }, data: { sentAt: new Date() } });
        return { sent: sent.length, more: error === undefined && rows.length === this.batchSize, error };
      },
      // Sending happens inside the transaction (the lock is held until the rows are marked).
      { maxWait: 10_000, timeout: 60_000 },
    );
  }

  private async send(row: RelayedRow): Promise<void> {
    const payload: unknown = JSON.parse(row.payload);
    if (row.kind === 'PUBSUB') {
      if (!this.o.events) throw new Error(`outbox ${this.o.name} has no event sink for channel ${row.topic}`);
      await this.o.events.publish(row.topic, payload);
      return;
    }
    try {
      await this.o.publisher.publish(row.topic as Topic, payload as MessageOf<Topic>);
    } catch (err) {
      if (!(err instanceof InvalidMessageError) || !this.o.redis) throw err;
      // Accepted when written, refused now (the schema changed in between): never sendable, so it goes
      // where consumers put invalid messages instead of blocking every row behind it.
      const stream = this.o.publisher.streamName(row.topic as Topic);
      await this.o.redis.xadd(`${stream}:dlq`, '*', 'data', row.payload, 'stream', stream, 'outbox', row.id.toString(), 'reason', 'invalid', 'error', err.message, 'at', new Date().toISOString());
      this.stats.deadLettered += 1;
      this.o.logger?.error({ outbox: this.o.name, id: row.id.toString(), err: err.message }, 'outbox message dead-lettered');
    }
  }

  private failed(err: unknown): void {
    // Logged once per failure streak: a Redis outage would otherwise log every interval.
    if (!this.failing) this.o.logger?.warn({ outbox: this.o.name, err: err instanceof Error ? err.message : String(err) }, 'outbox relay failed; unsent rows wait for the next pass');
    this.failing = true;
  }
}
