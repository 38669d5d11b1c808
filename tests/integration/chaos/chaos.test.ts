// The chaos suite, CI-sized (`npm run chaos` runs the full one): the loop's five consumer services as
// real processes, each killed with -9 at a random tick, Redis and PostgreSQL each cut off once, over a
// seeded lockstep market. Afterwards every invariant holds and the run's decisions, orders and fills are
// those of the same seed run without faults: nothing lost, nothing doubled.
import { CHAOS_SERVICES, runChaos, type ChaosOptions } from '../../chaos/harness';
import { compareRuns } from '../../chaos/invariants';

jest.setTimeout(900_000);

const base: Omit<ChaosOptions, 'label' | 'faults'> = {
  seed: 11, symbols: ['TSLA', 'NVDA'], durationSeconds: 300, killsPerService: 1, redisOutages: 1, postgresOutages: 1, outageMs: 3_000,
};

test('kill -9 of every consumer service and Redis/PostgreSQL outages lose and double nothing', async () => {
  const reference = await runChaos({ ...base, label: 'reference', faults: false });
  expect(reference.record.violations).toEqual([]);
  expect(reference.record.fills.length).toBeGreaterThan(0); // the loop traded

  const chaos = await runChaos({ ...base, label: 'chaos', faults: true, log: (m) => process.stdout.write(`${m}\n`) });
  for (const service of CHAOS_SERVICES) {
    expect([service, chaos.kills[service]]).toEqual([service, 1]);
    expect(chaos.restarts[service]).toBeGreaterThanOrEqual(1);
  }
  expect([chaos.redisOutages, chaos.postgresOutages]).toEqual([1, 1]);
  expect(chaos.record.violations).toEqual([]);
  expect(compareRuns(reference.record, chaos.record)).toEqual({ lost: 0, duplicated: 0, identical: true });
  expect(chaos.record.decisions).toEqual(reference.record.decisions);
  expect(chaos.record.orders).toEqual(reference.record.orders);
  expect(chaos.record.fills).toEqual(reference.record.fills);
});
