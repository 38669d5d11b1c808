// Offline migration runner: applies prisma/migrations/<name>/migration.sql with plain `pg` and keeps
// the `_prisma_migrations` table exactly as `prisma migrate deploy` does (same DDL, advisory lock,
// sha256 checksums, failed-migration semantics), so a database migrated here can later be handled by
// the real Prisma CLI and vice versa. Needed because Prisma 7's schema-engine binary cannot be
// downloaded on these machines.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/** Lock key Prisma's schema engine uses for `SELECT pg_advisory_lock(...)` on PostgreSQL. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

/** Name of Prisma's migration history table. */
export const MIGRATIONS_TABLE = '_prisma_migrations';

/** The DDL Prisma's schema engine runs when `_prisma_migrations` does not exist yet (PostgreSQL). */
export const PRISMA_MIGRATIONS_TABLE_DDL = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

/** Default migrations folder: prisma/migrations next to this package's src/. */
export const DEFAULT_MIGRATIONS_DIR = path.resolve(__dirname, '..', 'migrations');

const MIGRATION_FILE = 'migration.sql';
const CHECKSUM_LENGTH = 64;
const DEFAULT_LOCK_TIMEOUT_MS = 10_000;

export type MigrationErrorCode =
  /** An applied migration's migration.sql no longer matches the recorded checksum. */
  | 'CHECKSUM_MISMATCH'
  /** A row in _prisma_migrations has finished_at NULL and rolled_back_at NULL (Prisma's P3009). */
  | 'FAILED_MIGRATION_FOUND'
  /** A migration recorded as applied in the database has no folder locally. */
  | 'MISSING_LOCALLY'
  /** Applying a migration's SQL failed now (Prisma's P3018); it was rolled back and recorded as failed. */
  | 'APPLY_FAILED'
  /** The migrations folder is missing or malformed (e.g. a folder without migration.sql). */
  | 'INVALID_MIGRATIONS_DIR'
  /** The advisory lock was not obtained in time (another migrate run holds it). */
  | 'LOCK_TIMEOUT';

const PRISMA_ERROR_CODES: Partial<Record<MigrationErrorCode, string>> = {
  FAILED_MIGRATION_FOUND: 'P3009',
  APPLY_FAILED: 'P3018',
};

/** Why the runner refused to (or could not) migrate; `code` says which case, `migrations` which folders. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  readonly code: MigrationErrorCode;
  /** The equivalent Prisma CLI error code, where there is one. */
  readonly prismaCode: string | undefined;
  readonly migrations: string[];

  constructor(code: MigrationErrorCode, message: string, migrations: string[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.prismaCode = PRISMA_ERROR_CODES[code];
    this.migrations = migrations;
  }
}

/** One migration folder as found on disk. */
export interface LocalMigration {
  /** Folder name, e.g. `20261125000000_init`; also the `migration_name` recorded in the database. */
  name: string;
  /** Absolute path of its migration.sql. */
  sqlPath: string;
  /** Contents of migration.sql. */
  script: string;
  /** sha256 hex of migration.sql's bytes, as Prisma records it. */
  checksum: string;
}

/** The columns of a `_prisma_migrations` row the runner looks at. */
export interface MigrationRecord {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
  logs: string | null;
}

export interface MigrationPlan {
  /** Local migrations to apply, in order. */
  pending: LocalMigration[];
  /** Local migrations already applied, in order. */
  alreadyApplied: string[];
}

export interface ApplyMigrationsOptions {
  databaseUrl: string;
  /** Defaults to prisma/migrations of this package. */
  migrationsDir?: string;
  /** Progress lines; defaults to silent. */
  log?: (line: string) => void;
  /** How long to wait for Prisma's advisory lock; default 10 s (Prisma's own timeout). */
  lockTimeoutMs?: number;
}

export interface ApplyMigrationsResult {
  applied: string[];
  alreadyApplied: string[];
}

/** sha256 hex digest of a migration script, zero-padded (Prisma's current checksum format). */
export function computeChecksum(script: string | Buffer): string {
  return createHash('sha256').update(script).digest('hex');
}

