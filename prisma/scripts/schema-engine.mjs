// Offline access to Prisma's real schema engine: the WASM build that ships with @prisma/internals
// (@prisma/schema-engine-wasm), driven through @prisma/adapter-pg. The native schema-engine binary that
// `prisma migrate` downloads is unavailable here, so this script stands in for the migrate commands:
//
//   node scripts/schema-engine.mjs new <name>        like `prisma migrate dev --create-only --name <name>`:
//                                                    writes migrations/<UTC timestamp>_<name>/migration.sql
//                                                    with the SQL that takes the migrations to schema.prisma
//   node scripts/schema-engine.mjs diff              prints that SQL without writing anything
//   node scripts/schema-engine.mjs check             exit 1 when the migrations do not produce schema.prisma
//   node scripts/schema-engine.mjs diff-from-empty   prints the SQL Prisma generates for an empty database
//   node scripts/schema-engine.mjs apply             like `prisma migrate deploy` (prints applied names as JSON)
//
// Options: --schema <file> (default ../schema.prisma), --migrations <dir> (default ../migrations),
// --url <postgresql://...> (default env DATABASE_URL). `new`, `diff` and `check` replay the migrations in a
// temporary shadow database created (and dropped) on that server; `apply` migrates the URL's database.
// Two adapter workarounds are applied: the pg "char" type (OID 18, used by the engine's catalog queries) is
// reported as text, and the shadow database is created from parsed settings and dropped WITH (FORCE).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pg = require('pg');
const { parse: parseConnectionString } = require('pg-connection-string');
const { PrismaPg } = require('@prisma/adapter-pg');
const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');

const PRISMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NO_FILTERS = { externalTables: [], externalEnums: [] };
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const EMPTY_MIGRATION = /^\s*(-- This is an empty migration\.\s*)?$/;

/** pg client settings (no connectionString, so `database` can be overridden) and the Prisma schema name. */
function connectionSettings(url) {
  const { schema, ...config } = parseConnectionString(url);
  for (const key of Object.keys(config)) if (config[key] === undefined || config[key] === null) delete config[key];
  if (config.port !== undefined) config.port = Number(config.port);
  return { config, schema: schema || undefined };
}

/** A pg.Pool whose results report "char" columns as text (the adapter rejects OID 18). */
function createPool(config) {
  const pool = new pg.Pool(config);
  pool.on('connect', (client) => {
    const query = client.query.bind(client);
    const fix = (result) => {
      for (const r of Array.isArray(result) ? result : [result]) {
        for (const field of r?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      }
      return result;
    };
    client.query = (...args) => {
      const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
      if (callback) return query(...args, (error, result) => callback(error, error ? result : fix(result)));
      const pending = query(...args);
      return pending && typeof pending.then === 'function' ? pending.then(fix) : pending;
    };
  });
  return pool;
}

async function adminQuery(config, sql) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

class OfflinePrismaPg extends PrismaPg {
  constructor(config, schema) {
    super(createPool(config), { schema, disposeExternalPool: true });
    this.offlineConfig = config;
    this.offlineSchema = schema;
  }

  async connectToShadowDb() {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await adminQuery(this.offlineConfig, `CREATE DATABASE "${database}"`);
    const adapter = await new PrismaPg(createPool({ ...this.offlineConfig, database }), {
      schema: this.offlineSchema,
      disposeExternalPool: true,
    }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose().catch(() => undefined);
      await adminQuery(this.offlineConfig, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    };
    return adapter;
  }
}

let schemaEngineClass;
async function loadSchemaEngineClass() {
  if (schemaEngineClass) return schemaEngineClass;
  const runtime = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = require
    .resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    .replace(/schema_engine_bg\.js$/, 'schema_engine_bg.wasm');
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
    './schema_engine_bg.js': runtime,
  });
  runtime.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  schemaEngineClass = runtime.SchemaEngine;
  return schemaEngineClass;
}

/** Loads migration folders the way the Prisma CLI hands them to the engine. */
export function migrationList(migrationsDir) {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const folders = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: folders.map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file) ? { tag: 'ok', value: readFileSync(file, 'utf8') } : { tag: 'error', value: `missing ${file}` },
        },
      };
    }),
  };
}

