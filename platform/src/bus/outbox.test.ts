// The outbox relay's rules, over an in-memory stand-in for the `outbox` table (the real table, lock and
// crashes are exercised in tests/integration/execution and /strategy): rows go out in id order, only a
// relay's own, each marked sent once out; a failed send stops the pass there and the next pass resumes
// from it; a flush during a pass gets a pass of its own; a row its schema no longer accepts is
// dead-lettered instead of blocking the rest.
import type { PrismaClient } from '@aitrader/prisma';
import type { Redis } from 'ioredis';
import type { Fill } from '../messages';
import { eventMessage, Outbox, streamMessage, type OutboxTransaction } from './outbox';
import { InvalidMessageError, StreamPublisher } from './publisher';

interface Row { id: bigint; relay: string; kind: 'STREAM' | 'PUBSUB'; topic: string; payload: string; dedupKey: string | null; sentAt: Date | null }

/** The slice of a Prisma client the outbox uses, over an array. */
function fakeDatabase() {
  const rows: Row[] = [];
  let next = 1n;
  const outboxMessage = {
    createMany: async ({ data, skipDuplicates }: { data: Omit<Row, 'id' | 'sentAt'>[]; skipDuplicates: boolean }) => {
      for (const d of data) {
        if (d.dedupKey !== null && rows.some((r) => r.dedupKey === d.dedupKey)) {
          if (skipDuplicates) continue;
          throw new Error('unique violation');
        }
        rows.push({ ...d, id: next++, sentAt: null });
      }
    },
    findMany: async ({ where, take }: { where: { relay: string }; take: number }) =>
      rows.filter((r) => r.relay === where.relay && r.sentAt === null).sort((a, b) => Number(a.id - b.id)).slice(0, take),
    updateMany: async ({ where, data }: { where: { id: { in: bigint[] } }; data: { sentAt: Date } }) => {
      for (const r of rows) if (where.id.in.includes(r.id)) r.sentAt = data.sentAt;
    },
    deleteMany: async () => ({ count: 0 }),
  };
  const client = { outboxMessage, $executeRaw: async () => 0 };
  const prisma = { ...client, $transaction: async (fn: (tx: unknown) => Promise<unknown>) => fn(client) } as unknown as PrismaClient;
  return { prisma, rows, tx: client as unknown as OutboxTransaction };
}

/** A publisher that records what it sends (validated, as the real one does) and can be made to wait. */
class RecordingPublisher extends StreamPublisher {
  readonly sent: unknown[] = [];
  wait?: Promise<void>;

  constructor() {
    super({} as Redis, { prefix: 'p:' });
  }

  override async publish(topic: Parameters<StreamPublisher['publish']>[0], message: Parameters<StreamPublisher['publish']>[1]): Promise<string> {
    const wait = this.wait;
    this.wait = undefined;
    await wait;
    this.sent.push({ topic, ...this.validate(topic, message) });
    return `${this.sent.length}-0`;
  }
}

const fill = (n: number): Fill => ({ tradeId: `t-${n}`, orderId: 'o', clientOrderId: 'c', accountId: 'a', symbol: 'AAPL', side: 'BUY', quantity: n, price: 100, fee: 0, timestamp: '2026-01-05T15:00:00.000Z' });

function setup() {
  const db = fakeDatabase();
  const publisher = new RecordingPublisher();
  const events: [string, unknown][] = [];
  const outbox = new Outbox({ prisma: db.prisma, publisher, name: 'p:execution', events: { publish: async (channel, payload) => void events.push([channel, payload]) } });
  const quantities = () => publisher.sent.map((m) => (m as Fill).quantity);
  return { ...db, publisher, events, outbox, quantities };
}

test('rows go out in the order written (streams and events alike), each marked sent, once', async () => {
  const { tx, rows, outbox, quantities, events } = setup();
  await outbox.write(tx, [streamMessage('fills', fill(1), 't-1'), eventMessage('p:fills:updates', { n: 1 }), streamMessage('fills', fill(2), 't-2')]);
  expect(await outbox.flush()).toBe(3);
  expect(quantities()).toEqual([1, 2]);
  expect(events).toEqual([['p:fills:updates', { n: 1 }]]);
  expect(rows.every((r) => r.sentAt !== null)).toBe(true);
  expect(await outbox.flush()).toBe(0);
  expect(quantities()).toEqual([1, 2]);
});

test('a message queued again under its dedup key is not queued twice', async () => {
  const { tx, rows, outbox } = setup();
  await outbox.write(tx, [streamMessage('fills', fill(1), 't-1')]);
  await outbox.write(tx, [streamMessage('fills', fill(1), 't-1')]);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.dedupKey).toBe('p:execution:fills:t-1');
});