/** Prisma's obsolete checksum rendering (bytes as hex without zero padding); still accepted when reading. */
function legacyChecksum(script: string): string {
  return Array.from(createHash('sha256').update(script).digest(), (b) => b.toString(16)).join('');
}

/**
 * Whether a script matches a recorded checksum the way Prisma decides it: the script as is, with CRLF
 * turned into LF, or LF into CRLF (git may rewrite line endings), and old non-zero-padded checksums.
 */
export function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replace(/\r\n/g, '\n'), script.replace(/\n/g, '\r\n')];
  return variants.some((variant) =>
    checksum.length !== 0 && checksum.length !== CHECKSUM_LENGTH
      ? legacyChecksum(variant) === checksum
      : computeChecksum(variant) === checksum,
  );
}

/** Sorts migration folder names the way Prisma does (plain lexicographic order of the names). */
export function sortMigrationNames(names: readonly string[]): string[] {
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Migration folder names under a migrations directory (directories only, hidden ones skipped), sorted. */
export function listMigrationFolders(migrationsDir: string): string[] {
  if (!existsSync(migrationsDir) || !statSync(migrationsDir).isDirectory()) {
    throw new MigrationError('INVALID_MIGRATIONS_DIR', `Migrations directory not found: ${migrationsDir}`);
  }
  const names = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name);
  return sortMigrationNames(names);
}

/** Reads every migration folder (sorted) with its script and checksum. */
export function loadLocalMigrations(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): LocalMigration[] {
  return listMigrationFolders(migrationsDir).map((name) => {
    const sqlPath = path.join(migrationsDir, name, MIGRATION_FILE);
    if (!existsSync(sqlPath)) {
      throw new MigrationError(
        'INVALID_MIGRATIONS_DIR',
        `Migration folder ${name} has no ${MIGRATION_FILE} (${sqlPath})`,
        [name],
      );
    }
    const bytes = readFileSync(sqlPath);
    return { name, sqlPath, script: bytes.toString('utf8'), checksum: computeChecksum(bytes) };
  });
}

/**
 * Decides what to apply, refusing like Prisma when the history is not sane: a failed migration
 * (finished_at and rolled_back_at both NULL), an applied migration that is missing locally, or an
 * applied migration whose migration.sql changed. Rows marked rolled back are ignored.
 */
