// The dashboard's GraphQL client: urql over the gateway only — queries and mutations as POST (never GET:
// the gateway's CSRF prevention refuses a GET without a preflight header), sent by their trusted-document
// id (the sha256 GraphQL Code Generator embeds in each document; gateway/trusted-documents.json holds
// them, so the gateway can run with TRUSTED_DOCUMENTS=require), and subscriptions over graphql-ws, each
// carrying the credential as `Authorization: Bearer …`.
import { persistedExchange } from '@urql/exchange-persisted';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';

/** The id codegen gave a document (`sha256:<hex>` in `__meta__.hash`), as the gateway's manifest has it. */
function trustedDocumentId(document: unknown): string {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('a document without a trusted-document hash: run npm run codegen');
  return hash.replace(/^sha256:/, '');
}

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
      // Not enforced: an operation missing from the gateway's manifest (a stale one in development) is
      // sent again with its text, which a gateway with TRUSTED_DOCUMENTS=require refuses.
      persistedExchange({ preferGetForPersistedQueries: false, enableForMutation: true, enforcePersistedQueries: false, generateHash: async (_query, document) => trustedDocumentId(document) }),
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
