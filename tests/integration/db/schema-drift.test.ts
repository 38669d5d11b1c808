// Guards against drift between prisma/schema.prisma and prisma/migrations: the migrated database must
// match the schema's DMMF exactly (both directions), the comparison must catch drift on either side,
// and Prisma's own schema engine (WASM) must agree: the migrations build the same database as the SQL it
// generates from schema.prisma, and `schema-engine.mjs check` finds no missing migration.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMigrations } from '../../../prisma/src/migrate';
import { diffShapes, diffSchemaAgainstDatabase, expectedShape, introspect, loadDatamodel } from './schema-compare';
import { createThrowawayDatabase, MIGRATIONS_DIR, runPrismaEngine, SCHEMA_PATH, withClient, type ThrowawayDatabase } from './support';

const schemaText = readFileSync(SCHEMA_PATH, 'utf8');

describe('live schema vs schema.prisma', () => {
  let db: ThrowawayDatabase;
  const extra: ThrowawayDatabase[] = [];

  beforeAll(async () => {
    db = await createThrowawayDatabase('drift');
    await applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
  });
  afterAll(async () => {
    await db?.drop();
    for (const d of extra) await d.drop();
  });

  it('the migrated database matches every model, field, key, index, relation and enum', async () => {
    const differences = await withClient(db.url, (c) => diffSchemaAgainstDatabase(schemaText, c));
    expect(differences).toEqual([]);
  });

  it('covers the whole seed system with the agreed mapping', async () => {
    const expected = expectedShape(await loadDatamodel(schemaText));
    expect(Object.keys(expected.tables).sort()).toEqual(
      [
        'accounts', 'api_keys', 'candles', 'equity_snapshots', 'executions', 'fills', 'instruments', 'jobs', 'ledger_entries', 'model_versions',
        'news_items', 'orders', 'outbox', 'positions', 'sentiment_scores', 'signals', 'strategies', 'strategy_decisions',
      ].sort(),
    );
    const orders = expected.tables['orders']!;
    expect(orders.columns['quantity']).toEqual({ type: 'numeric(24,10)', nullable: false, default: null });
    expect(orders.columns['created_at']).toEqual({ type: 'timestamptz(3)', nullable: false, default: 'CURRENT_TIMESTAMP' });
    expect(orders.columns['status']).toEqual({ type: 'enum:order_status', nullable: false, default: "'NEW'::order_status" });
    expect(orders.uniques).toEqual({ orders_account_id_client_order_id_key: ['account_id', 'client_order_id'] });
    expect(expected.tables['news_items']!.columns['symbols']).toEqual({ type: 'text[]', nullable: true, default: null });
    expect(expected.tables['signals']!.columns['score']!.type).toBe('double precision');
    expect(expected.tables['signals']!.columns['features']).toEqual({ type: 'jsonb', nullable: true, default: null });
    expect(expected.tables['executions']!.indexes).toEqual({ executions_symbol_created_at_idx: ['symbol', 'created_at'] });
    expect(expected.tables['fills']!.foreignKeys['fills_order_id_fkey']).toEqual({
      columns: ['order_id'],
      referencedTable: 'orders',
      referencedColumns: ['id'],
      onDelete: 'Cascade',
      onUpdate: 'Cascade',
    });
  });

  it('reports drift made in the database (extra column, changed type/nullability/default, dropped or extra index, changed FK, extra table, enum value)', async () => {
    const drifted = await createThrowawayDatabase('drift_db');
    extra.push(drifted);
    await applyMigrations({ databaseUrl: drifted.url, migrationsDir: MIGRATIONS_DIR });
    await withClient(drifted.url, (c) =>
      c.query(`
        ALTER TABLE "orders" ADD COLUMN "sneaky" TEXT;
        ALTER TABLE "fills" ALTER COLUMN "price" TYPE DECIMAL(20,8);
        ALTER TABLE "signals" ALTER COLUMN "reason" DROP NOT NULL;
        ALTER TABLE "accounts" ALTER COLUMN "currency" SET DEFAULT 'EUR';
        DROP INDEX "executions_symbol_created_at_idx";
        CREATE INDEX "jobs_type_idx" ON "jobs"("type");
        ALTER TABLE "fills" DROP CONSTRAINT "fills_order_id_fkey";
        ALTER TABLE "fills" ADD CONSTRAINT "fills_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
        CREATE TABLE "scratch" ("id" TEXT PRIMARY KEY);
        ALTER TYPE "job_status" ADD VALUE 'PAUSED';
      `),
    );
    const differences = await withClient(drifted.url, (c) => diffSchemaAgainstDatabase(schemaText, c));
    const expectReported = (pattern: RegExp) => expect(differences.some((d) => pattern.test(d))).toBe(true);
    expectReported(/^orders\.sneaky: column is in the database but not in schema\.prisma$/);
    expectReported(/^fills\.price: type numeric\(20,8\) in database, numeric\(24,10\) in schema\.prisma$/);
    expectReported(/^signals\.reason: nullable in database, NOT NULL in schema\.prisma$/);
    expectReported(/^accounts\.currency: default 'EUR'::text in database, 'USD'::text in schema\.prisma$/);
    expectReported(/^executions: index executions_symbol_created_at_idx .* is in schema\.prisma but not in the database$/);
    expectReported(/^jobs: index jobs_type_idx .* is in the database but not in schema\.prisma$/);
    expectReported(/^fills: foreign key fills_order_id_fkey differs: .*"onDelete":"Cascade".*"onDelete":"Restrict"/);
    expectReported(/^table scratch is in the database but not in schema\.prisma$/);
    expectReported(/^enums: enum job_status differs/);
    expect(differences).toHaveLength(9);
  });

  it('reports drift made in schema.prisma (new field, index, model; changed type and optionality)', async () => {
    const editedSchema = schemaText
      .replace('  error      String?\n', '  error      String?\n  attempts   Int       @default(0)\n')
      .replace('  @@index([status, createdAt])\n  @@map("jobs")', '  @@index([status, createdAt])\n  @@index([type])\n  @@map("jobs")')
      .replace('  liquidity  String?\n', '  liquidity  String\n')
      .replace('  score     Float\n  reason    String\n', '  score     Decimal  @db.Decimal(10, 4)\n  reason    String\n')
      .concat('\n/// Test-only model.\nmodel Watchlist {\n  id String @id\n\n  @@map("watchlists")\n}\n');
    expect(editedSchema).not.toBe(schemaText);
    const differences = await withClient(db.url, (c) => diffSchemaAgainstDatabase(editedSchema, c));
    expect(differences.sort()).toEqual(
      [
        'jobs.attempts: column is in schema.prisma but not in the database',
        'jobs: index jobs_type_idx ["type"] is in schema.prisma but not in the database',
        'fills.liquidity: nullable in database, NOT NULL in schema.prisma',
        'signals.score: type double precision in database, numeric(10,4) in schema.prisma',
        'table watchlists is in schema.prisma but not in the database',
      ].sort(),
    );
  });

  it("the migrations build the same database as the SQL Prisma's engine generates from schema.prisma", async () => {
    const reference = await createThrowawayDatabase('engine_ref');
    extra.push(reference);
    const { stdout: sql } = await runPrismaEngine(['diff-from-empty', '--schema', SCHEMA_PATH, '--url', reference.url]);
    expect(sql).toMatch(/CREATE TABLE "accounts"/);
    await withClient(reference.url, (c) => c.query(sql));
    const [fromMigrations, fromEngine] = await Promise.all([
      withClient(db.url, introspect),
      withClient(reference.url, introspect),
    ]);
    expect(diffShapes(fromEngine, fromMigrations)).toEqual([]);
    expect(fromMigrations).toEqual(fromEngine);
  });

  it("Prisma's engine finds no missing migration, and reports one when schema.prisma changes", async () => {
    const ok = await runPrismaEngine(['check', '--schema', SCHEMA_PATH, '--migrations', MIGRATIONS_DIR, '--url', db.url], {
      allowFailure: true,
    });
    expect({ code: ok.code, stderr: ok.stderr }).toEqual({ code: 0, stderr: '' });

    const dir = mkdtempSync(path.join(tmpdir(), 'aitrader-schema-'));
    try {
      const edited = path.join(dir, 'schema.prisma');
      writeFileSync(edited, schemaText.replace('  error      String?\n', '  error      String?\n  attempts   Int       @default(0)\n'));
      const diff = await runPrismaEngine(['diff', '--schema', edited, '--migrations', MIGRATIONS_DIR, '--url', db.url]);
      expect(diff.stdout).toMatch(/ALTER TABLE "jobs" ADD COLUMN\s+"attempts" INTEGER NOT NULL DEFAULT 0;/);
      const check = await runPrismaEngine(['check', '--schema', edited, '--migrations', MIGRATIONS_DIR, '--url', db.url], {
        allowFailure: true,
      });
      expect(check.code).toBe(1);
      expect(check.stderr).toContain('"attempts"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
