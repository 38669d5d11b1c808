// Fails (exit 1) when a committed generated resolver-types file differs from what `npm run codegen`
// would write now, naming the stale files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen';

async function main(): Promise<number> {
  const outputs = (await generate({ ...config, cwd: join(__dirname, '..'), silent: true }, false)) as { filename: string; content: string }[];
  const stale = outputs.filter((o) => {
    const path = join(__dirname, '..', o.filename);
    return !existsSync(path) || readFileSync(path, 'utf8') !== o.content;
  });
  if (stale.length === 0) {
    process.stdout.write(`generated resolver types are up to date (${outputs.length} files)\n`);
    return 0;
  }
  process.stderr.write(`stale generated files: ${stale.map((o) => o.filename).join(', ')}\nrun: npm run codegen\n`);
  return 1;
}

main().then((code) => process.exit(code), (err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
