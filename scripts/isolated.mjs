// Runs a TypeScript entry (`node scripts/isolated.mjs <file.ts> [args]`) on the tests' own Redis server
// and database, prepared as `npm test` prepares them (set-up, migrations): `npm run chaos` and
// `npm run bench:gateway` use it, so they never touch a running platform's data.
import { join, resolve } from 'node:path';
import { BIN, DEFAULT_DATABASE_URL, DEFAULT_TEST_REDIS_URL, ROOT, run } from './lib.mjs';
import { migrate, setup } from './setup.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('usage: node scripts/isolated.mjs <file.ts> [args]');
process.env.REDIS_URL = process.env.TEST_REDIS_URL || DEFAULT_TEST_REDIS_URL;
process.env.DATABASE_URL = process.env.TEST_DATABASE_URL || DEFAULT_DATABASE_URL.replace(/\/aitrader$/, '/aitrader_test');
await setup();
migrate(process.env.DATABASE_URL);
run(join(BIN, 'tsx'), [resolve(ROOT, entry), ...args]);
