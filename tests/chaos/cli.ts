// `npm run chaos`: the full chaos suite — 20 kill -9 of each consumer service, Redis and PostgreSQL each
// cut off twice for 30 s, over about 10,000 lockstep ticks — next to the same seed without faults. Prints
// the figures and writes bench/results/chaos.json; exits 1 when an invariant breaks or the runs differ.
// Options (environment): CHAOS_SEED, CHAOS_SECONDS, CHAOS_KILLS, CHAOS_OUTAGES, CHAOS_OUTAGE_MS.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChaos, type ChaosOptions } from './harness';
import { compareRuns } from './invariants';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const options: Omit<ChaosOptions, 'label' | 'faults'> = {
  seed: env('CHAOS_SEED', 23),
  symbols: ['TSLA', 'NVDA', 'AAPL'],
  durationSeconds: env('CHAOS_SECONDS', 1_900),
  killsPerService: env('CHAOS_KILLS', 20),
  redisOutages: env('CHAOS_OUTAGES', 2),
  postgresOutages: env('CHAOS_OUTAGES', 2),
  outageMs: env('CHAOS_OUTAGE_MS', 30_000),
  log: (m) => process.stdout.write(`${new Date().toISOString()} ${m}\n`),
};

async function main(): Promise<void> {
  const reference = await runChaos({ ...options, label: 'reference', faults: false });
  const chaos = await runChaos({ ...options, label: 'chaos', faults: true });
  const comparison = compareRuns(reference.record, chaos.record);
  const summary = {
    at: new Date().toISOString(),
    seed: options.seed,
    ticks: chaos.ticks,
    kills: chaos.kills,
    restarts: chaos.restarts,
    redisOutages: chaos.redisOutages,
    postgresOutages: chaos.postgresOutages,
    outageMs: chaos.outageMs,
    cutConnections: chaos.cutConnections,
    decisions: chaos.record.decisions.length,
    orders: chaos.record.orders.length,
    fills: chaos.record.fills.length,
    ...comparison,
    violations: { reference: reference.record.violations, chaos: chaos.record.violations },
    durationS: { reference: Math.round(reference.durationMs / 1000), chaos: Math.round(chaos.durationMs / 1000) },
  };
  const out = join(__dirname, '..', '..', 'bench', 'results', 'chaos.json');
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  const ok = comparison.identical && comparison.lost === 0 && comparison.duplicated === 0 && summary.violations.chaos.length === 0 && summary.violations.reference.length === 0;
  process.stdout.write(ok ? 'chaos: passed\n' : 'chaos: FAILED\n');
  process.exit(ok ? 0 : 1);
}

main().catch((err: Error) => {
  process.stderr.write(`chaos: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
