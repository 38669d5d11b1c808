// `npm test`: prepares everything the tests need (dependencies, native build, Prisma client, local
// Redis/PostgreSQL, migrations, Chromium), checks the committed supergraph, runs the Rust core's tests
// and the jest suites (unit, architecture, integration, browser), and ends with `tests: N passed, N failed`.
// Extra arguments go to jest, e.g. `npm test -- tests/integration/bus`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, hasCommand, log, useTestInfrastructure } from './lib.mjs';
import { migrate, setup } from './setup.mjs';

let passed = 0;
let failed = 0;
const problems = [];

function step(name, fn) {
  log(name);
  try {
    fn();
  } catch (err) {
    failed += 1;
    problems.push(`${name}: ${err.message}`);
  }
}

// Hermetic: the tests run on their own Redis server and PostgreSQL database, never on what `npm start` uses.
useTestInfrastructure();
await setup();
const env = { ...process.env };
if (existsSync(join(ROOT, 'native', `aitrader-native.${process.platform}-${process.arch}-gnu.node`))) env.AITRADER_REQUIRE_NATIVE ??= '1';

step('applying migrations', () => migrate(env.DATABASE_URL));

step('type-checking (tsc, strict)', () => {
  const r = spawnSync(join(BIN, 'tsc'), ['-p', join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error('tsc reported errors');
});

step('type-checking the dashboard (tsc, strict)', () => {
  const r = spawnSync(join(BIN, 'tsc'), ['-p', join(ROOT, 'dashboard', 'tsconfig.json')], { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error('tsc reported errors in dashboard/');
});

// The dashboard's browser tests drive Debian's Chromium with playwright-core.
step('Chromium for the browser tests', () => {
  if (!hasCommand('chromium')) {
    const r = spawnSync('bash', [join(ROOT, 'scripts', 'infra.sh'), 'chromium'], { cwd: ROOT, stdio: 'inherit', env });
    if (r.status !== 0) throw new Error('could not install chromium');
  }
});

step('checking the committed supergraph', () => {
  const r = spawnSync(join(BIN, 'tsx'), [join(ROOT, 'tools', 'src', 'supergraph', 'cli.ts'), 'check'], { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error('supergraph check failed');
});

step('schema checks (breaking changes, shipped operations)', () => {
  const r = spawnSync(join(BIN, 'tsx'), [join(ROOT, 'tools', 'src', 'schema-check', 'cli.ts'), '--base', 'HEAD'], { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error('schema checks failed');
});

step('checking the generated resolver types', () => {
  const r = spawnSync(join(BIN, 'tsx'), [join(ROOT, 'scripts', 'codegen-check.ts')], { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error('generated resolver types are stale');
});

if (hasCommand('cargo')) {
  log('Rust pattern core: cargo test');
  const r = spawnSync('cargo', ['test', '--release', '--manifest-path', join(ROOT, 'native', 'Cargo.toml'), '-p', 'aitrader-pattern-core'], { cwd: ROOT, encoding: 'utf8', env });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  for (const m of r.stdout.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (r.status !== 0 && !/test result: FAILED/.test(r.stdout)) {
    failed += 1;
    problems.push('cargo test did not run');
  }
}

// The dashboard's production build, made before the tests (not inside the browser tests, where
// `next build` would take both cores from timing-sensitive integration tests running beside it).
step('building the dashboard (next build, when its sources changed)', () => {
  const r = spawnSync(join(BIN, 'tsx'), [join(ROOT, 'dashboard', 'build.ts')], { cwd: ROOT, stdio: 'inherit', env: { ...env, LOG_LEVEL: 'warn' } });
  if (r.status !== 0) throw new Error('the dashboard does not build');
});

/** One jest run; its counts are added to the totals. */
function jest(label, args) {
  log(`jest: ${label}`);
  const results = join(ROOT, `.jest-results${label === 'browser' ? '-browser' : ''}.json`);
  rmSync(results, { force: true });
  spawnSync(join(BIN, 'jest'), ['--json', `--outputFile=${results}`, '--maxWorkers=2', ...args], { cwd: ROOT, stdio: 'inherit', env });
  if (!existsSync(results)) {
    failed += 1;
    problems.push(`jest (${label}) produced no results`);
    return;
  }
  const report = JSON.parse(readFileSync(results, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  if (report.numTotalTests === 0) {
    failed += 1;
    problems.push(`jest (${label}) ran no tests`);
  }
}

const extra = process.argv.slice(2);
if (extra.length > 0) jest('selected tests', extra);
else {
  // The browser tests (Chromium and a full stack) run on their own, after the rest.
  jest('unit, architecture and integration tests', ['--selectProjects', 'unit', 'architecture', 'integration']);
  jest('browser', ['--selectProjects', 'browser']);
}

for (const p of problems) log(`FAILED ${p}`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