export function planMigrations(local: readonly LocalMigration[], records: readonly MigrationRecord[]): MigrationPlan {
  const failed = records.filter((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed.length > 0) {
    const names = failed.map((r) => r.migration_name);
    const details = failed
      .map((r) => `  ${r.migration_name} (started ${r.started_at.toISOString()})${r.logs ? `:\n    ${r.logs.split('\n')[0]}` : ''}`)
      .join('\n');
    throw new MigrationError(
      'FAILED_MIGRATION_FOUND',
      `P3009: found failed migrations in the target database; new migrations will not be applied.\n${details}\n` +
        `Fix the database, then mark each one rolled back (prisma migrate resolve --rolled-back <name>, ` +
        `or offline: npm run migrate --workspace prisma -- --rolled-back <name>) or applied ` +
        `(prisma migrate resolve --applied <name>).`,
      names,
    );
  }

  const applied = records.filter((r) => r.finished_at !== null && r.rolled_back_at === null);
  const localByName = new Map(local.map((m) => [m.name, m]));

  const missing = [...new Set(applied.map((r) => r.migration_name).filter((name) => !localByName.has(name)))];
  if (missing.length > 0) {
    throw new MigrationError(
      'MISSING_LOCALLY',
      `The database has migrations applied that are not in the migrations directory: ${missing.join(', ')}. ` +
        `Restore those folders (or use the matching checkout) before migrating.`,
      missing,
    );
  }

  const changed = [
    ...new Set(
      applied
        .filter((r) => {
          const migration = localByName.get(r.migration_name);
          return migration !== undefined && !scriptMatchesChecksum(migration.script, r.checksum);
        })
        .map((r) => r.migration_name),
    ),
  ];
  if (changed.length > 0) {
    throw new MigrationError(
      'CHECKSUM_MISMATCH',
      `Migrations were modified after they were applied (checksum of migration.sql differs from ` +
        `_prisma_migrations.checksum): ${changed.join(', ')}. Revert the edits and add a new migration instead.`,
      changed,
    );
  }

  const appliedNames = new Set(applied.map((r) => r.migration_name));
  return {
    pending: local.filter((m) => !appliedNames.has(m.name)),
    alreadyApplied: local.filter((m) => appliedNames.has(m.name)).map((m) => m.name),
  };
}

/** Splits a database URL into the URL of the server's maintenance db (`postgres`) and the db name. */
export function parseDatabaseUrl(databaseUrl: string): { database: string; maintenanceUrl: string; schema: string | undefined } {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch (error) {
    throw new Error(`Invalid DATABASE_URL (expected postgresql://user:pass@host:port/db): ${redact(databaseUrl)}`, {
      cause: error,
    });
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new Error(`DATABASE_URL must be a postgresql:// URL, got ${url.protocol}`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new Error(`DATABASE_URL has no database name: ${redact(databaseUrl)}`);
  const schema = url.searchParams.get('schema') ?? undefined;
  const maintenance = new URL(url.toString());
  maintenance.pathname = '/postgres';
  maintenance.searchParams.delete('schema');
  return { database, maintenanceUrl: maintenance.toString(), schema };
}

/** The URL with its password replaced, for log and error messages. */
export function redact(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<unparseable url>';
  }
}

function quoteIdent(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** pg connection config for a URL, without Prisma-only parameters such as `schema`. */
function clientFor(databaseUrl: string): Client {
  const url = new URL(databaseUrl);
  url.searchParams.delete('schema');
  return new Client({ connectionString: url.toString() });
}

/** Creates the database named in the URL if it does not exist (connects to `postgres` on the same server). */
export async function ensureDatabase(databaseUrl: string): Promise<{ created: boolean; database: string }> {
  const { database, maintenanceUrl } = parseDatabaseUrl(databaseUrl);
  const client = clientFor(maintenanceUrl);
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount && exists.rowCount > 0) return { created: false, database };
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
    } catch (error) {
      // Someone else created it between our check and CREATE DATABASE.
      if ((error as { code?: string }).code === '42P04') return { created: false, database };
      throw error;
    }
    return { created: true, database };
  } finally {
    await client.end();
  }
}

