// GraphQL subscriptions over Redis: every process publishes and subscribes through Redis pub/sub
// (graphql-redis-subscriptions), so a client connected to any replica receives every event, and the
// graphql-ws server that serves them on a service's /graphql endpoint.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { withFilter } from 'graphql-subscriptions';
import { useServer } from 'graphql-ws/use/ws';
import type { Redis } from 'ioredis';
import { WebSocketServer } from 'ws';

export type { RedisPubSub };

export interface EventBus {
  pubsub: RedisPubSub;
  channel: (name: string) => string;
}

/** A pub/sub engine on its own two connections, with channel names under the deployment's prefix. */
export function createEventBus(redis: Redis, prefix = ''): EventBus {
  const publisher = redis.duplicate({ connectionName: 'events:pub', lazyConnect: true });
  const subscriber = redis.duplicate({ connectionName: 'events:sub', lazyConnect: true });
  // Both reconnect (the subscriber re-subscribes) by themselves; the main connection logs outages.
  for (const connection of [publisher, subscriber]) connection.on('error', () => undefined);
  const pubsub = new RedisPubSub({ publisher, subscriber });
  return { pubsub, channel: (name: string) => `${prefix}${name}` };
}

/**
 * Serves graphql-ws subscriptions on `path` of an HTTP server; returns how to close it. A connection is
 * accepted only when `authorize` finds a caller in its connectionParams (graphql-ws closes it with
 * 4403 Forbidden otherwise); each subscription's context is made for that caller.
 */
export function serveSubscriptions<C, P>(
  server: Server,
  path: string,
  schema: GraphQLSchema,
  options: { authorize: (params: Record<string, unknown>) => P | null; context: (caller: P, requestId: string) => C },
): () => Promise<void> {
  const wss = new WebSocketServer({ server, path });
  const callers = new WeakMap<object, P>();
  const cleanup = useServer<Record<string, unknown>>(
    {
      schema,
      onConnect: (ctx) => {
        const caller = options.authorize(ctx.connectionParams ?? {});
        if (caller === null) return false;
        callers.set(ctx, caller);
        return true;
      },
      context: (ctx) => options.context(callers.get(ctx)!, randomUUID()) as Record<string, unknown>,
    },
    wss,
  );
  return async () => {
    await cleanup.dispose();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}

/**
 * The async iterator a subscription resolver returns: events of one channel (under the deployment's
 * prefix) that pass `keep`. Typed as the resolver signature expects (graphql-subscriptions' own types
 * disagree with graphql-codegen's about AsyncIterator vs AsyncIterable).
 */
export function eventStream<T>(events: EventBus, name: string, keep: (payload: T) => boolean = () => true): AsyncIterable<T> & AsyncIterator<T> {
  const iterate = withFilter(
    () => events.pubsub.asyncIterableIterator<T>(events.channel(name)),
    (payload: T | undefined) => payload !== undefined && keep(payload),
  ) as unknown as () => AsyncIterable<T> & AsyncIterator<T>;
  return iterate();
}
