// Runs a TypeScript entry (`node scripts/isolated.mjs <file.ts> [args]`) on the tests' own Redis server
// and database, prepared as `npm test` prepares them (set-up, migrations): `npm run chaos` and
// `npm run bench:gateway` use it, so they never touch a running platform's data.
import { join, resolve } from 'node:path';
import { BIN, ROOT, run, useTestInfrastructure } from './lib.mjs';
import { migrate, setup } from './setup.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('usage: node scripts/isolated.mjs <file.ts> [args]');
useTestInfrastructure();
await setup();
migrate(process.env.DATABASE_URL);
run(join(BIN, 'tsx'), [resolve(ROOT, entry), ...args]);
