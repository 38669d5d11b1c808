// Integration tests of the offline migration runner (prisma/src/migrate.ts) against real PostgreSQL:
// fresh apply, idempotence, Prisma-identical `_prisma_migrations` bookkeeping (checked against Prisma's
// own schema engine), refusals (edited / failed / missing migrations), rollback of a failing script,
// the advisory lock under concurrency, ensureDatabase and the `npm run migrate` CLI.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  applyMigrations,
  computeChecksum,
  ensureDatabase,
  loadLocalMigrations,
  markMigrationRolledBack,
  MigrationError,
} from '../../../prisma/src/migrate';
import {
  createThrowawayDatabase,
  MIGRATIONS_DIR,
  plannedDatabase,
  REPO_ROOT,
  runPrismaEngine,
  SCHEMA_PATH,
  withClient,
  type ThrowawayDatabase,
} from './support';

const execFileAsync = promisify(execFile);

interface Row {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

const readRows = (url: string) =>
  withClient(url, async (c) => (await c.query<Row>('SELECT * FROM _prisma_migrations ORDER BY started_at')).rows);

const migrationsTableColumns = (url: string) =>
  withClient(url, async (c) =>
    (
      await c.query(
        `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default, ordinal_position
           FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
      )
    ).rows,
  );

const userTables = (url: string) =>
  withClient(url, async (c) =>
    (
      await c.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
      )
    ).rows.map((r) => r.tablename),
  );

async function expectMigrationError(promise: Promise<unknown>): Promise<MigrationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MigrationError);
    return error as MigrationError;
  }
  throw new Error('expected applyMigrations to refuse');
}

/** A writable copy of prisma/migrations to tamper with. */
function copyMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'aitrader-mig-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe('offline migration runner', () => {
  const databases: ThrowawayDatabase[] = [];
  const tempDirs: string[] = [];
  const freshDb = async (label: string) => {
    const db = await createThrowawayDatabase(label);
    databases.push(db);
    return db;
  };
  const planned = (label: string) => {
    const db = plannedDatabase(label);
    databases.push(db);
    return db;
  };
  const tempMigrations = () => {
    const dir = copyMigrations();
    tempDirs.push(dir);
    return dir;
  };

  afterAll(async () => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
    for (const db of databases) await db.drop();
  });

  const localNames = loadLocalMigrations(MIGRATIONS_DIR).map((m) => m.name);

  it('applies every migration to an empty database, then a second run applies nothing', async () => {
    const db = await freshDb('fresh');
    const lines: string[] = [];
    const first = await applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR, log: (l) => lines.push(l) });
    expect(first).toEqual({ applied: localNames, alreadyApplied: [] });
    expect(lines.some((l) => l.includes(`Applied ${localNames[0]}`))).toBe(true);
    expect(await userTables(db.url)).toEqual(
      expect.arrayContaining(['accounts', 'orders', 'fills', 'executions', 'news_items', 'jobs']),
    );

    const rowsBefore = await readRows(db.url);
    const second = await applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
    expect(second).toEqual({ applied: [], alreadyApplied: localNames });
    expect(await readRows(db.url)).toEqual(rowsBefore);
  });

  it('records _prisma_migrations rows the way Prisma does', async () => {
    const db = await freshDb('rows');
    await applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
    const rows = await readRows(db.url);
    expect(rows.map((r) => r.migration_name)).toEqual(localNames);
    for (const row of rows) {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.checksum).toBe(computeChecksum(sql));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await migrationsTableColumns(db.url)).toEqual([
      { column_name: 'id', data_type: 'character varying', character_maximum_length: 36, is_nullable: 'NO', column_default: null, ordinal_position: 1 },
      { column_name: 'checksum', data_type: 'character varying', character_maximum_length: 64, is_nullable: 'NO', column_default: null, ordinal_position: 2 },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'YES', column_default: null, ordinal_position: 3 },
      { column_name: 'migration_name', data_type: 'character varying', character_maximum_length: 255, is_nullable: 'NO', column_default: null, ordinal_position: 4 },
      { column_name: 'logs', data_type: 'text', character_maximum_length: null, is_nullable: 'YES', column_default: null, ordinal_position: 5 },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'YES', column_default: null, ordinal_position: 6 },
      { column_name: 'started_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'NO', column_default: 'now()', ordinal_position: 7 },
      { column_name: 'applied_steps_count', data_type: 'integer', character_maximum_length: null, is_nullable: 'NO', column_default: '0', ordinal_position: 8 },
    ]);
  });

  it("is interchangeable with Prisma's own engine (migrate deploy) in both directions", async () => {
    // Ours first, then Prisma's engine: it must find nothing to apply and accept our records.
    const ours = await freshDb('ours_then_prisma');
    await applyMigrations({ databaseUrl: ours.url, migrationsDir: MIGRATIONS_DIR });
    const afterOurs = await runPrismaEngine(['apply', '--schema', SCHEMA_PATH, '--migrations', MIGRATIONS_DIR, '--url', ours.url]);
    expect(JSON.parse(afterOurs.stdout)).toEqual({ appliedMigrationNames: [] });

    // Prisma's engine first, then ours: nothing to apply, and both bookkeeping tables look the same.
    const theirs = await freshDb('prisma_then_ours');
    const byPrisma = await runPrismaEngine(['apply', '--schema', SCHEMA_PATH, '--migrations', MIGRATIONS_DIR, '--url', theirs.url]);
    expect(JSON.parse(byPrisma.stdout)).toEqual({ appliedMigrationNames: localNames });
    expect(await applyMigrations({ databaseUrl: theirs.url, migrationsDir: MIGRATIONS_DIR })).toEqual({
      applied: [],
      alreadyApplied: localNames,
    });

    expect(await migrationsTableColumns(ours.url)).toEqual(await migrationsTableColumns(theirs.url));
    const comparable = (rows: Row[]) =>
      rows.map((r) => ({
        migration_name: r.migration_name,
        checksum: r.checksum,
        finished: r.finished_at !== null,
        rolled_back_at: r.rolled_back_at,
        logs: r.logs,
        applied_steps_count: r.applied_steps_count,
        idLength: r.id.length,
      }));
    expect(comparable(await readRows(ours.url))).toEqual(comparable(await readRows(theirs.url)));
  });

  it('refuses when an applied migration was edited afterwards', async () => {
    const db = await freshDb('edited');
    const dir = tempMigrations();
    await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    appendFileSync(path.join(dir, localNames[0]!, 'migration.sql'), '\n-- sneaky edit\n');
    const error = await expectMigrationError(applyMigrations({ databaseUrl: db.url, migrationsDir: dir }));
    expect(error.code).toBe('CHECKSUM_MISMATCH');
    expect(error.migrations).toEqual([localNames[0]]);
    expect(error.message).toMatch(/modified after they were applied/);
  });

  it('refuses when the database has a migration that is missing locally', async () => {
    const db = await freshDb('missing');
    await applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
    await withClient(db.url, (c) =>
      c.query(
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (gen_random_uuid()::text, $1, now(), '29990101000000_from_the_future', now(), 1)`,
        [computeChecksum('SELECT 1;')],
      ),
    );
    const error = await expectMigrationError(applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR }));
    expect(error.code).toBe('MISSING_LOCALLY');
    expect(error.migrations).toEqual(['29990101000000_from_the_future']);
  });

  it('rolls a failing migration back, records it as failed, refuses (P3009) until resolved', async () => {
    const db = await freshDb('failing');
    const dir = tempMigrations();
    const bad = '29990101000000_broken';
    mkdirSync(path.join(dir, bad));
    writeFileSync(
      path.join(dir, bad, 'migration.sql'),
      '-- CreateTable\nCREATE TABLE "half_done" ("id" TEXT NOT NULL);\n\nALTER TABLE "no_such_table" ADD COLUMN "x" TEXT;\n',
    );

    const failure = await expectMigrationError(applyMigrations({ databaseUrl: db.url, migrationsDir: dir }));
    expect(failure.code).toBe('APPLY_FAILED');
    expect(failure.prismaCode).toBe('P3018');
    expect(failure.message).toContain('no_such_table');
    // Earlier migrations stay applied; the broken one left nothing behind.
    expect(await userTables(db.url)).toContain('accounts');
    expect(await userTables(db.url)).not.toContain('half_done');
    const failedRow = (await readRows(db.url)).find((r) => r.migration_name === bad);
    expect(failedRow).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(failedRow?.logs).toContain('no_such_table');

    const refused = await expectMigrationError(applyMigrations({ databaseUrl: db.url, migrationsDir: dir }));
    expect(refused.code).toBe('FAILED_MIGRATION_FOUND');
    expect(refused.prismaCode).toBe('P3009');
    expect(refused.migrations).toEqual([bad]);

    // Resolve like `prisma migrate resolve --rolled-back`, fix the script, and it applies.
    expect(await markMigrationRolledBack({ databaseUrl: db.url, migrationName: bad })).toBe(1);
    writeFileSync(path.join(dir, bad, 'migration.sql'), '-- CreateTable\nCREATE TABLE "half_done" ("id" TEXT NOT NULL);\n');
    expect(await applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).toEqual({
      applied: [bad],
      alreadyApplied: localNames,
    });
    expect(await userTables(db.url)).toContain('half_done');
  });

  it('serialises concurrent runs with the advisory lock: exactly one applies', async () => {
    const db = await freshDb('concurrent');
    const results = await Promise.all(
      [1, 2, 3].map(() => applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR, lockTimeoutMs: 30_000 })),
    );
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, localNames.length]);
    expect((await readRows(db.url)).map((r) => r.migration_name)).toEqual(localNames);
  });

  it('ensureDatabase creates a missing database once', async () => {
    const { name, url } = planned('ensure');
    expect(await ensureDatabase(url)).toEqual({ created: true, database: name });
    expect(await ensureDatabase(url)).toEqual({ created: false, database: name });
    expect(await withClient(url, async (c) => (await c.query('SELECT current_database() AS db')).rows[0].db)).toBe(name);
  });

  it('`npm run migrate` CLI creates the database, applies and reports, then is a no-op', async () => {
    const { name, url } = planned('cli');
    const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
    const run = () =>
      execFileAsync(tsx, ['src/cli.ts'], { cwd: path.join(REPO_ROOT, 'prisma'), env: { ...process.env, DATABASE_URL: url } });
    const first = await run();
    expect(first.stdout).toContain(`Created database ${name}`);
    expect(first.stdout).toContain(`Applied ${localNames.length} migration(s): ${localNames.join(', ')}`);
    expect(first.stdout).not.toContain(':postgres@'); // password redacted
    const second = await run();
    expect(second.stdout).toContain('nothing applied');
  });
});
