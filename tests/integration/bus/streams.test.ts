// The Redis bus against a real Redis: consumer groups hand each message to exactly one consumer, a
// consumer that dies before acking gets its messages back on restart (or another consumer claims
// them), and bad messages go to the dead-letter stream while the consumer keeps going.
import Redis from 'ioredis';
import { StreamPublisher, topicConsumer, InvalidMessageError, type Signal, type StreamConsumer } from '@aitrader/platform';
import { REDIS_URL, fieldsOf, uniquePrefix, waitFor } from '../support/env';

const redis = new Redis(REDIS_URL);
const consumers: StreamConsumer<unknown>[] = [];
afterEach(async () => {
  await Promise.all(consumers.splice(0).map((c) => c.stop().catch(() => undefined)));
});
afterAll(() => redis.quit());

const signal = (i: number): Signal => ({ symbol: 'AAPL', score: ((i % 200) - 100) / 100, timestamp: new Date(Date.UTC(2025, 8, 27, 10, 0, i % 60)).toISOString(), detector: `t${i}` });

function track<T>(c: StreamConsumer<T>): StreamConsumer<T> {
  consumers.push(c as StreamConsumer<unknown>);
  return c;
}

const fast = { blockMs: 50, retryDelayMs: 20, claimIntervalMs: 50, startId: '0' as const };

test('each message is handled exactly once by a group with two consumers', async () => {
  const prefix = uniquePrefix('once');
  const publisher = new StreamPublisher(redis, { prefix });
  const seen = new Map<string, string[]>();
  const handler = (name: string) => async (m: Signal) => {
    seen.set(m.detector!, [...(seen.get(m.detector!) ?? []), name]);
  };
  for (const name of ['c1', 'c2']) {
    await track(topicConsumer('signals', { prefix, redis, group: 'strategy', consumer: name, handler: handler(name), ...fast })).start();
  }
  const ids = await publisher.publishMany('signals', Array.from({ length: 300 }, (_, i) => signal(i)));
  expect(ids).toHaveLength(300);
  await waitFor(() => seen.size === 300, 10_000, '300 messages');
  await new Promise((r) => setTimeout(r, 200)); // would reveal late duplicates
  expect([...seen.values()].every((handlers) => handlers.length === 1)).toBe(true);
  const handledBy = new Set([...seen.values()].flat());
  expect(handledBy.size).toBe(2); // both consumers took part
  const pending = (await redis.xpending(`${prefix}signals`, 'strategy')) as [number, ...unknown[]];
  expect(pending[0]).toBe(0); // everything acked
});

test('a consumer that dies before acking gets the message redelivered on restart', async () => {
  const prefix = uniquePrefix('restart');
  const publisher = new StreamPublisher(redis, { prefix });
  let started!: () => void;
  const inHandler = new Promise<void>((r) => (started = r));
  const dying = topicConsumer('signals', {
    prefix, redis, group: 'g', consumer: 'worker-1', ...fast,
    handler: () => { started(); return new Promise<void>(() => undefined); }, // hangs: the process "dies" here
  });
  await dying.start();
  await publisher.publish('signals', signal(1));
  await inHandler;
  dying.kill();

  const received: { detector?: string; deliveries: number }[] = [];
  await track(topicConsumer('signals', {
    prefix, redis, group: 'g', consumer: 'worker-1', ...fast,
    handler: async (m, meta) => { received.push({ detector: m.detector, deliveries: meta.deliveries }); },
  })).start();
  await waitFor(() => received.length === 1, 5_000, 'redelivery');
  expect(received[0]).toEqual({ detector: 't1', deliveries: 2 });
});

