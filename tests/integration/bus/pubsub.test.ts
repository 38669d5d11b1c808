// Plain pub/sub as the seed uses it (`PUBLISH signals '{...}'`), against a real Redis.
import Redis from 'ioredis';
import { Signal, StreamPublisher, subscribeChannel } from '@aitrader/platform';
import { REDIS_URL, uniquePrefix, waitFor } from '../support/env';

const redis = new Redis(REDIS_URL);
afterAll(() => redis.quit());

test("the seed's PUBLISH payload is received and a bad one is dead-lettered", async () => {
  const prefix = uniquePrefix('pubsub');
  const channel = `${prefix}signals`;
  const received: Signal[] = [];
  const sub = await subscribeChannel({ redis, channel, schema: Signal, handler: (m) => { received.push(m); } });
  try {
    await redis.publish(channel, '{"symbol": "AAPL", "score": 0.75, "timestamp": "2025-09-27T10:00:00Z"}');
    await redis.publish(channel, '{"symbol": "AAPL", "score": "high"}');
    await new StreamPublisher(redis, { prefix }).broadcast('signals', { symbol: 'MSFT', score: -0.5, timestamp: '2025-09-27T10:00:01Z' });
    await waitFor(() => received.length === 2, 5_000, 'two signals');
    expect(received.map((s) => [s.symbol, s.score])).toEqual([['AAPL', 0.75], ['MSFT', -0.5]]);
    await waitFor(async () => (await redis.xlen(`${channel}:dlq`)) === 1, 5_000, 'dead letter');
    const [entry] = await redis.xrange(`${channel}:dlq`, '-', '+');
    expect(entry?.[1]).toEqual(expect.arrayContaining(['reason', 'invalid', 'data', '{"symbol": "AAPL", "score": "high"}']));
  } finally {
    await sub.close();
  }
});
