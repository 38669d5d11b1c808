// The drain check a lockstep replay waits on, against a real Redis: a stream is busy while any of its
// consumer groups has entries not yet delivered or not yet acked, and waiting times out with a typed error.
import Redis from 'ioredis';
import { busyStreams, DrainTimeoutError, StreamPublisher, waitForDrain } from '@aitrader/platform';
import { REDIS_URL, uniquePrefix } from '../support/env';

const redis = new Redis(REDIS_URL);
afterAll(() => redis.quit());

const signal = { symbol: 'AAPL', score: 0.5, timestamp: '2025-09-27T10:00:00Z' };

test('busy until every group has received and acked every entry', async () => {
  const prefix = uniquePrefix('drain');
  const stream = `${prefix}signals`;
  expect(await busyStreams(redis, ['signals', 'orders'], prefix)).toEqual([]); // no streams yet

  await redis.xgroup('CREATE', stream, 'a', '$', 'MKSTREAM');
  await redis.xgroup('CREATE', stream, 'b', '$');
  expect(await busyStreams(redis, ['signals'], prefix)).toEqual([]);

  await new StreamPublisher(redis, { prefix }).publish('signals', signal);
  expect(await busyStreams(redis, ['signals', 'orders'], prefix)).toEqual(['signals']); // undelivered

  const read = async (group: string) => {
    const reply = (await redis.xreadgroup('GROUP', group, 'c1', 'COUNT', 10, 'STREAMS', stream, '>')) as [string, [string, string[]][]][];
    return reply[0]![1].map(([id]) => id);
  };
  const [id] = await read('a');
  await redis.xack(stream, 'a', id!);
  expect(await busyStreams(redis, ['signals'], prefix)).toEqual(['signals']); // group b has not read it

  await read('b');
  expect(await busyStreams(redis, ['signals'], prefix)).toEqual(['signals']); // delivered, not acked
  await expect(waitForDrain(redis, ['signals'], { prefix, timeoutMs: 50 })).rejects.toBeInstanceOf(DrainTimeoutError);

  const waiting = waitForDrain(redis, ['signals'], { prefix, timeoutMs: 5_000 });
  await redis.xack(stream, 'b', id!);
  await expect(waiting).resolves.toBeUndefined();
});
