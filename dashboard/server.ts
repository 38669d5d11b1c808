// The dashboard process: builds the Next.js app when its sources changed since the last build (a hash
// of them is kept beside the build), then serves it on DASHBOARD_PORT with the platform's /health.
// The pages read the runtime (gateway address, credential, account) from this process's environment.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import next from 'next';
import { healthReporter, healthHttpStatus, VERSION, type Config, type Logger } from '@aitrader/platform';

export const DASHBOARD_DIR = __dirname;
const BUILD_DIR = join(DASHBOARD_DIR, '.next');
const HASH_FILE = join(BUILD_DIR, 'aitrader-source-hash');
const SOURCES = ['src', 'next.config.ts', 'package.json', 'tsconfig.json'];

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => filesUnder(join(path, name)));
}

/** A hash of everything the production build is made from. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((s) => filesUnder(join(DASHBOARD_DIR, s)))) hash.update(file.slice(DASHBOARD_DIR.length)).update(readFileSync(file));
  return hash.digest('hex');
}

/** Runs `next build` unless the build on disk was made from the same sources. */
export function ensureBuilt(logger: Logger): void {
  const hash = sourceHash();
  if (existsSync(join(BUILD_DIR, 'BUILD_ID')) && existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8') === hash) return;
  logger.info('building the dashboard (next build)');
  const bin = join(DASHBOARD_DIR, '..', 'node_modules', '.bin', 'next');
  const r = spawnSync(bin, ['build'], { cwd: DASHBOARD_DIR, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
  writeFileSync(HASH_FILE, hash);
}

export interface RunningDashboard {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startDashboard(config: Config, logger: Logger, port = config.DASHBOARD_PORT): Promise<RunningDashboard> {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  // Outside production the pages use the development admin key `npm start` made (decided here, from the
  // platform's config: Next itself sets NODE_ENV=production in its production server).
  if (config.NODE_ENV !== 'production' && !process.env.DASHBOARD_API_KEY && process.env.AITRADER_LOCAL_ADMIN_KEY) {
    process.env.DASHBOARD_API_KEY = process.env.AITRADER_LOCAL_ADMIN_KEY;
  }
  ensureBuilt(logger);
  const app = next({ dev: false, dir: DASHBOARD_DIR, hostname: config.HOST, port, quiet: true });
  await app.prepare();
  const handle = app.getRequestHandler();
  const health = healthReporter('dashboard', VERSION, () => [], config.HEALTH_TIMEOUT_MS, config.AITRADER_RESTARTS);
  const server: Server = createServer((req, res) => {
    if (req.url === '/health') {
      void health().then((report) => {
        res.writeHead(healthHttpStatus(report), { 'content-type': 'application/json' });
        res.end(JSON.stringify(report));
      });
      return;
    }
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.HOST, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  logger.info({ port: actual }, 'dashboard listening');
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await app.close();
    },
  };
}