/** A schema engine bound to `url`'s server (and database, for `apply`). */
export async function openEngine({ schemaPath, url }) {
  const SchemaEngine = await loadSchemaEngineClass();
  const { config, schema } = connectionSettings(url);
  const adapter = bindMigrationAwareSqlAdapterFactory(new OfflinePrismaPg(config, schema));
  const debug = (line) => {
    if (process.env.PRISMA_ENGINE_DEBUG) process.stderr.write(`${line}\n`);
  };
  const datamodel = readFileSync(schemaPath, 'utf8');
  const engine = await SchemaEngine.new({ datamodels: [[path.basename(schemaPath), datamodel]] }, debug, adapter);
  const schemaFiles = [{ path: path.basename(schemaPath), content: datamodel }];
  return { engine, schemaFiles };
}

/** SQL taking the migrations directory's end state to schema.prisma ('' when nothing differs). */
export async function diffMigrationsToSchema({ schemaPath, migrationsDir, url }) {
  const { engine, schemaFiles } = await openEngine({ schemaPath, url });
  const result = await engine.diff({
    from: { tag: 'migrations', ...migrationList(migrationsDir) },
    to: { tag: 'schemaDatamodel', files: schemaFiles },
    script: true,
    exitCode: null,
    filters: NO_FILTERS,
  });
  const sql = result.stdout ?? '';
  return EMPTY_MIGRATION.test(sql) ? '' : sql;
}

export async function diffFromEmpty({ schemaPath, url }) {
  const { engine, schemaFiles } = await openEngine({ schemaPath, url });
  const result = await engine.diff({
    from: { tag: 'empty' },
    to: { tag: 'schemaDatamodel', files: schemaFiles },
    script: true,
    exitCode: null,
    filters: NO_FILTERS,
  });
  return result.stdout ?? '';
}

export async function applyWithEngine({ schemaPath, migrationsDir, url }) {
  const { engine } = await openEngine({ schemaPath, url });
  return engine.applyMigrations({ migrationsList: migrationList(migrationsDir), filters: NO_FILTERS });
}

function timestamp(date = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`;
}

function parseArgs(argv) {
  const options = {
    schemaPath: path.join(PRISMA_DIR, 'schema.prisma'),
    migrationsDir: path.join(PRISMA_DIR, 'migrations'),
    url: process.env.DATABASE_URL,
  };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--schema') options.schemaPath = path.resolve(argv[++i]);
    else if (arg === '--migrations') options.migrationsDir = path.resolve(argv[++i]);
    else if (arg === '--url') options.url = argv[++i];
    else positional.push(arg);
  }
  return { options, positional };
}

async function main(argv) {
  const { options, positional } = parseArgs(argv);
  const [command, name] = positional;
  if (!options.url) throw new Error('Set DATABASE_URL or pass --url (a PostgreSQL server where a shadow database may be created).');
  switch (command) {
    case 'diff':
      process.stdout.write(await diffMigrationsToSchema(options));
      return 0;
    case 'check': {
      const sql = await diffMigrationsToSchema(options);
      if (!sql) {
        console.log('prisma/migrations match schema.prisma.');
        return 0;
      }
      console.error(`prisma/migrations do not produce schema.prisma; missing migration:\n\n${sql}`);
      return 1;
    }
    case 'new': {
      if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: schema-engine.mjs new <snake_case_name>');
      const sql = await diffMigrationsToSchema(options);
      if (!sql) {
        console.log('schema.prisma already matches the migrations; no migration created.');
        return 0;
      }
      const folder = path.join(options.migrationsDir, `${timestamp()}_${name}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'migration.sql'), sql);
      console.log(`Created ${path.relative(process.cwd(), path.join(folder, 'migration.sql'))}`);
      return 0;
    }
    case 'diff-from-empty':
      process.stdout.write(await diffFromEmpty(options));
      return 0;
    case 'apply':
      process.stdout.write(`${JSON.stringify(await applyWithEngine(options))}\n`);
      return 0;
    default:
      console.error('usage: schema-engine.mjs new <name> | diff | check | diff-from-empty | apply [--schema f] [--migrations d] [--url u]');
      return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error?.stack ?? String(error));
      process.exit(1);
    },
  );
}
