// The progress throttle: at most one write per interval, no overlapping writes, the last value flushed.
import { createProgressThrottle } from './progress';

function setup(minIntervalMs = 100) {
  let now = 0;
  const written: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const throttle = createProgressThrottle({
    minIntervalMs,
    now: () => now,
    write: async (p) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      written.push(p);
      inFlight -= 1;
    },
  });
  return { throttle, written, advance: (ms: number) => (now += ms), maxInFlight: () => maxInFlight };
}

test('writes the first report, then at most one per interval, and the last one on flush', async () => {
  const { throttle, written, advance, maxInFlight } = setup(100);
  for (let i = 1; i <= 50; i++) {
    throttle.report(i / 50);
    advance(10); // 50 reports over 500 ms
  }
  await throttle.flush();
  expect(written[0]).toBe(0.02);
  expect(written.at(-1)).toBe(1);
  expect(written.length).toBeGreaterThanOrEqual(5);
  expect(written.length).toBeLessThanOrEqual(7);
  expect(written).toEqual([...written].sort((a, b) => a - b));
  expect(maxInFlight()).toBe(1);
  expect(throttle.writes()).toBe(written.length);
});

test('flush writes nothing new when the last value is already written; failed writes are reported, not thrown', async () => {
  const { throttle, written } = setup(0);
  throttle.report(0.5);
  await throttle.flush();
  await throttle.flush();
  expect(written).toEqual([0.5]);

  const errors: unknown[] = [];
  const failing = createProgressThrottle({ minIntervalMs: 0, write: () => Promise.reject(new Error('db down')), onError: (e) => errors.push(e) });
  failing.report(0.1);
  failing.report(0.2);
  await expect(failing.flush()).resolves.toBeUndefined();
  expect(errors).toHaveLength(2);
});
