// graphql-ws on the gateway (ws://…:8000/graphql). @apollo/gateway executes queries and mutations
// only, so a subscription is bridged: the gateway subscribes at the owning subgraph (whose events come
// through Redis, so every gateway replica sees every event) for each event's key, then resolves the
// client's selection for that event through its own query planner — fields of other subgraphs
// included, exactly like a query. Queries and mutations sent over the socket run through the gateway too.
import { WebSocket, WebSocketServer } from 'ws';
import type { Server } from 'node:http';
import { GraphQLError, print, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { AuthError, type Logger, type Principal } from '@aitrader/platform';
import { BridgeError, bridgeSubscription, KEY_VARIABLE } from './operations';
import type { SubscriptionRoute } from './routes';

/** Runs an operation through the gateway (Apollo Server's executeOperation) as `principal`. */
export type GatewayExecutor = (
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  principal: Principal | null,
) => Promise<ExecutionResult>;

export interface BridgeOptions {
  server: Server;
  path: string;
  schema: () => GraphQLSchema;
  routes: readonly SubscriptionRoute[];
  /** ws:// URL of a subgraph's graphql-ws endpoint. */
  subgraphUrl: (service: string) => string;
  /** connectionParams of the gateway's own upstream connections (its signed service principal). */
  upstreamParams: () => Record<string, unknown>;
  /** The caller of a client connection from its connectionParams; null = none given; throws when invalid. */
  authenticate: (params: Record<string, unknown>) => Promise<Principal | null>;
  execute: GatewayExecutor;
  logger: Logger;
}

const failed = (message: string, code: string): ExecutionResult => ({ errors: [new GraphQLError(message, { extensions: { code } })] });

export function serveGatewaySubscriptions(options: BridgeOptions): () => Promise<void> {
  const routes = new Map(options.routes.map((r) => [r.field, r]));
  const upstreams = new Map<string, Client>();
  const upstream = (service: string): Client => {
    let client = upstreams.get(service);
    if (!client) {
      // One multiplexed connection per subgraph, opened on first use and re-opened after a drop.
      client = createClient({ url: options.subgraphUrl(service), webSocketImpl: WebSocket, lazy: true, retryAttempts: 5, connectionParams: options.upstreamParams });
      upstreams.set(service, client);
    }
    return client;
  };

  const principalOf = (args: ExecutionArgs) => ((args.contextValue ?? {}) as { principal?: Principal }).principal ?? null;
  const run = (args: ExecutionArgs) =>
    options.execute(
      { query: print(args.document), variables: (args.variableValues ?? undefined) as Record<string, unknown> | undefined, operationName: args.operationName ?? undefined },
      principalOf(args),
    );

  const subscribe = async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    let bridged;
    try {
      bridged = bridgeSubscription(args.document, args.operationName, routes);
    } catch (err) {
      if (err instanceof BridgeError) return failed(err.message, 'BAD_USER_INPUT');
      throw err;
    }
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const principal = principalOf(args);
    // Events are read upstream as the gateway; a credential bound to accounts may only follow its own.
    const refusal = accountRefusal(principal, bridged.accountId(variables));
    if (refusal) return failed(refusal, 'FORBIDDEN');
    const events = upstream(bridged.route.service).iterate<Record<string, Record<string, unknown> | null>>({ query: print(bridged.upstream), variables });
    const lookup = print(bridged.lookup);
    const { field, keyArg } = bridged.route;

    const resolveEvent = async (event: ExecutionResult<Record<string, Record<string, unknown> | null>>): Promise<ExecutionResult> => {
      const key = event.data?.[field]?.[keyArg];
      if (event.errors?.length || typeof key !== 'string') return { errors: event.errors ?? [new GraphQLError(`event of ${field} without its ${keyArg}`)] } as ExecutionResult;
      const result = await options.execute({ query: lookup, variables: { ...variables, [KEY_VARIABLE]: key }, operationName: args.operationName ?? undefined }, principal);
      return result;
    };
    const iterator: AsyncIterableIterator<ExecutionResult> = {
      // One event at a time: events reach the client in the order the subgraph emitted them.
      async next() {
        const next = await events.next();
        return next.done ? { done: true, value: undefined } : { done: false, value: await resolveEvent(next.value as ExecutionResult<Record<string, Record<string, unknown> | null>>) };
      },
      async return() {
        await events.return?.();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  };

  const principals = new WeakMap<object, Principal>();
  const wss = new WebSocketServer({ server: options.server, path: options.path });
  const cleanup = useServer(
    {
      schema: options.schema,
      // A connection needs a credential (connectionParams.Authorization): refused with 4403 otherwise.
      onConnect: async (ctx) => {
        try {
          const principal = await options.authenticate(ctx.connectionParams ?? {});
          if (!principal) return false;
          principals.set(ctx, principal);
          return true;
        } catch (err) {
          if (err instanceof AuthError) return false;
          throw err;
        }
      },
      context: (ctx) => ({ principal: principals.get(ctx) ?? null }),
      execute: (args) => run(args),
      subscribe: (args) => subscribe(args),
      onError: (_ctx, _id, _payload, errors) => void options.logger.warn({ errors: errors.map((e) => e.message) }, 'subscription refused'),
    },
    wss,
  );
  options.logger.info({ path: options.path, subscriptions: [...routes.keys()] }, 'gateway subscriptions ready');
  return async () => {
    await cleanup.dispose();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await Promise.all([...upstreams.values()].map((c) => c.dispose()));
  };
}

/** Why `principal` may not follow the events of `accountId` (undefined: the subscription names none). */
export function accountRefusal(principal: Principal | null, accountId: unknown): string | null {
  if (!principal || principal.accounts === '*') return null;
  if (typeof accountId !== 'string') return `this credential is bound to accounts ${principal.accounts.join(', ')}: pass accountId`;
  return principal.accounts.includes(accountId) ? null : `this credential may not read account ${accountId}`;
}
