// Health folding: critical dependencies down → down; anything else not ok → degraded; timeouts count.
import { overallStatus, runChecks, type DependencyCheck } from './health';

const ok: DependencyCheck = { name: 'redis', check: async () => undefined };
const failing: DependencyCheck = { name: 'postgres', check: async () => { throw new Error('ECONNREFUSED'); } };
const slow: DependencyCheck = { name: 'slow', critical: false, check: () => new Promise((r) => setTimeout(r, 500)) };
const degraded: DependencyCheck = { name: 'sub', check: async () => ({ status: 'degraded', version: '1' }) };

test('all ok → ok', async () => {
  const r = await runChecks([ok], 100);
  expect(r.redis).toMatchObject({ status: 'ok' });
  expect(overallStatus([ok], r)).toBe('ok');
});

test('a critical dependency down → down, with its error', async () => {
  const r = await runChecks([ok, failing], 100);
  expect(r.postgres).toMatchObject({ status: 'down', error: 'ECONNREFUSED' });
  expect(overallStatus([ok, failing], r)).toBe('down');
});

test('a non-critical dependency timing out or a degraded one → degraded', async () => {
  const r = await runChecks([ok, slow, degraded], 50);
  expect(r.slow).toMatchObject({ status: 'down', error: 'timed out after 50 ms' });
  expect(r.sub).toMatchObject({ status: 'degraded', version: '1' });
  expect(overallStatus([ok, slow, degraded], r)).toBe('degraded');
});

test('an informational dependency is reported but never changes the status', async () => {
  const dashboard: DependencyCheck = { name: 'dashboard', critical: false, informational: true, check: () => Promise.reject(new Error('connection refused')) };
  const r = await runChecks([ok, dashboard], 200);
  expect(r.dashboard).toMatchObject({ status: 'down', error: 'connection refused' });
  expect(overallStatus([ok, dashboard], r)).toBe('ok');
});