test("another consumer claims a dead consumer's pending message after the idle timeout", async () => {
  const prefix = uniquePrefix('claim');
  const publisher = new StreamPublisher(redis, { prefix });
  let started!: () => void;
  const inHandler = new Promise<void>((r) => (started = r));
  const dying = topicConsumer('signals', {
    prefix, redis, group: 'g', consumer: 'dead', ...fast,
    handler: () => { started(); return new Promise<void>(() => undefined); },
  });
  await dying.start();
  await publisher.publish('signals', signal(7));
  await inHandler;
  dying.kill();

  const received: string[] = [];
  const survivor = track(topicConsumer('signals', {
    prefix, redis, group: 'g', consumer: 'alive', ...fast, claimIdleMs: 100,
    handler: async (m) => { received.push(m.detector!); },
  }));
  await survivor.start();
  await waitFor(() => received.length === 1, 5_000, 'claim');
  expect(received).toEqual(['t7']);
  expect(survivor.stats.claimed).toBe(1);
});

test('invalid messages are dead-lettered with the reason and the consumer keeps going', async () => {
  const prefix = uniquePrefix('dlq');
  const stream = `${prefix}signals`;
  const handled: string[] = [];
  const consumer = track(topicConsumer('signals', {
    prefix, redis, group: 'g', consumer: 'c', ...fast,
    handler: async (m) => { handled.push(m.detector!); },
  }));
  await consumer.start();
  await redis.xadd(stream, '*', 'data', JSON.stringify(signal(1)));
  await redis.xadd(stream, '*', 'data', '{not json');
  await redis.xadd(stream, '*', 'data', JSON.stringify({ symbol: 'AAPL', score: 7, timestamp: '2025-09-27T10:00:00Z' }));
  await redis.xadd(stream, '*', 'other', 'field');
  await redis.xadd(stream, '*', 'data', JSON.stringify(signal(2)));
  await waitFor(() => handled.length === 2 && consumer.stats.deadLettered === 3, 5_000, 'dead letters');
  expect(handled).toEqual(['t1', 't2']);

  const dead = (await redis.xrange(consumer.deadLetterStream, '-', '+')).map(([, f]) => fieldsOf(f));
  expect(dead.map((d) => d.reason)).toEqual(['invalid', 'invalid', 'invalid']);
  expect(dead[0]!.error).toMatch(/not valid JSON/);
  expect(dead[1]!.error).toMatch(/score/);
  expect(dead[1]!.data).toContain('"score":7'); // the raw payload is kept: nothing is lost
  expect(dead[2]!.error).toMatch(/no "data" field/);
  expect(dead.every((d) => d.deliveries === '1' && d.stream === stream)).toBe(true);
  const pending = (await redis.xpending(stream, 'g')) as [number, ...unknown[]];
  expect(pending[0]).toBe(0);
});

test('a message whose handler keeps failing is retried, then dead-lettered with its delivery count', async () => {
  const prefix = uniquePrefix('poison');
  const publisher = new StreamPublisher(redis, { prefix });
  const attempts: number[] = [];
  const handled: string[] = [];
  const consumer = track(topicConsumer('signals', {
    prefix, redis, group: 'g', consumer: 'c', ...fast, maxDeliveries: 3,
    handler: async (m, meta) => {
      if (m.detector === 't1') { attempts.push(meta.deliveries); throw new Error('downstream unavailable'); }
      handled.push(m.detector!);
    },
  }));
  await consumer.start();
  await publisher.publishMany('signals', [signal(1), signal(2)]);
  await waitFor(() => handled.length === 1, 5_000, 'the message after the poison one');
  expect(attempts).toEqual([1, 2, 3]);
  expect(handled).toEqual(['t2']); // order kept: t2 waited for t1 to be settled
  const [entry] = await redis.xrange(consumer.deadLetterStream, '-', '+');
  const dead = fieldsOf(entry![1]);
  expect(dead).toMatchObject({ reason: 'failed', error: 'downstream unavailable', deliveries: '3' });
});

test('producers cannot publish a message their schema rejects', async () => {
  const publisher = new StreamPublisher(redis, { prefix: uniquePrefix('producer') });
  await expect(publisher.publish('signals', { symbol: 'aapl', score: 0.5, timestamp: 'yesterday' })).rejects.toBeInstanceOf(InvalidMessageError);
  await expect(publisher.publish('orders', { clientOrderId: 'x', accountId: 'a', symbol: 'AAPL', side: 'BUY', type: 'LIMIT', quantity: 1, timestamp: '2025-09-27T10:00:00Z' })).rejects.toThrow(/limitPrice/);
});
