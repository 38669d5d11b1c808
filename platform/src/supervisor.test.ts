// The supervisor's restart backoff: doubling from the initial delay, capped (processes are exercised on
// real services in tests/integration/platform/supervisor.test.ts).
import { backoffDelay } from './supervisor';

test('restart delays double per consecutive crash and stop at the cap', () => {
  expect([1, 2, 3, 4].map((n) => backoffDelay(n))).toEqual([500, 1000, 2000, 4000]);
  expect(backoffDelay(20)).toBe(15_000);
  expect(backoffDelay(3, { initialMs: 100, maxMs: 250 })).toBe(250);
});
