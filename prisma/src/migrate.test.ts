// Unit tests for the pure parts of the offline migration runner: checksums (Prisma-compatible),
// migration folder discovery/ordering, the apply plan and its refusals, and URL handling.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  computeChecksum,
  DEFAULT_MIGRATIONS_DIR,
  listMigrationFolders,
  loadLocalMigrations,
  MigrationError,
  parseDatabaseUrl,
  planMigrations,
  PRISMA_MIGRATIONS_TABLE_DDL,
  redact,
  scriptMatchesChecksum,
  sortMigrationNames,
  type LocalMigration,
  type MigrationRecord,
} from './migrate';

function local(name: string, script = `-- ${name}\nSELECT 1;\n`): LocalMigration {
  return { name, sqlPath: `/x/${name}/migration.sql`, script, checksum: computeChecksum(script) };
}

function record(m: LocalMigration, overrides: Partial<MigrationRecord> = {}): MigrationRecord {
  return {
    id: `id-${m.name}`,
    migration_name: m.name,
    checksum: m.checksum,
    finished_at: new Date('2026-01-01T00:00:01Z'),
    rolled_back_at: null,
    started_at: new Date('2026-01-01T00:00:00Z'),
    applied_steps_count: 1,
    logs: null,
    ...overrides,
  };
}

function catchError(fn: () => unknown): MigrationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MigrationError) return error;
    throw error;
  }
  throw new Error('expected a MigrationError');
}

describe('computeChecksum', () => {
  it('is the zero-padded sha256 hex Prisma records', () => {
    // Same vector as prisma-engines' checksum tests.
    expect(computeChecksum('hello')).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    expect(computeChecksum('abcd')).toHaveLength(64);
  });

  it('hashes bytes and strings identically', () => {
    const script = 'CREATE TABLE "ä" ();\n';
    expect(computeChecksum(Buffer.from(script, 'utf8'))).toBe(computeChecksum(script));
  });
});

describe('scriptMatchesChecksum', () => {
  it('matches regardless of LF/CRLF line endings, like Prisma', () => {
    const lf = 'ab\ncd\nef\n';
    const crlf = 'ab\r\ncd\r\nef\r\n';
    for (const a of [lf, crlf]) for (const b of [lf, crlf]) expect(scriptMatchesChecksum(a, computeChecksum(b))).toBe(true);
  });

  it('rejects a changed script', () => {
    expect(scriptMatchesChecksum('abc', computeChecksum('abcd'))).toBe(false);
    expect(scriptMatchesChecksum('abc\n', computeChecksum('abc'))).toBe(false);
  });

  it('accepts the legacy non-zero-padded checksum format', () => {
    // Find a script whose digest has a byte < 0x10 so the legacy rendering is shorter than 64 chars.
    let script = '';
    let legacy = '';
    for (let i = 0; legacy.length === 0 || legacy.length === 64; i++) {
      script = `SELECT ${i};`;
      const hex = computeChecksum(script);
      legacy = (hex.match(/../g) ?? []).map((b) => parseInt(b, 16).toString(16)).join('');
    }
    expect(scriptMatchesChecksum(script, legacy)).toBe(true);
    expect(scriptMatchesChecksum(`${script} `, legacy)).toBe(false);
  });
});

describe('migration folder discovery', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aitrader-migrations-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sorts names lexicographically like Prisma', () => {
    expect(sortMigrationNames(['20260102000000_b', '20251231000000_z', '20260101000000_a'])).toEqual([
      '20251231000000_z',
      '20260101000000_a',
      '20260102000000_b',
    ]);
  });

  it('lists folders only, sorted, skipping files and hidden folders', () => {
    for (const name of ['20260102000000_second', '20260101000000_first', '.tmp']) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, 'migration.sql'), `-- ${name}\n`);
    }
    writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    expect(listMigrationFolders(dir)).toEqual(['20260101000000_first', '20260102000000_second']);
  });

  it('loads scripts with checksums of the file bytes', () => {
    mkdirSync(path.join(dir, '20260101000000_first'));
    writeFileSync(path.join(dir, '20260101000000_first', 'migration.sql'), 'SELECT 1;\r\n');
    const [m] = loadLocalMigrations(dir);
    expect(m).toMatchObject({ name: '20260101000000_first', script: 'SELECT 1;\r\n', checksum: computeChecksum('SELECT 1;\r\n') });
  });

  it('refuses a folder without migration.sql and a missing directory', () => {
    mkdirSync(path.join(dir, '20260101000000_empty'));
    expect(catchError(() => loadLocalMigrations(dir)).code).toBe('INVALID_MIGRATIONS_DIR');
    expect(catchError(() => listMigrationFolders(path.join(dir, 'nope'))).code).toBe('INVALID_MIGRATIONS_DIR');
  });
});

