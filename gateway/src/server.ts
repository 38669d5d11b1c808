// The gateway: @apollo/gateway executing queries over the committed supergraph, with subgraph URLs
// taken from config, graphql-ws subscriptions bridged to the subgraphs that own them, and a /health that
// aggregates every subgraph's health (the seed's ServiceHealthMonitor). It is where callers are
// identified (API keys, JWTs) and where the schema's access declarations and the operation limits are
// enforced; subgraphs accept only what it signs.
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import cors from 'cors';
import express, { type RequestHandler } from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import {
  AuthError,
  ConfigError,
  VERSION,
  apolloErrorOptions,
  createAuthenticator,
  createDatabase,
  createRedis,
  monitoredServices,
  healthHttpStatus,
  healthReporter,
  httpHealthCheck,
  jsonBody,
  parseSettings,
  requestIdOf,
  requestSignal,
  sendError,
  servicePrincipal,
  serviceUrl,
  signedPrincipalHeaders,
  type Authenticator,
  type Config,
  type DependencyCheck,
  type Logger,
  type Principal,
  type ServiceName,
} from '@aitrader/platform';
import { mountPlayground } from './playground';
import { withoutSecurityFeatures } from './security/gateway-supergraph';
import { operationLimits, withLimitCode } from './security/limits';
import { rateLimit } from './security/rate-limit';
import { scopePlugin } from './security/scope-plugin';
import { requirementsOf } from './security/scope-requirements';
import { loadManifest, trustedDocuments } from './security/trusted-documents';
import { GatewaySettings } from './settings';
import { serveGatewaySubscriptions, type GatewayExecutor } from './subscriptions/bridge';
import { subscriptionRoutes } from './subscriptions/routes';

export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');

