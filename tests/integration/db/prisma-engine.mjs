// Test bridge to Prisma's real schema engine (the @prisma/schema-engine-wasm build that ships with
// @prisma/internals), driven through @prisma/adapter-pg, so the tests can compare our offline runner
// and hand-kept migrations against what Prisma itself generates and records. Offline; no binaries.
// Usage:
//   node prisma-engine.mjs diff-from-empty <schema.prisma> <databaseUrl>   -> prints the SQL Prisma would
//                                                                            generate for an empty database
//   node prisma-engine.mjs apply <schema.prisma> <migrationsDir> <databaseUrl>
//                                                                         -> `prisma migrate deploy`; prints
//                                                                            {"appliedMigrationNames": [...]}
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');
const { PrismaPg } = require('@prisma/adapter-pg');

const NO_FILTERS = { externalTables: [], externalEnums: [] };

async function loadEngine(schemaPath, databaseUrl) {
  const runtime = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = require
    .resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    .replace(/schema_engine_bg\.js$/, 'schema_engine_bg.wasm');
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
    './schema_engine_bg.js': runtime,
  });
  runtime.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  const schema = readFileSync(schemaPath, 'utf8');
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const debug = (line) => {
    if (process.env.PRISMA_ENGINE_DEBUG) process.stderr.write(`${line}\n`);
  };
  const engine = await runtime.SchemaEngine.new({ datamodels: [[path.basename(schemaPath), schema]] }, debug, adapter);
  return { engine, schema };
}

async function diffFromEmpty(schemaPath, databaseUrl) {
  const { engine, schema } = await loadEngine(schemaPath, databaseUrl);
  const result = await engine.diff({
    from: { tag: 'empty' },
    to: { tag: 'schemaDatamodel', files: [{ path: path.basename(schemaPath), content: schema }] },
    script: true,
    exitCode: null,
    filters: NO_FILTERS,
  });
  process.stdout.write(result.stdout ?? '');
}

async function apply(schemaPath, migrationsDir, databaseUrl) {
  const { engine } = await loadEngine(schemaPath, databaseUrl);
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const folders = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const result = await engine.applyMigrations({
    migrationsList: {
      baseDir: migrationsDir,
      lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
      shadowDbInitScript: '',
      migrationDirectories: folders.map((name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok', value: readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
        },
      })),
    },
    filters: NO_FILTERS,
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'diff-from-empty' && args.length === 2) await diffFromEmpty(args[0], args[1]);
  else if (command === 'apply' && args.length === 3) await apply(args[0], args[1], args[2]);
  else {
    process.stderr.write('usage: prisma-engine.mjs diff-from-empty <schema> <url> | apply <schema> <migrationsDir> <url>\n');
    process.exit(2);
  }
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
}
