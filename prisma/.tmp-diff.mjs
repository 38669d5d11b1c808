import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');
const { PrismaPg } = require('@prisma/adapter-pg');
const runtime = await import('@prisma/schema-engine-wasm/schema_engine_bg');
const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/schema_engine_bg\.js$/, 'schema_engine_bg.wasm');
const inst = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), { './schema_engine_bg.js': runtime });
runtime.__wbg_set_wasm(inst.exports); inst.exports.__wbindgen_start();
const schema = fs.readFileSync('prisma/schema.prisma', 'utf8').replace('  error      String?\n', '  error      String?\n  attempts   Int       @default(0)\n');
const url = 'postgresql://postgres:postgres@127.0.0.1:5432/tmp_sew_main';
const pg = require('pg');
function patchClient(client) {
  if (client.__patched) return client;
  client.__patched = true;
  const orig = client.query.bind(client);
  client.query = (...args) => {
    const fix = (res) => { for (const r of Array.isArray(res) ? res : [res]) for (const f of r?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25; return res; };
    const cb = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    if (cb) return orig(...args, (err, res) => cb(err, err ? res : fix(res)));
    const p = orig(...args);
    return p && typeof p.then === 'function' ? p.then(fix) : p;
  };
  return client;
}
class PatchedPool extends pg.Pool {
  constructor(cfg) { super(cfg); this.on('connect', patchClient); }
}
const PgMod = require('pg');
const origPool = PgMod.Pool;
PgMod.Pool = PatchedPool; if (PgMod.default) PgMod.default.Pool = PatchedPool;
const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ host: '127.0.0.1', port: 5432, user: 'postgres', password: 'postgres', database: 'tmp_sew_main' }));
const engine = await runtime.SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, (m) => process.env.DBG && console.error('dbg', m), adapter);
const baseDir = path.resolve('prisma/migrations');
const dirs = fs.readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const migrations = { baseDir, lockfile: { path: 'migration_lock.toml', content: fs.readFileSync(path.join(baseDir, 'migration_lock.toml'), 'utf8') }, shadowDbInitScript: '', migrationDirectories: dirs.map((d) => ({ path: d, migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: fs.readFileSync(path.join(baseDir, d, 'migration.sql'), 'utf8') } } })) };
const r = await engine.diff({ from: { tag: 'migrations', ...migrations }, to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] }, script: true, exitCode: null, filters: { externalTables: [], externalEnums: [] } });
process.stdout.write(r.stdout ?? '');
process.exit(0);