export interface RunningGateway {
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * Every service the registry runs besides the gateway: subgraphs are required (the gateway is down
 * without them); runners and workers (the GPU runner, the training worker) are reported, not required.
 */
export function gatewayChecks(config: Config): DependencyCheck[] {
  return monitoredServices().map((s) =>
    // The dashboard is a client of the gateway: reported, but its state is not the API's.
    httpHealthCheck(s.name, serviceUrl(config, s.name as ServiceName), config.HEALTH_TIMEOUT_MS, s.kind === 'subgraph', s.kind === 'dashboard'),
  );
}

/** What one client operation carries to the subgraphs: its id and its verified caller (null: anonymous). */
export interface GatewayContext {
  requestId: string;
  principal: Principal | null;
}

/** The abort signal of the client request being executed (client gone or past OPERATION_TIMEOUT_MS). */
const currentRequest = new AsyncLocalStorage<{ signal: AbortSignal }>();

/**
 * Node's fetch, cancelled with the client request. A cancelled fetch fails with a DOMException, which
 * @apollo/gateway cannot re-word (its message is read-only: INTERNAL_SERVER_ERROR "Cannot set property
 * message"); it becomes an error with the stop's own code instead.
 */
async function fetchUntilAbandoned(input: string, init: RequestInit): Promise<Response> {
  const signal = currentRequest.getStore()?.signal;
  try {
    return await fetch(input, { ...init, signal });
  } catch (error) {
    if (!signal?.aborted) throw error;
    const timedOut = (signal.reason as Error | undefined)?.name === 'TimeoutError';
    throw new GraphQLError(timedOut ? 'the operation ran past its time limit' : 'the request was abandoned', {
      extensions: { code: timedOut ? 'OPERATION_TIMEOUT' : 'REQUEST_ABANDONED' },
    });
  }
}

/**
 * A subgraph data source that passes on the request id and the caller, signed with the internal
 * secret, and nothing else of the client's. Subgraph fetches go through Node's fetch (keep-alive
 * connection pool) and are cancelled with the client request.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly secret: string) {
    super({
      url,
      fetcher: fetchUntilAbandoned as never,
    });
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    const caller = context.principal ?? ANONYMOUS;
    for (const [name, value] of Object.entries(signedPrincipalHeaders(this.secret, caller, context.requestId ?? 'internal'))) request.http?.headers.set(name, value);
  }
}

/** Anonymous callers only reach fields the schema leaves open (none today but introspection). */
const ANONYMOUS: Principal = { id: 'anonymous', kind: 'service', scopes: [], accounts: [] };

/** Identifies the caller of every /graphql request (res.locals.principal), refusing a bad credential. */
function identify(auth: Authenticator): RequestHandler {
  return (req, res, next) => {
    auth.authenticate(req.headers.authorization).then(
      (principal) => {
        res.locals.principal = principal;
        next();
      },
      (err: unknown) => (err instanceof AuthError ? sendError(res, 'graphql', err.code, err.message) : next(err)),
    );
  };
}

const noBatches: RequestHandler = (req, res, next) =>
  Array.isArray(req.body) ? sendError(res, 'graphql', 'BATCHING_NOT_SUPPORTED', 'send one operation per request (batched requests are not accepted)') : next();

export async function startGateway(config: Config, logger: Logger, port = config.GATEWAY_PORT): Promise<RunningGateway> {
  const settings = parseSettings(GatewaySettings, config);
  const secret = config.INTERNAL_SECRET;
  if (!secret) throw new ConfigError(['INTERNAL_SECRET: required — the gateway signs the caller it passes to subgraphs with it']);
  const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
  const documents = loadManifest(settings.TRUSTED_DOCUMENTS_FILE);
  const redis = createRedis(config.REDIS_URL, 'gateway', logger);
  const prisma = createDatabase(config.DATABASE_URL);
  const auth = createAuthenticator(config, prisma);
  if (config.NODE_ENV === 'production' && !auth.jwt && (await auth.keys.countActive()) === 0) {
    await Promise.all([redis.quit(), prisma.$disconnect()]);
    throw new ConfigError(['production needs credentials: API keys (npm run keys -- create …) or AUTH_JWT_SECRET / AUTH_JWKS_FILE / AUTH_JWKS_URL']);
  }

  const gateway = new ApolloGateway({
    supergraphSdl: withoutSecurityFeatures(supergraphSdl),
    buildService: ({ name }) => new ForwardingDataSource(serviceUrl(config, name as ServiceName, '/graphql'), secret),
    logger,
  });
  const limits = operationLimits(settings);
  const errors = apolloErrorOptions(config);
  // Apollo's own landing page loads from a CDN; the offline playground (/playground) replaces it.
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    ...errors,
    formatError: (formatted, error) => withLimitCode(errors.formatError(formatted, error)),
    validationRules: limits.validationRules,
    plugins: [ApolloServerPluginLandingPageDisabled(), scopePlugin(requirementsOf(supergraphSdl)), ...(limits.plugins as never[])],
  });
  await apollo.start();

  const health = healthReporter('gateway', VERSION, () => gatewayChecks(config), config.HEALTH_TIMEOUT_MS, config.AITRADER_RESTARTS);

  const app = express();
  app.disable('x-powered-by');
  // The dashboard's origins may call the API from a browser (credentials go in Authorization, never in
  // cookies); any other origin gets no CORS headers, so browsers keep its pages out.
  app.use(cors({ origin: settings.GATEWAY_CORS_ORIGINS, allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-request-id'], exposedHeaders: ['x-request-id', 'retry-after'], maxAge: 600 }));
  app.get('/health', async (_req, res) => {
    const report = await health();
    res.status(healthHttpStatus(report)).json(report);
  });
  mountPlayground(app, '/graphql', config.NODE_ENV === 'production' ? undefined : settings.AITRADER_LOCAL_ADMIN_KEY);
  app.use(
    '/graphql',
    ...jsonBody('graphql'),
    noBatches,
    trustedDocuments(documents, settings.TRUSTED_DOCUMENTS),
    identify(auth),
    rateLimit(redis, config.REDIS_PREFIX, settings.GATEWAY_RATE_LIMIT_PER_MINUTE),
    (req, res, next) => currentRequest.run({ signal: requestSignal(req, res, config.OPERATION_TIMEOUT_MS) }, next),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req.headers);
        res.setHeader('x-request-id', requestId);
        return { requestId, principal: (res.locals.principal as Principal | null) ?? null };
      },
    }),
  );
  app.use((_req, res) => res.status(404).json({ error: 'not found' }));

  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.HOST, () => resolve());
  });
  const execute: GatewayExecutor = async (request, principal) => {
    const response = await apollo.executeOperation(request, { contextValue: { requestId: requestIdOf({}), principal } });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used by the gateway');
    return response.body.singleResult as never;
  };
  const closeSubscriptions = serveGatewaySubscriptions({
    server,
    path: '/graphql',
    schema: () => gateway.schema!,
    routes: subscriptionRoutes(supergraphSdl),
    subgraphUrl: (service) => serviceUrl(config, service as ServiceName, '/graphql').replace(/^http/, 'ws'),
    // The gateway's own upstream connections: a signed service principal, fresh at each (re)connect.
    upstreamParams: () => signedPrincipalHeaders(secret, servicePrincipal('gateway'), requestIdOf({})),
    authenticate: async (params) => {
      const value = params.Authorization ?? params.authorization;
      return auth.authenticate(typeof value === 'string' ? value : undefined);
    },
    execute,
    logger,
  });
  const actual = (server.address() as AddressInfo).port;
  logger.info({ port: actual, trustedDocuments: { mode: settings.TRUSTED_DOCUMENTS, count: documents.size } }, 'gateway listening');
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    close: async () => {
      await closeSubscriptions();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // keep-alive and unread responses would otherwise hold close() open
      await closed;
      await apollo.stop();
      await prisma.$disconnect();
      await redis.quit().catch(() => undefined);
    },
  };
}
