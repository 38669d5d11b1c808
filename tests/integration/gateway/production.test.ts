// The gateway in production (NODE_ENV=production) refuses to start with no way to authenticate anyone:
// no API key in the database and no JWT secret or JWKS. One active key, or a JWT secret, is enough; the
// playground carries no development key and introspection is off.
import { ApiKeyStore, ConfigError, createDatabase, createLogger, issueJwt, type Config } from '@aitrader/platform';
import { applyMigrations } from '../../../prisma/src';
import { startGateway } from '../../../gateway/src/server';
import { createThrowawayDatabase, MIGRATIONS_DIR, type ThrowawayDatabase } from '../db/support';
import { testConfig, uniquePrefix } from '../support/env';

let db: ThrowawayDatabase;
beforeAll(async () => {
  db = await createThrowawayDatabase('production');
  await applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

/** A production configuration on the test's Redis/PostgreSQL (whose passwords production would also require). */
function production(overrides: Record<string, string> = {}): Config {
  const base = testConfig({ DATABASE_URL: db.url, REDIS_PREFIX: uniquePrefix('production'), AUTH_JWT_SECRET: '', AITRADER_LOCAL_ADMIN_KEY: 'aitrader_dev_key_that_must_not_show', ...overrides });
  return { ...base, NODE_ENV: 'production' };
}
const logger = createLogger('gateway', testConfig());

test('no API key and no JWT verifier: the gateway refuses to start, naming what to configure', async () => {
  const start = startGateway(production(), logger, 0);
  await expect(start).rejects.toBeInstanceOf(ConfigError);
  await expect(startGateway(production(), logger, 0)).rejects.toThrow(/production needs credentials: API keys \(npm run keys -- create …\) or AUTH_JWT_SECRET/);
});

test('a JWT secret is enough; introspection is off and the playground has no key', async () => {
  const secret = 'p'.repeat(32);
  const gateway = await startGateway(production({ AUTH_JWT_SECRET: secret }), logger, 0);
  try {
    const authorization = `Bearer ${await issueJwt(secret, { sub: 'ops', scopes: ['read'] })}`;
    const ask = async (query: string) =>
      (await (await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query }) })).json()) as {
        data?: unknown;
        errors?: { message: string; extensions?: { code?: string } }[];
      };
    expect((await ask('{ __schema { types { name } } }')).errors?.[0]).toMatchObject({ message: expect.stringMatching(/introspection/i), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect((await ask('{ __typename }')).data).toEqual({ __typename: 'Query' });
    const page = await (await fetch(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(page).not.toContain('aitrader_dev_key_that_must_not_show');
  } finally {
    await gateway.close();
  }
});

test('one active API key is enough', async () => {
  const prisma = createDatabase(db.url);
  try {
    await new ApiKeyStore(prisma).create({ label: 'ops', scopes: ['read'], accounts: [] });
  } finally {
    await prisma.$disconnect();
  }
  const gateway = await startGateway(production(), logger, 0);
  await gateway.close();
});
