// Platform configuration, in two parts validated once at start with a clear message:
// - the shared base every process reads (environment, logging, Redis, PostgreSQL, deployment prefix,
//   consumer name) plus every service's port and URL variable, derived from the service registry;
// - each service's own settings, a zod object declared in the service's folder (`settings.ts`) and
//   parsed from the same environment by `parseSettings` (see ServiceDefinition.settings).
import { hostname } from 'node:os';
import { z } from 'zod';
import { SERVICE_REGISTRY, defaultServiceUrl, type PortVariable, type UrlVariable } from './registry';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const httpUrl = (fallback: string) =>
  z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).default(fallback);

const BaseSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  // Loopback by default: outside compose (which sets 0.0.0.0) nothing is reachable from other machines.
  HOST: z.string().min(1).default('127.0.0.1'),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .default('redis://127.0.0.1:6379/0'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' })
    .default('postgresql://postgres:postgres@127.0.0.1:5432/aitrader'),
  HEALTH_TIMEOUT_MS: z.coerce.number().int().min(50).max(30000).default(1000),
  // Prefix for every Redis stream, channel and key of this deployment (isolates tests and tenants).
  REDIS_PREFIX: z.string().regex(/^[\w:.-]*$/, 'may hold letters, digits, ":", ".", "_" and "-"').default(''),
  // Stream consumer name; stable across restarts so a restarted process re-reads its own pending entries.
  // Unset: "<host>-<service>-<REPLICA_INDEX>" (see consumerNameOf), unique per process on one host.
  CONSUMER_NAME: z.string().regex(/^[\w.-]{1,64}$/, 'must be 1-64 letters, digits, ".", "_" or "-"').optional(),
  // Which replica of its service this process is (0, 1, …), when several run on one host.
  REPLICA_INDEX: z.coerce.number().int().min(0).max(999).default(0),
  // Set by the supervisor (npm start): how often it restarted this process; shown in /health.
  AITRADER_RESTARTS: z.coerce.number().int().min(0).default(0),
  // The paper account the platform trades by default: created by accounts at first start, traded by strategy.
  DEFAULT_ACCOUNT_ID: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).default('default'),
  // Shared by every process: signs the principal the gateway (or a calling service) passes on. `npm start`
  // generates one into .aitrader/local.json; every service refuses to start without it.
  INTERNAL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // JWTs: HS256 with a secret, or RS256/ES256 with a JWKS file or URL; optional issuer and audience.
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_JWKS_FILE: z.string().min(1).optional(),
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  AUTH_JWT_ISSUER: z.string().min(1).optional(),
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  // Longest a GraphQL operation may run (gateway and subgraphs) before it is abandoned.
  OPERATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  // Most fields one subgraph operation may resolve (its answer's size); the gateway's cost limit keeps
  // its own callers far below this, it bounds what a subgraph will build for anyone.
  OPERATION_MAX_FIELDS: z.coerce.number().int().min(1_000).max(100_000_000).default(500_000),
  // Stack traces in GraphQL errors: never in production; elsewhere only when asked for (1).
  GRAPHQL_DEBUG: z.enum(['0', '1']).default('0'),
});

// Where each service listens and where the others find it: one port and (for most) one URL variable per
// registry entry, with the seed's names and local defaults.
const EndpointsSchema = z.object(
  Object.fromEntries(
    SERVICE_REGISTRY.flatMap((s) => [
      [s.portVariable, port(s.defaultPort)],
      ...('urlVariable' in s ? [[s.urlVariable, httpUrl(defaultServiceUrl(s))]] : []),
    ]),
  ) as Record<PortVariable, ReturnType<typeof port>> & Record<UrlVariable, ReturnType<typeof httpUrl>>,
);

/** What production refuses to run without: credentials on Redis and PostgreSQL, and the internal secret. */
function productionProblems(c: { NODE_ENV: string; REDIS_URL: string; DATABASE_URL: string; INTERNAL_SECRET?: string }): { path: string; message: string }[] {
  if (c.NODE_ENV !== 'production') return [];
  const problems: { path: string; message: string }[] = [];
  if (!new URL(c.REDIS_URL).password) problems.push({ path: 'REDIS_URL', message: 'production needs a Redis ACL user/password in REDIS_URL (redis://user:password@host:6379/0)' });
  const db = new URL(c.DATABASE_URL);
  if (!db.password || db.password === 'postgres') problems.push({ path: 'DATABASE_URL', message: 'production needs a PostgreSQL password other than the default' });
  if (!c.INTERNAL_SECRET) problems.push({ path: 'INTERNAL_SECRET', message: 'production needs INTERNAL_SECRET (32+ random characters shared by every process)' });
  return problems;
}

export const ConfigSchema = BaseSchema.extend(EndpointsSchema.shape).superRefine((c, ctx) => {
  for (const p of productionProblems(c)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
});

export type Config = z.infer<typeof ConfigSchema> & {
  /** The environment this config was read from; each service parses its own settings from it. */
  readonly env: Readonly<Record<string, string>>;
};

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  readonly code = 'INVALID_CONFIG';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Empty strings mean "unset" so that `FOO=` in a compose file falls back to the default. */
function cleanEnv(env: NodeJS.ProcessEnv | Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
}

function parseOrThrow<T extends z.ZodType>(schema: T, env: Record<string, string>): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const key = issue.path.join('.');
      return `${key}: ${issue.message} (got ${JSON.stringify(env[key])})`;
    }),
  );
}

export function loadConfig(env: NodeJS.ProcessEnv | Readonly<Record<string, string>> = process.env): Config {
  const cleaned = cleanEnv(env);
  const parsed = parseOrThrow(ConfigSchema, cleaned);
  return { ...parsed, REDIS_PREFIX: cleaned.REDIS_PREFIX ?? defaultRedisPrefix(parsed.REDIS_URL), env: Object.freeze(cleaned) };
}

/**
 * The prefix of a deployment that sets none: empty on Redis database 0 (the seed's own stream and channel
 * names), `db<N>:` on any other. Keys and streams are per database but pub/sub channels are server-wide,
 * so two deployments on one server in different databases would otherwise hear each other's channels.
 */
export function defaultRedisPrefix(redisUrl: string): string {
  const db = Number(new URL(redisUrl).pathname.slice(1) || 0);
  return Number.isInteger(db) && db > 0 ? `db${db}:` : '';
}

/** A service's own settings (its `settings.ts` schema) from the environment `config` was read from. */
export function parseSettings<T extends z.ZodType>(schema: T, config: Pick<Config, 'env'>): z.infer<T> {
  return parseOrThrow(schema, config.env as Record<string, string>);
}

/**
 * This process's name in its service's stream consumer groups: CONSUMER_NAME when set, else host, service
 * and replica index — stable across restarts of the same process, distinct between two replicas on one host.
 */
export function consumerNameOf(config: Pick<Config, 'CONSUMER_NAME' | 'REPLICA_INDEX'>, service: string): string {
  if (config.CONSUMER_NAME) return config.CONSUMER_NAME;
  const host = hostname().replace(/[^\w.-]/g, '-').slice(0, 40) || 'local';
  return `${host}-${service}-${config.REPLICA_INDEX}`;
}
