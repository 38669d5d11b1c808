// Service runtime shared by every process: config, logger, Redis and PostgreSQL connections,
// `GET /health`, the service's REST routes and, for subgraphs, the federated GraphQL endpoint.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { DocumentNode } from 'graphql';
import type { Redis } from 'ioredis';
import { loadConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { createRedis } from './bus/redis';
import { createDatabase, pingDatabase, type PrismaClient } from './db';
import { healthHttpStatus, healthReporter, postgresCheck, redisCheck, type DependencyCheck, type HealthReport } from './health';
import { serviceInfoField, serviceInfoTypeDefs, toServiceInfo } from './graphql/service-info';
import { DateTimeScalar } from './graphql/scalars';
import { createEventBus, serveSubscriptions, type RedisPubSub } from './graphql/subscriptions';
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
  health(): Promise<HealthReport>;
}

/** What resolvers, routes and background work receive: the runtime plus the service's own objects. */
export type AppContext<S> = ServiceContext & { services: S };

export interface ServiceDefinition<S = unknown> {
  name: ServiceName;
  /** The subgraph's own SDL; when given, the service serves federated GraphQL at /graphql. */
  typeDefs?: DocumentNode;
  resolvers?: GraphQLResolverMap<AppContext<S>>;
  /** Builds the service's application objects (stores, domain services) once at start. */
  services?: (ctx: ServiceContext) => S;
  /** REST endpoints of the service (the seed's API). */
  routes?: (app: Express, ctx: AppContext<S>) => void;
  /** Checks beyond Redis and PostgreSQL. */
  checks?: (ctx: AppContext<S>) => DependencyCheck[];
  /** Background work (stream consumers, ...); returns how to stop it. */
  start?: (ctx: AppContext<S>) => Promise<() => Promise<void>>;
}

export interface RunningService<S = unknown> {
  ctx: AppContext<S>;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** The subgraph schema modules of a service: shared service-info types, its SDL and resolvers. */
export function subgraphModules<S>(def: Pick<ServiceDefinition<S>, 'name' | 'typeDefs' | 'resolvers'>) {
  const own = { ...(def.resolvers ?? {}) } as GraphQLResolverMap<AppContext<S>>;
  const query = (own.Query ?? {}) as Record<string, unknown>;
  own.Query = {
    ...query,
    [serviceInfoField(def.name)]: async (_: unknown, __: unknown, ctx: ServiceContext) =>
      toServiceInfo(await ctx.health(), SERVICES[ctx.name].description, SERVICES[ctx.name].port(ctx.config)),
  } as never;
  return [{ typeDefs: serviceInfoTypeDefs, resolvers: { DateTime: DateTimeScalar } as never }, { typeDefs: def.typeDefs!, resolvers: own }];
}

export async function startService<S>(
  def: ServiceDefinition<S>,
  options: { config?: Config; port?: number; logger?: Logger } = {},
): Promise<RunningService<S>> {
  const config = options.config ?? loadConfig();
  const logger = options.logger ?? createLogger(def.name, config);
  const redis = createRedis(config.REDIS_URL, def.name, logger);
  const prisma = createDatabase(config.DATABASE_URL);
  const ctx: AppContext<S> = {
    name: def.name,
    config,
    logger,
    redis,
    prisma,
    events: createEventBus(redis, config.REDIS_PREFIX),
    health: healthReporter(
      def.name,
      VERSION,
      () => [redisCheck(redis), postgresCheck(() => pingDatabase(prisma)), ...(def.checks?.(ctx) ?? [])],
      config.HEALTH_TIMEOUT_MS,
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

  let apollo: ApolloServer<AppContext<S>> | undefined;
  const schema = def.typeDefs ? buildSubgraphSchema(subgraphModules(def)) : undefined;
  if (schema) {
    apollo = new ApolloServer<AppContext<S>>({ schema, introspection: true, logger });
    await apollo.start();
    app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ctx }));
  }
  app.use(express.json({ limit: '1mb' }));
  def.routes?.(app, ctx);
  app.use((_req, res) => res.status(404).json({ error: 'not found' }));

  const server: Server = createServer(app);
  const port = options.port ?? SERVICES[def.name].port(config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.HOST, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const closeSubscriptions = schema?.getSubscriptionType() ? serveSubscriptions(server, '/graphql', schema, () => ctx) : undefined;
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
 * and closes cleanly on SIGINT/SIGTERM.
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
  start(config, logger).then(
    (running) => {
      const shutdown = (signal: string) => {
        logger.info({ signal }, 'shutting down');
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
    },
    (err: Error) => {
      logger.fatal({ err: err.message }, `${name} failed to start`);
      process.exit(1);
    },
  );
}

/** Entry point of a service process. */
export function runService<S>(def: ServiceDefinition<S>): void {
  runMain(def.name, (config, logger) => startService(def, { config, logger }));
}
