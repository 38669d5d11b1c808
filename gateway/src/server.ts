// The gateway: @apollo/gateway executing queries over the committed supergraph, with subgraph URLs
// taken from config, graphql-ws subscriptions bridged to the subgraphs that own them, and a /health that aggregates every subgraph's health (the seed's
// ServiceHealthMonitor).
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { mountPlayground } from './playground';
import { serveGatewaySubscriptions, type GatewayExecutor } from './subscriptions/bridge';
import { subscriptionRoutes } from './subscriptions/routes';
import {
  FORWARDED_HEADERS,
  VERSION,
  definedServices,
  requestContextOf,
  healthHttpStatus,
  healthReporter,
  httpHealthCheck,
  serviceUrl,
  type Config,
  type DependencyCheck,
  type Logger,
  type ServiceName,
} from '@aitrader/platform';

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
  return definedServices().map((s) =>
    httpHealthCheck(s.name, serviceUrl(config, s.name as ServiceName), config.HEALTH_TIMEOUT_MS, s.kind === 'subgraph'),
  );
}

/** What one client request carries to the subgraphs: its id and the headers the gateway forwards. */
export interface GatewayContext {
  requestId: string;
  forwarded: Partial<Record<(typeof FORWARDED_HEADERS)[number], string>>;
}

export function gatewayContextOf(headers: IncomingHttpHeaders): GatewayContext {
  const { requestId, caller } = requestContextOf(headers);
  return { requestId, forwarded: { 'x-request-id': requestId, ...(caller.authorization ? { authorization: caller.authorization } : {}) } };
}

/** A subgraph data source that passes the request id and the caller's credential on, and nothing else. */
class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    // Gateway-internal operations (subscription lookups) have no client request: nothing to forward.
    const forwarded: GatewayContext['forwarded'] = context.forwarded ?? {};
    for (const name of FORWARDED_HEADERS) {
      const value = forwarded[name];
      if (value !== undefined) request.http?.headers.set(name, value);
    }
  }
}

export async function startGateway(config: Config, logger: Logger, port = config.GATEWAY_PORT): Promise<RunningGateway> {
  const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => new ForwardingDataSource({ url: serviceUrl(config, name as ServiceName, '/graphql') }),
    logger,
  });
  // Apollo's own landing page loads from a CDN; the offline playground (/playground) replaces it.
  const apollo = new ApolloServer<GatewayContext>({ gateway, introspection: true, logger, plugins: [ApolloServerPluginLandingPageDisabled()] });
  await apollo.start();

  const health = healthReporter('gateway', VERSION, () => gatewayChecks(config), config.HEALTH_TIMEOUT_MS);

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const report = await health();
    res.status(healthHttpStatus(report)).json(report);
  });
  mountPlayground(app, '/graphql');
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = gatewayContextOf(req.headers);
        res.setHeader('x-request-id', context.requestId);
        return context;
      },
    }),
  );
  app.use((_req, res) => res.status(404).json({ error: 'not found' }));

  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.HOST, () => resolve());
  });
  const execute: GatewayExecutor = async (request) => {
    const response = await apollo.executeOperation(request, { contextValue: gatewayContextOf({}) });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used by the gateway');
    return response.body.singleResult as never;
  };
  const closeSubscriptions = serveGatewaySubscriptions({
    server,
    path: '/graphql',
    schema: () => gateway.schema!,
    routes: subscriptionRoutes(supergraphSdl),
    subgraphUrl: (service) => serviceUrl(config, service as ServiceName, '/graphql').replace(/^http/, 'ws'),
    execute,
    logger,
  });
  const actual = (server.address() as AddressInfo).port;
  logger.info({ port: actual }, 'gateway listening');
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    close: async () => {
      await closeSubscriptions();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // keep-alive and unread responses would otherwise hold close() open
      await closed;
      await apollo.stop();
    },
  };
}
