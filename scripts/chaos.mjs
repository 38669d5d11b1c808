// `npm run chaos`: prepares what the chaos suite needs as `npm test` does (its own Redis server and
// database, migrations), then runs tests/chaos/cli.ts.
import { join } from 'node:path';
import { BIN, DEFAULT_DATABASE_URL, DEFAULT_TEST_REDIS_URL, ROOT, run } from './lib.mjs';
import { migrate, setup } from './setup.mjs';

process.env.REDIS_URL = process.env.TEST_REDIS_URL || DEFAULT_TEST_REDIS_URL;
process.env.DATABASE_URL = process.env.TEST_DATABASE_URL || DEFAULT_DATABASE_URL.replace(/\/aitrader$/, '/aitrader_test');
await setup();
migrate(process.env.DATABASE_URL);
run(join(BIN, 'tsx'), [join(ROOT, 'tests', 'chaos', 'cli.ts')]);
