// Dependency-free helpers for the set-up, start and test scripts (they must run before `npm ci`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'node_modules', '.bin');

export function log(message) {
  process.stdout.write(`\x1b[36m[aitrader]\x1b[0m ${message}\n`);
}

/** Runs a command to completion with inherited output; throws on a non-zero exit. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

export function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Newest modification time among files under `path` (recursively), skipping build folders. */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => !['target', 'node_modules', 'generated'].includes(name))
    .reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

export function isStale(output, ...inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((input) => newestMtime(input) > built);
}

/** True when something accepts TCP connections on the URL's host and port. */
export function reachable(url, defaultPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || defaultPort) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function isLocalUrl(url) {
  return ['localhost', '127.0.0.1', '::1', '[::1]'].includes(new URL(url).hostname);
}

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379/0';
/** `npm test`'s own Redis server, started beside the platform's (see scripts/test.mjs). */
export const DEFAULT_TEST_REDIS_URL = 'redis://127.0.0.1:6380/0';

/**
 * Points this process (and what it starts) at the tests' own Redis server and database — never at a
 * running platform's: pub/sub channels are server-wide, so a logical database would not keep the seed's
 * unprefixed channels apart. REDIS_URL and DATABASE_URL of the shell are ignored on purpose.
 */
export function useTestInfrastructure() {
  process.env.REDIS_URL = process.env.TEST_REDIS_URL || DEFAULT_TEST_REDIS_URL;
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL || DEFAULT_DATABASE_URL.replace(/\/aitrader$/, '/aitrader_test');
}
export const DEFAULT_DATABASE_URL = 'postgresql://postgres:postgres@127.0.0.1:5432/aitrader';

export { spawn };
