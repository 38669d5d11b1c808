// The dashboard's GraphQL client: urql over the gateway only — queries and mutations as POST (never GET:
// the gateway's CSRF prevention refuses a GET without a preflight header) and subscriptions over
// graphql-ws, each carrying the credential as `Authorization: Bearer …`.
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';

export interface GatewayClient {
  client: Client;
  ws: WsClient;
}

export function createGatewayClient(origin: string, apiKey: string): GatewayClient {
  const authorization = `Bearer ${apiKey}`;
  const ws = createWsClient({
    url: `${origin.replace(/^http/, 'ws')}/graphql`,
    connectionParams: { authorization },
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 10_000))),
  });
  const client = new Client({
    url: `${origin}/graphql`,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: { headers: { authorization } },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, ws };
}
