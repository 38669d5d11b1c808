// Hive Gateway (@graphql-hive/gateway-runtime) serving the committed supergraph, for bench:gateway only:
// its subgraph URLs come from the same URL variables ours reads, and it forwards the client's signed
// principal headers to the subgraphs (which accept nothing unsigned). Listens on HIVE_PORT; health at
// /healthcheck.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { PRINCIPAL_HEADER, SIGNATURE_HEADER, loadConfig, serviceUrl, subgraphEntries, type ServiceName } from '@aitrader/platform';

const config = loadConfig();
let supergraph = readFileSync(join(__dirname, '..', '..', 'gateway', 'supergraph.graphql'), 'utf8');
for (const entry of subgraphEntries()) {
  supergraph = supergraph.replace(new RegExp(`(@join__graph\\(name: "${entry.name}", url: ")[^"]*(")`), `$1${serviceUrl(config, entry.name as ServiceName, '/graphql')}$2`);
}
const FORWARDED = ['x-request-id', PRINCIPAL_HEADER, SIGNATURE_HEADER];

const gateway = createGatewayRuntime({
  supergraph,
  logging: false,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => Object.fromEntries(FORWARDED.map((h) => [h, request.headers.get(h) ?? ''])),
  },
});
createServer(gateway).listen(Number(process.env.HIVE_PORT ?? 4000), '127.0.0.1');
