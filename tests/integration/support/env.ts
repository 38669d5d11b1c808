// Integration-test environment: the real Redis and PostgreSQL that `npm test` started — a Redis server and
// a database of the tests' own (TEST_REDIS_URL, TEST_DATABASE_URL), never the running platform's.
import { randomBytes, randomUUID } from 'node:crypto';
import { expandScopes, issueJwt, loadConfig, signedPrincipalHeaders, type Config, type Principal } from '@aitrader/platform';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6380/0';
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/aitrader_test';

/** A name prefix unique to one test, so parallel tests never share streams or groups. */
export function uniquePrefix(label: string): string {
  return `test:${label}:${randomBytes(4).toString('hex')}:`;
}

/** Secrets of this test process: the one every service shares, and the HS256 key test JWTs are signed with. */
export const INTERNAL_SECRET = `test-internal-${randomBytes(16).toString('hex')}`;
export const AUTH_JWT_SECRET = `test-jwt-${randomBytes(16).toString('hex')}`;

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ REDIS_URL, DATABASE_URL, LOG_LEVEL: 'silent', HOST: '127.0.0.1', INTERNAL_SECRET, AUTH_JWT_SECRET, ...overrides });
}

const ADMIN: Principal = { id: 'jwt:test-admin', kind: 'jwt', scopes: expandScopes(['admin']), accounts: '*' };
let adminJwt: Promise<string> | undefined;

/** A JWT for this test process's AUTH_JWT_SECRET. */
export function testJwt(scopes: string[], accounts?: string[], sub = 'test-user'): Promise<string> {
  return issueJwt(AUTH_JWT_SECRET, { sub, scopes, accounts });
}

/**
 * Headers of a test client with every right: an admin JWT (what the gateway checks) and the same caller
 * signed with the internal secret (what a subgraph called directly accepts).
 */
export async function authHeaders(): Promise<Record<string, string>> {
  adminJwt ??= testJwt(['admin'], undefined, 'test-admin');
  return { authorization: `Bearer ${await adminJwt}`, ...signedHeaders() };
}

/** The admin test caller signed with the internal secret: what a platform service sends another (sync). */
export function signedHeaders(): Record<string, string> {
  return signedPrincipalHeaders(INTERNAL_SECRET, ADMIN, randomUUID());
}

/** graphql-ws connectionParams with the same rights (gateway: Authorization; subgraph: signed principal). */
export const authConnectionParams = authHeaders;

/** Polls until `predicate` holds (or fails after `timeoutMs`); for waiting on background consumers. */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * POSTs a GraphQL operation (to a subgraph or the gateway) as an admin test client, or with the given
 * headers instead (`headers: {}` for an anonymous request).
 */
export async function gql<T = Record<string, any>>(url: string, query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<GraphQLResponse<T>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(headers ?? (await authHeaders())) }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as GraphQLResponse<T>;
}

/** Redis replies list fields flat ([k1, v1, k2, v2…]); this pairs them into an object. */
export function fieldsOf(flat: readonly unknown[]): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const out: Record<string, unknown> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = flat[i + 1];
  return out;
}
