// Shared helpers for the database integration tests: throwaway PostgreSQL databases (random names,
// created and dropped on the DATABASE_URL server so test files can run in parallel), a pg client
// helper, repository paths, and a bridge to Prisma's own schema engine (prisma/scripts/schema-engine.mjs,
// WASM; run in a child process because it is an ES module that Jest's CommonJS runtime cannot load).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';

export const DEFAULT_DATABASE_URL = 'postgresql://postgres:postgres@127.0.0.1:5432/aitrader';
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const PRISMA_DIR = path.join(REPO_ROOT, 'prisma');
export const SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');

/** Prefix of every database these tests create; anything with it is disposable. */
export const TEST_DB_PREFIX = 'aitrader_t_';

export function baseDatabaseUrl(): string {
  return process.env['DATABASE_URL'] || DEFAULT_DATABASE_URL;
}

/** The same server and credentials as `url`, but database `database`. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  u.searchParams.delete('schema');
  return u.toString();
}

export interface ThrowawayDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Runs fn with a connected pg client for `url`, always closing it. */
export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, unused database name `aitrader_t_<label>_<random>`. */
export function uniqueDatabaseName(label: string): string {
  const safeLabel = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30);
  return `${TEST_DB_PREFIX}${safeLabel}_${randomBytes(5).toString('hex')}`;
}

/** Drops a database on the DATABASE_URL server, disconnecting anyone still using it. */
export async function dropDatabase(name: string): Promise<void> {
  await withClient(withDatabase(baseDatabaseUrl(), 'postgres'), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** A handle for a database name that is not created yet (for tests of code that creates it). */
export function plannedDatabase(label: string): ThrowawayDatabase {
  const name = uniqueDatabaseName(label);
  return { name, url: withDatabase(baseDatabaseUrl(), name), drop: () => dropDatabase(name) };
}

/** Creates an empty database `aitrader_t_<label>_<random>` on the DATABASE_URL server. */
export async function createThrowawayDatabase(label: string): Promise<ThrowawayDatabase> {
  const db = plannedDatabase(label);
  await withClient(withDatabase(baseDatabaseUrl(), 'postgres'), (c) => c.query(`CREATE DATABASE "${db.name}"`));
  return db;
}

/** Result of one schema-engine.mjs command. */
export interface EngineResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/**
 * Runs prisma/scripts/schema-engine.mjs (Prisma's schema engine compiled to WASM, talking to PostgreSQL
 * through @prisma/adapter-pg), e.g. ['apply', '--url', url]. Rejects with the output on a non-zero exit
 * unless `allowFailure`, in which case the exit code is returned too.
 */
export function runPrismaEngine(
  args: string[],
  { timeoutMs = 45_000, allowFailure = false }: { timeoutMs?: number; allowFailure?: boolean } = {},
): Promise<EngineResult> {
  const script = path.join(PRISMA_DIR, 'scripts', 'schema-engine.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 || allowFailure) resolve({ stdout, stderr, code });
      else reject(new Error(`schema-engine.mjs ${args[0] ?? ''} exited with ${code}:\n${stderr || stdout}`));
    });
  });
}
