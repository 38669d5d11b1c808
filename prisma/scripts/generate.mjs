// Runs `prisma generate` for prisma/schema.prisma offline: Prisma 7's CLI tries to download the
// schema-engine binary at start-up unless PRISMA_SCHEMA_ENGINE_BINARY points at an existing file,
// and `generate` never actually runs that engine, so any existing file (node itself) will do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(prismaDir, '..');
const candidates = [
  path.join(prismaDir, 'node_modules', '.bin', 'prisma'),
  path.join(repoRoot, 'node_modules', '.bin', 'prisma'),
];
const prismaBin = candidates.find((p) => existsSync(p));
if (!prismaBin) {
  console.error(`prisma CLI not found (looked in ${candidates.join(', ')}); run npm install first`);
  process.exit(1);
}

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
// Telemetry/update checks would try to reach the network.
env.CHECKPOINT_DISABLE ??= '1';
env.PRISMA_HIDE_UPDATE_MESSAGE ??= '1';

const result = spawnSync(prismaBin, ['generate', ...process.argv.slice(2)], {
  cwd: prismaDir,
  env,
  stdio: 'inherit',
});
if (result.error) {
  console.error(result.error.message);
  process.exit(1);
}
process.exit(result.status ?? 1);
