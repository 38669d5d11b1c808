// Service runtime shared by every process: config and the service's own settings, logger, Redis and
// PostgreSQL connections, `GET /health`, the service's REST routes and, for subgraphs, the federated
// GraphQL endpoint with a context made per request (request id, caller, DataLoaders).
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { DocumentNode } from 'graphql';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { consumerNameOf, loadConfig, parseSettings, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { createRedis } from './bus/redis';
import { createDatabase, pingDatabase, type PrismaClient } from './db';
import { healthHttpStatus, healthReporter, postgresCheck, redisCheck, type DependencyCheck, type HealthReport } from './health';
import { serviceInfoField, serviceInfoTypeDefs, toServiceInfo } from './graphql/service-info';
import { DateTimeScalar } from './graphql/scalars';
import { createEventBus, serveSubscriptions, type RedisPubSub } from './graphql/subscriptions';
import { requestIdOf, type RequestContext } from './graphql/request-context';
import { apolloErrorOptions } from './graphql/apollo-options';
import { abandonedRequestPlugin, createOperationStats, stoppableResolvers } from './graphql/stop-abandoned';
import { createAuthenticator, type Authenticator } from './auth/authenticator';
import { signedPrincipalHeaders, verifySignedPrincipal } from './auth/internal';
import { servicePrincipal, type Scope } from './auth/principal';
import { bodyErrors, gatewayOnly, jsonBody, jsonParser, requestSignal, restCaller } from './http/guards';
import { ConfigError } from './config';
import { SERVICES, type ServiceName } from './services';
import { VERSION } from './version';

export interface ServiceContext {
  name: ServiceName;
  config: Config;
  logger: Logger;
  redis: Redis;
  prisma: PrismaClient;
  /** Redis-backed pub/sub for GraphQL subscriptions; `channel()` applies the deployment's prefix. */
  events: { pubsub: RedisPubSub; channel: (name: string) => string };
  /** Verifies API keys and JWTs (REST and MCP endpoints). */
  auth: Authenticator;
  /** This process's name in its stream consumer groups (consumerNameOf). */
  consumerName: string;
  /** Headers that let this process call another platform process as itself (a signed service principal). */
  serviceHeaders(requestId?: string): Record<string, string>;
  health(): Promise<HealthReport>;
}

/** The runtime plus the service's own settings (parsed from its `settings` schema). */
export type SettingsContext<T> = ServiceContext & { settings: T };

/** What routes and background work receive: the runtime, the service's settings and its own objects. */
export type AppContext<S, T = object> = SettingsContext<T> & { services: S };

/** What resolvers receive: the service's context plus one request's id, caller and DataLoaders. */
export type GraphQLContext<S, T = object, L = object> = AppContext<S, T> & {
  request: RequestContext;
  /** Made afresh for each request, so batching and caching never outlive it. */
  loaders: L;
};

/**
 * Generated resolver maps (codegen) are stricter than @apollo/subgraph's loose GraphQLResolverMap; this
 * is the shape both agree on. The runtime hands them to buildSubgraphSchema unchanged.
 */
export type ResolverMap = { [typeName: string]: object | undefined };

export interface ServiceDefinition<S = unknown, T = any, L = unknown> { // eslint-disable-line @typescript-eslint/no-explicit-any
  name: ServiceName;
  /** The service's own settings over the shared base config (its `settings.ts`), validated at start. */
  settings?: z.ZodType<T>;
  /** The subgraph's own SDL; when given, the service serves federated GraphQL at /graphql. */
  typeDefs?: DocumentNode;
  resolvers?: ResolverMap;
  /** Builds the service's application objects (stores, domain services) once at start. */
  services?: (ctx: SettingsContext<T>) => S;
  /** Builds one request's DataLoaders (entity batching); called for every GraphQL request. */
  loaders?: (ctx: AppContext<S, T>) => L;
  /** REST endpoints of the service (the seed's API). */
  routes?: (app: Express, ctx: AppContext<S, T>) => void;
  /**
   * The scope each REST route needs, by `"METHOD /path"` prefix (e.g. `"POST /api/news": "admin"`);
   * every other route needs `read`. `/health` is open.
   */
  routeScopes?: Record<string, Scope>;
  /** Checks beyond Redis and PostgreSQL. */
  checks?: (ctx: AppContext<S, T>) => DependencyCheck[];
  /** Background work (stream consumers, ...); returns how to stop it. */
  start?: (ctx: AppContext<S, T>) => Promise<() => Promise<void>>;
}

export interface RunningService<S = unknown, T = unknown> {
  ctx: AppContext<S, T>;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** The subgraph schema modules of a service: shared service-info types, its SDL and resolvers. */
export function subgraphModules(def: Pick<ServiceDefinition, 'name' | 'typeDefs' | 'resolvers'>) {
  const own = { ...(def.resolvers ?? {}) } as GraphQLResolverMap<ServiceContext>;
  const query = (own.Query ?? {}) as Record<string, unknown>;
  own.Query = {
    ...query,
    [serviceInfoField(def.name)]: async (_: unknown, __: unknown, ctx: ServiceContext & { request: RequestContext }) =>
      toServiceInfo(await ctx.health(), SERVICES[ctx.name].description, SERVICES[ctx.name].port(ctx.config), ctx.request.requestId),
  } as never;
  return [{ typeDefs: serviceInfoTypeDefs, resolvers: { DateTime: DateTimeScalar } as never }, { typeDefs: def.typeDefs!, resolvers: own }];
}

export async function startService<S, T, L>(
  def: ServiceDefinition<S, T, L>,
  options: { config?: Config; port?: number; logger?: Logger } = {},
): Promise<RunningService<S, T>> {
  const config = options.config ?? loadConfig();
  const secret = config.INTERNAL_SECRET;
  if (!secret) throw new ConfigError(['INTERNAL_SECRET: required — the secret every process shares to sign the caller it passes on (npm start generates one)']);
  // Invalid settings fail here, before any connection is opened (ConfigError names each variable).
  const settings = (def.settings ? parseSettings(def.settings, config) : {}) as T;
  const logger = options.logger ?? createLogger(def.name, config);
  const redis = createRedis(config.REDIS_URL, def.name, logger);
  const prisma = createDatabase(config.DATABASE_URL);
  const operations = createOperationStats();
  const ctx: AppContext<S, T> = {
    name: def.name,
    config,
    settings,
    logger,
    redis,
    prisma,
    events: createEventBus(redis, config.REDIS_PREFIX),
    auth: createAuthenticator(config, prisma),
    consumerName: consumerNameOf(config, def.name),
    serviceHeaders: (requestId = randomUUID()) => signedPrincipalHeaders(secret, servicePrincipal(def.name), requestId),
    health: healthReporter(
      def.name,
      VERSION,
      () => [
        redisCheck(redis),
        postgresCheck(() => pingDatabase(prisma)),
        ...(def.typeDefs ? [{ name: 'graphql', check: async () => ({ ...operations }) }] : []),
        ...(def.checks?.(ctx) ?? []),
      ],
      config.HEALTH_TIMEOUT_MS,
      config.AITRADER_RESTARTS,
    ),
    services: undefined as S,
  };
  ctx.services = def.services ? def.services(ctx) : (undefined as S);

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const report = await ctx.health();
    res.status(healthHttpStatus(report)).json(report);
  });

  let apollo: ApolloServer<GraphQLContext<S, T, L>> | undefined;
  const schema = def.typeDefs ? stoppableResolvers(buildSubgraphSchema(subgraphModules(def as ServiceDefinition))) : undefined;
  const requestScoped = (request: RequestContext): GraphQLContext<S, T, L> => ({ ...ctx, request, loaders: (def.loaders?.(ctx) ?? {}) as L });
  if (schema) {
    apollo = new ApolloServer<GraphQLContext<S, T, L>>({ schema, logger, ...apolloErrorOptions(config), plugins: [abandonedRequestPlugin(operations, { timeoutMs: config.OPERATION_TIMEOUT_MS, maxFields: config.OPERATION_MAX_FIELDS })] });
    await apollo.start();
    app.use(
      '/graphql',
      gatewayOnly(secret),
      ...jsonBody('graphql'),
      expressMiddleware(apollo, {
        context: async ({ req, res }) =>
          requestScoped({ requestId: requestIdOf(req.headers), caller: res.locals.caller, signal: requestSignal(req, res, config.OPERATION_TIMEOUT_MS) }),
      }),
    );
  }
  const scopes = Object.entries(def.routeScopes ?? {});
  app.use(restCaller(secret, ctx.auth, (req) => scopes.find(([route]) => `${req.method} ${req.path}`.startsWith(route))?.[1] ?? 'read'));
  app.use(jsonParser());
  def.routes?.(app, ctx);
  app.use(bodyErrors('rest'));
  app.use((_req, res) => res.status(404).json({ error: 'not found' }));

  const server: Server = createServer(app);
  const port = options.port ?? SERVICES[def.name].port(config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.HOST, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const closeSubscriptions = schema?.getSubscriptionType()
    ? serveSubscriptions(server, '/graphql', schema, {
        // The gateway's upstream connection states (and signs) who it is in connectionParams.
        authorize: (params) => verifySignedPrincipal(secret, params),
        context: (caller, requestId) => requestScoped({ requestId, caller, signal: new AbortController().signal }),
      })
    : undefined;
  const stopBackground = await def.start?.(ctx);
  logger.info({ port: actualPort, graphql: Boolean(apollo) }, `${def.name} listening`);

  return {
    ctx,
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}`,
    close: async () => {
      await stopBackground?.();
      await closeSubscriptions?.();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // keep-alive and unread responses would otherwise hold close() open
      await closed;
      await apollo?.stop();
      await prisma.$disconnect();
      await ctx.events.pubsub.close().catch(() => undefined);
      await redis.quit().catch(() => undefined);
    },
  };
}

/**
 * Entry point of a process: validates config (exiting with the message when it is invalid), starts,
 * and closes cleanly on SIGINT/SIGTERM or when its supervisor goes away.
 */
export function runMain(name: string, start: (config: Config, logger: Logger) => Promise<{ close(): Promise<void> }>): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${name}: ${(err as Error).message}\n`);
    process.exit(1);
  }
  const logger = createLogger(name, config);
  let running: { close(): Promise<void> } | undefined;
  let closing = false;
  const shutdown = (reason: string) => {
    if (closing) return;
    closing = true;
    logger.info({ reason }, 'shutting down');
    if (!running) process.exit(0); // still starting: nothing to close cleanly yet
    running.close().then(
      () => process.exit(0),
      (err: Error) => {
        logger.error({ err: err.message }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // Under the supervisor (npm start) the process holds an IPC channel to it: when the channel closes the
  // supervisor is gone (even by kill -9), and a service left running would hold its port.
  if (process.channel) {
    process.channel.unref();
    process.once('disconnect', () => shutdown('supervisor gone'));
  }
  start(config, logger).then(
    (started) => {
      running = started;
    },
    (err: Error) => {
      logger.fatal({ err: err.message }, `${name} failed to start`);
      process.exit(1);
    },
  );
}

/** Entry point of a service process. */
export function runService<S, T, L>(def: ServiceDefinition<S, T, L>): void {
  runMain(def.name, (config, logger) => startService(def, { config, logger }));
}