test('a message its topic refuses is refused at write time, with nothing queued', async () => {
  const { tx, rows, outbox } = setup();
  await expect(outbox.write(tx, [streamMessage('fills', { ...fill(1), quantity: -1 })])).rejects.toBeInstanceOf(InvalidMessageError);
  const mute = new Outbox({ prisma: fakeDatabase().prisma, publisher: new RecordingPublisher(), name: 'x' });
  await expect(mute.write(tx, [eventMessage('c', {})])).rejects.toThrow('no event sink');
  expect(rows).toEqual([]);
});

test('a failed send stops the pass there: what went before is marked, the rest waits, in order, for the next pass', async () => {
  const { tx, rows, outbox, publisher, quantities } = setup();
  await outbox.write(tx, [1, 2, 3].map((n) => streamMessage('fills', fill(n))));
  let sends = 0;
  const original = publisher.publish.bind(publisher);
  publisher.publish = async (...args) => {
    sends += 1;
    if (sends === 2) throw new Error('redis down');
    return original(...args);
  };
  await expect(outbox.flush()).rejects.toThrow('redis down');
  expect(quantities()).toEqual([1]);
  expect(rows.map((r) => r.sentAt !== null)).toEqual([true, false, false]);
  expect(outbox.stats.failures).toBe(1);
  await outbox.afterCommit(); // resolves even if it failed: the rows are safe
  expect(quantities()).toEqual([1, 2, 3]);
});

test('only the relay\'s own rows are sent: another deployment\'s (another prefix) stay for theirs', async () => {
  const { tx, rows, prisma, publisher, quantities } = setup();
  const mine = new Outbox({ prisma, publisher, name: 'p:execution' });
  const theirs = new Outbox({ prisma, publisher: new RecordingPublisher(), name: 'q:execution' });
  await theirs.write(tx, [streamMessage('fills', fill(9))]);
  await mine.write(tx, [streamMessage('fills', fill(1))]);
  expect(await mine.flush()).toBe(1);
  expect(quantities()).toEqual([1]);
  expect(rows.find((r) => r.relay === 'q:execution')!.sentAt).toBeNull();
});

test('a flush asked for during a pass gets a pass after it: a row committed meanwhile is not left behind', async () => {
  const { tx, outbox, publisher, quantities } = setup();
  await outbox.write(tx, [streamMessage('fills', fill(1))]);
  let release!: () => void;
  publisher.wait = new Promise<void>((resolve) => (release = resolve));
  const first = outbox.flush(); // reads row 1, then waits in its send
  await new Promise((resolve) => setImmediate(resolve));
  await outbox.write(tx, [streamMessage('fills', fill(2))]);
  const second = outbox.flush();
  release();
  expect(await first).toBe(1);
  expect(await second).toBe(1);
  expect(quantities()).toEqual([1, 2]);
});

test('a row its topic\'s schema no longer accepts is dead-lettered, and the rows after it still go out', async () => {
  const { prisma, rows, tx, publisher, quantities } = setup();
  const deadLetters: string[][] = [];
  const redis = { xadd: async (...args: string[]) => void deadLetters.push(args) } as unknown as Redis;
  const outbox = new Outbox({ prisma, publisher, name: 'p:execution', redis });
  await outbox.write(tx, [streamMessage('fills', fill(1)), streamMessage('fills', fill(2))]);
  rows[0]!.payload = JSON.stringify({ ...fill(1), quantity: 0 }); // as if the schema had changed since
  expect(await outbox.flush()).toBe(2);
  expect(quantities()).toEqual([2]);
  expect(deadLetters).toHaveLength(1);
  expect(deadLetters[0]!.slice(0, 2)).toEqual(['p:fills:dlq', '*']);
  expect(outbox.stats.deadLettered).toBe(1);
  expect(rows.every((r) => r.sentAt !== null)).toBe(true);
});

test('start sends what an earlier process left unsent; stop ends the interval', async () => {
  const { tx, prisma, publisher, quantities } = setup();
  const crashed = new Outbox({ prisma, publisher, name: 'p:execution' });
  await crashed.write(tx, [streamMessage('fills', fill(1))]);
  const next = new Outbox({ prisma, publisher, name: 'p:execution', intervalMs: 10 });
  await next.start();
  expect(quantities()).toEqual([1]);
  await crashed.write(tx, [streamMessage('fills', fill(2))]);
  await new Promise((resolve) => setTimeout(resolve, 50)); // the interval pass
  expect(quantities()).toEqual([1, 2]);
  await next.stop();
  await crashed.write(tx, [streamMessage('fills', fill(3))]);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(quantities()).toEqual([1, 2]);
});
