// `npm start`: sets up what is missing (dependencies, native build, Prisma client, local Redis and
// PostgreSQL when the URLs point here), applies pending migrations, then runs every service of the
// registry (platform/src/registry.ts) as its own supervised process — the subgraphs, the GPU runner, the
// worker, the dashboard and the gateway last — restarting any that dies, and stops them all together.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BIN, DEFAULT_DATABASE_URL, ROOT, log, run } from './lib.mjs';
import { migrate, setup } from './setup.mjs';

await setup();
migrate(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);

// The registry is TypeScript: read once dependencies (tsx) are installed.
const { tsImport } = await import('tsx/esm/api');
const { runnableServices } = await tsImport(join(ROOT, 'platform', 'src', 'registry.ts'), import.meta.url);
const { supervise } = await tsImport(join(ROOT, 'platform', 'src', 'supervisor.ts'), import.meta.url);
const PROCESSES = runnableServices().map((s) => [s.name, join(s.folder, 'main.ts'), s.defaultPort, s.portVariable]);

// The secret every process shares to sign the caller it passes on: made once, kept in a git-ignored file.
const localFile = join(ROOT, '.aitrader', 'local.json');
if (!existsSync(localFile)) {
  mkdirSync(dirname(localFile), { recursive: true });
  writeFileSync(localFile, JSON.stringify({ internalSecret: randomBytes(32).toString('hex') }, null, 2), { mode: 0o600 });
}
// The development admin key: made once into the same file and registered in the database (api_keys) on
// every start; the playground pre-fills it. Production keys come from `npm run keys -- create`.
if (process.env.NODE_ENV !== 'production') run(join(BIN, 'tsx'), [join(ROOT, 'platform', 'src', 'auth', 'keys-cli.ts'), 'ensure-local', localFile], { stdio: ['ignore', 'ignore', 'inherit'] });
const local = JSON.parse(readFileSync(localFile, 'utf8'));
const env = {
  ...process.env,
  LOG_FORMAT: process.env.LOG_FORMAT || 'pretty',
  INTERNAL_SECRET: process.env.INTERNAL_SECRET || local.internalSecret,
  ...(local.adminKey ? { AITRADER_LOCAL_ADMIN_KEY: local.adminKey } : {}),
};
// The dashboard's production build, made here (only when its sources changed) so that its process
// answers /health as soon as it starts.
run(join(BIN, 'tsx'), [join(ROOT, 'dashboard', 'build.ts')], { env, stdio: ['ignore', 'inherit', 'inherit'] });
// Supervised: a service that dies is restarted with backoff (crash-only); only Ctrl-C or SIGTERM stops
// the platform, and then the whole tree.
const platform = supervise(
  PROCESSES.map(([name, entry]) => ({ name, entry: join(ROOT, entry) })),
  { cwd: ROOT, env, log },
);
let stopping = false;
async function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping the platform`);
  await platform.stop();
  process.exit(0);
}
process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGTERM', () => stopAll('SIGTERM'));
process.on('SIGHUP', () => stopAll('SIGHUP'));
// `npm start` runs this under `sh -c`: a SIGTERM to npm kills the shell but never reaches here, so a
// change of parent (reparented to init) means whoever started the platform is gone.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stopAll('parent exited');
}, 500).unref();

const host = '127.0.0.1';
const port = (p) => Number(env[p[3]] || p[2]);
const deadline = Date.now() + 60_000;
const pending = new Set(PROCESSES.map((p) => p[0]));
while (pending.size > 0 && Date.now() < deadline && !stopping) {
  for (const p of PROCESSES) {
    if (!pending.has(p[0])) continue;
    const ok = await fetch(`http://${host}:${port(p)}/health`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
    if (ok) pending.delete(p[0]);
  }
  if (pending.size > 0) await new Promise((r) => setTimeout(r, 300));
}
if (!stopping) {
  if (pending.size > 0) log(`not healthy after 60 s: ${[...pending].join(', ')}`);
  log('platform running:');
  for (const p of PROCESSES) log(`  ${p[0].padEnd(11)} http://${host}:${port(p)}${{ gateway: '/graphql', dashboard: '/' }[p[0]] ?? '/health'}`);
  log(`  health      http://${host}:${port(PROCESSES.at(-1))}/health`);
  if (local.adminKey) log(`local admin key (kept in .aitrader/local.json): Authorization: Bearer ${local.adminKey}`);
}
