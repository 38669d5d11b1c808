// Idempotent set-up shared by `npm start` and `npm test`: installs dependencies, builds the native
// binding, generates the Prisma client, and makes sure local Redis and PostgreSQL are running when the
// configured URLs point at this machine. Each step runs only when its output is missing or stale.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BIN, DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, ROOT, hasCommand, isLocalUrl, isStale, log, reachable, run,
} from './lib.mjs';

const NATIVE_BINARY = join(ROOT, 'native', `aitrader-native.${process.platform}-${process.arch}-gnu.node`);

export function installDependencies() {
  if (!isStale(join(ROOT, 'node_modules', '.package-lock.json'), join(ROOT, 'package-lock.json'))) return;
  log('installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

export function buildNative() {
  if (!isStale(NATIVE_BINARY, join(ROOT, 'native', 'core'), join(ROOT, 'native', 'binding'), join(ROOT, 'native', 'Cargo.lock'))) return;
  if (!hasCommand('cargo')) {
    if (process.env.AITRADER_REQUIRE_NATIVE === '1') throw new Error('cargo is not installed and AITRADER_REQUIRE_NATIVE=1');
    log('cargo not found: the signals engine will use the TypeScript reference implementation');
    return;
  }
  log('building the native pattern core (napi-rs)');
  run('npm', ['run', 'build', '--workspace', 'native']);
}

export function generatePrismaClient() {
  if (!isStale(join(ROOT, 'prisma', 'generated', 'client.ts'), join(ROOT, 'prisma', 'schema.prisma'))) return;
  log('generating the Prisma client');
  run('npm', ['run', 'generate', '--workspace', 'prisma']);
}

/** Starts (installing if needed) local Redis and PostgreSQL when the URLs point here and nothing answers. */
export async function ensureInfrastructure(env = process.env) {
  const redisUrl = env.REDIS_URL || DEFAULT_REDIS_URL;
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const needRedis = isLocalUrl(redisUrl) && !(await reachable(redisUrl, 6379));
  const needPostgres = isLocalUrl(databaseUrl) && !(await reachable(databaseUrl, 5432));
  if (!needRedis && !needPostgres) return;
  log(`starting local ${[needRedis && 'Redis', needPostgres && 'PostgreSQL'].filter(Boolean).join(' and ')}`);
  run('bash', [join(ROOT, 'scripts', 'infra.sh'), needRedis ? 'redis' : '', needPostgres ? 'postgres' : ''].filter(Boolean), {
    env: { REDIS_URL: redisUrl, DATABASE_URL: databaseUrl },
  });
}

export function migrate(databaseUrl) {
  run(join(BIN, 'tsx'), [join(ROOT, 'prisma', 'src', 'cli.ts')], { env: { DATABASE_URL: databaseUrl } });
}

export async function setup({ infrastructure = true } = {}) {
  installDependencies();
  buildNative();
  generatePrismaClient();
  if (infrastructure) await ensureInfrastructure();
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await setup();
  migrate(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
  log('set-up complete');
}
