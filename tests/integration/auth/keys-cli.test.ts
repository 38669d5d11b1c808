// `npm run keys` against the real PostgreSQL: a created key verifies with the scope and accounts asked
// for, is listed, and stops verifying once revoked; `ensure-local` (what `npm start` runs) makes the
// development admin key once and keeps it across starts; bad arguments exit 2 with the usage.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyStore, createDatabase, parseApiKey } from '@aitrader/platform';
import { runTsx } from '../support/cli';
import { DATABASE_URL } from '../support/env';

const prisma = createDatabase(DATABASE_URL);
const keys = new ApiKeyStore(prisma);
const dir = mkdtempSync(join(tmpdir(), 'aitrader-keys-'));
afterAll(async () => {
  await prisma.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runTsx('platform/src/auth/keys-cli.ts', args, { ...process.env, DATABASE_URL });

test('create → verify with its scope and accounts → list → revoke → refused', async () => {
  const created = await cli('create', '--scope', 'trade', '--account', 'acct-x', '--label', 'cli test');
  expect(created.status).toBe(0);
  const token = created.stdout.trim();
  const id = parseApiKey(token)!.id;
  expect(await keys.verify(token)).toEqual({ id: `key:${id}`, kind: 'api-key', scopes: ['read', 'trade'], accounts: ['acct-x'] });
  expect((await cli('list')).stdout).toMatch(new RegExp(`^${id}\\ttrade\\tacct-x\\tactive\\tcli test$`, 'm'));
  expect((await cli('revoke', id)).status).toBe(0);
  expect(await new ApiKeyStore(prisma).verify(token)).toBeNull();
  expect((await cli('revoke', id)).status).toBe(1);
}, 60_000);

test('ensure-local makes the admin key once and registers the same key again on the next start', async () => {
  const file = join(dir, 'local.json');
  const first = await cli('ensure-local', file);
  expect(first.status).toBe(0);
  const token = JSON.parse(readFileSync(file, 'utf8')).adminKey as string;
  expect(first.stdout.trim()).toBe(token);
  await prisma.apiKey.delete({ where: { id: parseApiKey(token)!.id } }); // e.g. a fresh database
  expect((await cli('ensure-local', file)).stdout.trim()).toBe(token);
  expect(await new ApiKeyStore(prisma).verify(token)).toMatchObject({ scopes: ['read', 'trade', 'admin'], accounts: '*' });
}, 60_000);

test('bad arguments exit 2 with the usage', async () => {
  for (const args of [[], ['create'], ['create', '--scope', 'root'], ['revoke'], ['frobnicate']]) {
    const r = await cli(...args);
    expect([args.join(' '), r.status]).toEqual([args.join(' '), 2]);
    expect(r.stderr).toMatch(/usage: npm run keys|--scope/);
  }
}, 60_000);