async function acquireLock(client: Client, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      PRISMA_ADVISORY_LOCK_KEY,
    ]);
    if (res.rows[0]?.locked) return;
    if (Date.now() >= deadline) {
      throw new MigrationError(
        'LOCK_TIMEOUT',
        `Timed out after ${timeoutMs} ms waiting for the migration advisory lock ` +
          `(SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})); another migration is running.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function ensureMigrationsTable(client: Client): Promise<void> {
  const res = await client.query<{ exists: boolean }>(
    `SELECT to_regclass(quote_ident(current_schema()) || '.${MIGRATIONS_TABLE}') IS NOT NULL AS exists`,
  );
  if (!res.rows[0]?.exists) await client.query(PRISMA_MIGRATIONS_TABLE_DDL);
}

async function readRecords(client: Client): Promise<MigrationRecord[]> {
  const res = await client.query<MigrationRecord>(
    `SELECT id, migration_name, checksum, finished_at, rolled_back_at, started_at, applied_steps_count, logs
       FROM ${MIGRATIONS_TABLE} ORDER BY started_at ASC`,
  );
  return res.rows;
}

/** Connects, selects the URL's `schema` (creating it) and takes Prisma's advisory lock; runs fn; cleans up. */
async function withMigrationSession<T>(
  databaseUrl: string,
  lockTimeoutMs: number,
  fn: (client: Client) => Promise<T>,
): Promise<T> {
  const { schema } = parseDatabaseUrl(databaseUrl);
  const client = clientFor(databaseUrl);
  await client.connect();
  try {
    if (schema) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await client.query(`SET search_path TO ${quoteIdent(schema)}`);
    }
    const useLock = !process.env['PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK'];
    if (useLock) await acquireLock(client, lockTimeoutMs);
    try {
      return await fn(client);
    } finally {
      if (useLock) await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Applies the pending migrations of `migrationsDir` to `databaseUrl` in name order, each in its own
 * transaction together with its `_prisma_migrations` row (checksum, finished_at, applied_steps_count 1).
 * When a script fails, the transaction is rolled back, a failed row (finished_at NULL, logs = error) is
 * recorded as Prisma does, and a MigrationError('APPLY_FAILED') is thrown. Running it again is a no-op.
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const log = options.log ?? (() => undefined);
  const local = loadLocalMigrations(migrationsDir);

  return withMigrationSession(options.databaseUrl, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, async (client) => {
    await ensureMigrationsTable(client);
    const plan = planMigrations(local, await readRecords(client));
    if (plan.pending.length === 0) {
      log(`No pending migrations (${plan.alreadyApplied.length} already applied).`);
      return { applied: [], alreadyApplied: plan.alreadyApplied };
    }
    log(`${plan.pending.length} migration(s) to apply, ${plan.alreadyApplied.length} already applied.`);

    const applied: string[] = [];
    for (const migration of plan.pending) {
      const id = randomUUID();
      log(`Applying ${migration.name} ...`);
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO ${MIGRATIONS_TABLE} (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, $3, clock_timestamp(), 0)`,
          [id, migration.checksum, migration.name],
        );
        await client.query(migration.script);
        await client.query(
          `UPDATE ${MIGRATIONS_TABLE} SET finished_at = clock_timestamp(), applied_steps_count = applied_steps_count + 1
            WHERE id = $1`,
          [id],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const message = describePgError(error);
        // Record the failure like Prisma does, so later runs refuse until someone resolves it.
        await client
          .query(
            `INSERT INTO ${MIGRATIONS_TABLE} (id, checksum, migration_name, started_at, applied_steps_count, logs)
             VALUES ($1, $2, $3, clock_timestamp(), 0, $4)`,
            [id, migration.checksum, migration.name, message],
          )
          .catch(() => undefined);
        throw new MigrationError(
          'APPLY_FAILED',
          `P3018: migration ${migration.name} failed to apply and was rolled back; no further migrations were applied.\n` +
            `${message}\n` +
            `After fixing it, mark it rolled back (npm run migrate --workspace prisma -- --rolled-back ${migration.name}) and run again.`,
          [migration.name],
          { cause: error },
        );
      }
      applied.push(migration.name);
      log(`Applied ${migration.name}`);
    }
    return { applied, alreadyApplied: plan.alreadyApplied };
  });
}

/**
 * Offline equivalent of `prisma migrate resolve --rolled-back <name>`: sets rolled_back_at on the failed
 * (unfinished) rows of that migration so the next run applies it again.
 */
export async function markMigrationRolledBack(options: {
  databaseUrl: string;
  migrationName: string;
  lockTimeoutMs?: number;
}): Promise<number> {
  return withMigrationSession(options.databaseUrl, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, async (client) => {
    await ensureMigrationsTable(client);
    const res = await client.query(
      `UPDATE ${MIGRATIONS_TABLE} SET rolled_back_at = now()
        WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL`,
      [options.migrationName],
    );
    if (!res.rowCount) {
      throw new MigrationError(
        'INVALID_MIGRATIONS_DIR',
        `Migration ${options.migrationName} has no failed record to mark as rolled back.`,
        [options.migrationName],
      );
    }
    return res.rowCount;
  });
}

function describePgError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const pg = error as Error & { code?: string; position?: string; detail?: string; where?: string };
  const parts = [`Database error${pg.code ? ` code ${pg.code}` : ''}: ${pg.message}`];
  if (pg.detail) parts.push(`DETAIL: ${pg.detail}`);
  if (pg.position) parts.push(`Position: ${pg.position}`);
  if (pg.where) parts.push(`WHERE: ${pg.where}`);
  return parts.join('\n');
}
