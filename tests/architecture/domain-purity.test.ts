// Domain layers are pure: loading any subgraph's `domain` (its index and every file in it) must not
// load a transport or storage library. Checked at run time in a fresh Node process (tsx), so a
// re-export through a barrel is caught as surely as a direct import.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FORBIDDEN = ['ioredis', '@prisma', 'prisma', 'express', 'graphql', '@apollo', 'pg', 'ws', 'pino'];
const SUBGRAPHS = readdirSync(join(ROOT, 'subgraphs'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Packages (node_modules/<name>) loaded by requiring every non-test file of a domain folder. */
function packagesLoadedBy(domainDir: string): string[] {
  const script = `
    const { readdirSync } = require('node:fs');
    const { join } = require('node:path');
    const dir = ${JSON.stringify(domainDir)};
    for (const f of readdirSync(dir)) if (/\\.ts$/.test(f) && !/\\.test\\.ts$/.test(f)) require(join(dir, f));
    const names = new Set();
    for (const path of Object.keys(require.cache)) {
      const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(path.slice(path.lastIndexOf('node_modules/')));
      if (m) names.add(m[1]);
    }
    process.stdout.write(JSON.stringify([...names].sort()));
  `;
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`loading ${domainDir} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout) as string[];
}

test('every subgraph has a domain folder', () => {
  for (const name of SUBGRAPHS) expect(readdirSync(join(ROOT, 'subgraphs', name, 'src'))).toContain('domain');
});

test.each(SUBGRAPHS)('importing the %s domain loads no ioredis, Prisma, express, graphql or pino module', (name) => {
  const loaded = packagesLoadedBy(join(ROOT, 'subgraphs', name, 'src', 'domain'));
  const forbidden = loaded.filter((pkg) => FORBIDDEN.some((f) => pkg === f || pkg.startsWith(`${f}/`) || pkg.startsWith('@prisma/')));
  expect(forbidden).toEqual([]);
});

test('the probe sees a transport library when a folder does load one (the bus loads ioredis)', () => {
  expect(packagesLoadedBy(join(ROOT, 'platform', 'src', 'bus'))).toContain('ioredis');
});