describe('planMigrations', () => {
  const a = local('20260101000000_a');
  const b = local('20260102000000_b');
  const c = local('20260103000000_c');

  it('applies everything on an empty history', () => {
    const plan = planMigrations([a, b], []);
    expect(plan.pending.map((m) => m.name)).toEqual([a.name, b.name]);
    expect(plan.alreadyApplied).toEqual([]);
  });

  it('applies only what is pending, in order', () => {
    const plan = planMigrations([a, b, c], [record(a)]);
    expect(plan.pending.map((m) => m.name)).toEqual([b.name, c.name]);
    expect(plan.alreadyApplied).toEqual([a.name]);
  });

  it('is a no-op when everything is applied', () => {
    expect(planMigrations([a, b], [record(a), record(b)])).toEqual({ pending: [], alreadyApplied: [a.name, b.name] });
  });

  it('refuses when a previous migration failed (P3009)', () => {
    const error = catchError(() =>
      planMigrations([a, b], [record(a), record(b, { finished_at: null, applied_steps_count: 0, logs: 'boom' })]),
    );
    expect(error.code).toBe('FAILED_MIGRATION_FOUND');
    expect(error.prismaCode).toBe('P3009');
    expect(error.migrations).toEqual([b.name]);
    expect(error.message).toContain(b.name);
  });

  it('ignores rolled-back rows and re-applies that migration', () => {
    const rolledBack = record(b, { finished_at: null, rolled_back_at: new Date(), applied_steps_count: 0 });
    const plan = planMigrations([a, b], [record(a), rolledBack]);
    expect(plan.pending.map((m) => m.name)).toEqual([b.name]);
  });

  it('refuses when an applied migration is missing locally', () => {
    const error = catchError(() => planMigrations([a], [record(a), record(b)]));
    expect(error.code).toBe('MISSING_LOCALLY');
    expect(error.migrations).toEqual([b.name]);
  });

  it('refuses when an applied migration was edited', () => {
    const edited = { ...a, script: `${a.script}-- edited\n`, checksum: computeChecksum(`${a.script}-- edited\n`) };
    const error = catchError(() => planMigrations([edited, b], [record(a)]));
    expect(error.code).toBe('CHECKSUM_MISMATCH');
    expect(error.migrations).toEqual([a.name]);
    expect(error.message).toMatch(/modified after they were applied/);
  });

  it('tolerates CRLF conversion of an applied migration', () => {
    const crlf = { ...a, script: a.script.replace(/\n/g, '\r\n') };
    expect(planMigrations([crlf], [record(a)]).pending).toEqual([]);
  });
});

describe('URL helpers', () => {
  it('derives the maintenance URL and database name', () => {
    const parsed = parseDatabaseUrl('postgresql://u:p%40ss@db.local:5433/aitrader_test?schema=app&sslmode=disable');
    expect(parsed.database).toBe('aitrader_test');
    expect(parsed.schema).toBe('app');
    const maintenance = new URL(parsed.maintenanceUrl);
    expect(maintenance.pathname).toBe('/postgres');
    expect(maintenance.host).toBe('db.local:5433');
    expect(maintenance.password).toBe('p%40ss');
    expect(maintenance.searchParams.get('schema')).toBeNull();
    expect(maintenance.searchParams.get('sslmode')).toBe('disable');
  });

  it('rejects URLs without a database or of another scheme', () => {
    expect(() => parseDatabaseUrl('postgresql://u:p@localhost:5432/')).toThrow(/no database name/);
    expect(() => parseDatabaseUrl('mysql://u:p@localhost/x')).toThrow(/postgresql/);
  });

  it('redacts passwords', () => {
    expect(redact('postgresql://u:secret@h:5432/d')).toBe('postgresql://u:***@h:5432/d');
  });
});

describe('repository migrations', () => {
  it('are well-formed Prisma migration folders', () => {
    const migrations = loadLocalMigrations(DEFAULT_MIGRATIONS_DIR);
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
    const lock = readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8');
    expect(lock).toMatch(/^provider = "postgresql"$/m);
  });

  it('uses the exact _prisma_migrations DDL of Prisma', () => {
    expect(PRISMA_MIGRATIONS_TABLE_DDL).toContain('id                      VARCHAR(36) PRIMARY KEY NOT NULL');
    expect(PRISMA_MIGRATIONS_TABLE_DDL).toContain('started_at              TIMESTAMPTZ NOT NULL DEFAULT now()');
    expect(PRISMA_MIGRATIONS_TABLE_DDL).toContain('applied_steps_count     INTEGER NOT NULL DEFAULT 0');
  });
});
