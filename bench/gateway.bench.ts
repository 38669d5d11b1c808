// `npm run bench:gateway`: our gateway (@apollo/gateway, gateway/src) and Hive Gateway
// (@graphql-hive/gateway, a dev dependency for this benchmark only) side by side in one run, on the same
// committed supergraph and the same subgraph processes, with autocannon at fixed connection counts.
// Three queries: one subgraph (accounts), a two-subgraph entity join (positions → instrument quote from
// marketdata) and the dashboard's Overview (accounts, execution, marketdata). Writes RPS, p50/p99 and
// errors per gateway and the ratios to bench/results/gateway.json; the one-subgraph query is also sent to
// the accounts subgraph directly, the floor both gateways add to.
//
// Both gateways do what a deployment needs of them: ours verifies the caller's JWT, applies its operation
// limits and rate limit, and signs the caller for the subgraphs; Hive Gateway is given the signed headers
// by the client and forwards them (it has no equivalent of our auth), so it does strictly less work.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { defaultServiceUrl, definedServices, expandScopes, issueJwt, signedPrincipalHeaders, supervise, type Principal } from '@aitrader/platform';
import { freePort } from '../tests/integration/support/stack';
import { DATABASE_URL, REDIS_URL, uniquePrefix, waitFor } from '../tests/integration/support/env';

const ROOT = join(__dirname, '..');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_S = 3;
const INTERNAL_SECRET = randomBytes(32).toString('hex');
const AUTH_JWT_SECRET = randomBytes(32).toString('hex');
const ACCOUNT = `bench-${randomBytes(3).toString('hex')}`;

const QUERIES = {
  'one-subgraph': `query($id: ID!) { account(id: $id) { id cash equity buyingPower realizedPnl } }`,
  'entity-join': `query($id: ID!) { account(id: $id) { cash equity positions { symbol quantity instrument { symbol quote { bid ask } } } } }`,
  'dashboard-overview': `query($id: ID!) {
    account(id: $id) { id name currency cash startingCash equity buyingPower realizedPnl unrealizedPnl marksMissing
      positions { symbol quantity averagePrice marketPrice marketValue unrealizedPnl realizedPnl }
      equityHistory(last: 500) { at equity cash } }
    fills(accountId: $id, first: 10) { edges { node { tradeId symbol side qty price fee executedAt } } }
    replay { state source speed position total currentTimestamp } }`,
} as const;

interface Measured { rps: number; p50: number; p99: number; errors: number; non2xx: number; requests: number }

async function healthy(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
}

/**
 * `headers` is called for every request: each carries its own request id (and, for Hive, its own
 * signature over it), as real clients' requests do. Identical requests would let Hive Gateway's inbound
 * in-flight deduplication (keyed by every header, the document and the variables) answer 50 concurrent
 * requests with one execution, which measures the cache, not the gateway.
 */
function drive(url: string, headers: () => Record<string, string>, body: string, seconds: number): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const requests = [{ setupRequest: (req: autocannon.Request) => ({ ...req, headers: { ...req.headers, ...headers() } }) }];
    autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, requests, connections: CONNECTIONS, duration: seconds }, (err, r) => {
      if (err) return reject(err);
      resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, requests: r.requests.total });
    });
  });
}

async function main(): Promise<void> {
  const prefix = uniquePrefix('bench-gateway');
  const services = definedServices().filter((s) => s.kind === 'subgraph');
  const ports = new Map<string, number>();
  for (const s of services) ports.set(s.name, await freePort());
  const gatewayPort = await freePort();
  const hivePort = await freePort();
  const urls = Object.fromEntries(services.filter((s) => s.urlVariable).map((s) => [s.urlVariable!, defaultServiceUrl(s, '127.0.0.1', ports.get(s.name))]));
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: 'development', GRAPHQL_DEBUG: '0', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', REDIS_URL, DATABASE_URL, REDIS_PREFIX: prefix,
    INTERNAL_SECRET, AUTH_JWT_SECRET, DEFAULT_ACCOUNT_ID: ACCOUNT, DEFAULT_STARTING_CASH: '1000000', REPLAY_ON_START: 'none', EQUITY_SNAPSHOT_INTERVAL_MS: '0',
    STRATEGY_NAME: `bench-${ACCOUNT}`, GATEWAY_PORT: String(gatewayPort), GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000', ...urls,
    ...Object.fromEntries(services.map((s) => [s.portVariable, String(ports.get(s.name))])),
  };
  const log = (m: string) => process.stdout.write(`${m}\n`);
  const subgraphs = supervise(services.map((s) => ({ name: s.name, entry: join(ROOT, s.folder!, 'main.ts') })), { cwd: ROOT, env, log, stdio: 'ignore' });
  const gateways = supervise(
    [
      // BENCH_PROFILE=<dir>: a V8 CPU profile of our gateway, written there when it stops.
      { name: 'apollo', entry: join(ROOT, 'gateway', 'src', 'main.ts'), nodeArgs: process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [] },
      { name: 'hive', entry: join(ROOT, 'bench', 'gateway', 'hive-server.ts'), env: { HIVE_PORT: String(hivePort) } },
    ],
    { cwd: ROOT, env, log, stdio: 'ignore' },
  );
  try {
    for (const s of services) await waitFor(() => healthy(`http://127.0.0.1:${ports.get(s.name)}/health`), 180_000, `${s.name} healthy`);
    await waitFor(() => healthy(`http://127.0.0.1:${gatewayPort}/health`), 120_000, 'our gateway');
    await waitFor(() => healthy(`http://127.0.0.1:${hivePort}/healthcheck`), 120_000, 'Hive Gateway');

    const admin: Principal = { id: 'jwt:bench', kind: 'jwt', scopes: expandScopes(['admin']), accounts: '*' };
    const jwt = await issueJwt(AUTH_JWT_SECRET, { sub: 'bench', scopes: ['admin'] });
    const ours = { url: `http://127.0.0.1:${gatewayPort}/graphql`, headers: () => ({ authorization: `Bearer ${jwt}`, 'x-request-id': `bench-${randomBytes(8).toString('hex')}` }) };
    const hive = { url: `http://127.0.0.1:${hivePort}/graphql`, headers: () => signedPrincipalHeaders(INTERNAL_SECRET, admin, `bench-${randomBytes(8).toString('hex')}`) };
    await seed(ours.url, ours.headers());

    // The one-subgraph query straight to the accounts subgraph: what either gateway adds on top of it.
    const direct = { url: `http://127.0.0.1:${ports.get('accounts')}/graphql`, headers: hive.headers };
    const results: Record<string, Record<string, Measured>> = {};
    for (const [name, query] of Object.entries(QUERIES)) {
      const body = JSON.stringify({ query, variables: { id: ACCOUNT } });
      const targets = [['apollo', ours], ['hive', hive], ...(name === 'one-subgraph' ? [['subgraph', direct] as const] : [])] as const;
      for (const [label, g] of targets) {
        await check(g.url, g.headers(), body, `${label} ${name}`);
        await drive(g.url, g.headers, body, WARMUP_S);
        (results[name] ??= {})[label] = await drive(g.url, g.headers, body, DURATION_S);
        log(`${name.padEnd(19)} ${label.padEnd(6)} ${JSON.stringify(results[name]![label])}`);
      }
    }
    const summary = {
      at: new Date().toISOString(), connections: CONNECTIONS, durationS: DURATION_S, cpus: (await import('node:os')).cpus().length,
      queries: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, {
        ...r, rpsRatio: round(r.apollo!.rps / r.hive!.rps), p99Ratio: round(r.apollo!.p99 / r.hive!.p99),
      }])),
    };
    const out = join(ROOT, 'bench', 'results', 'gateway.json');
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
    log(JSON.stringify(summary, null, 2));
  } finally {
    await gateways.stop();
    await subgraphs.stop();
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Gives the bench account two positions (so the join has entities to resolve) through our gateway. */
async function seed(url: string, headers: Record<string, string>): Promise<void> {
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) })).json()) as { data?: any; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (r.errors) throw new Error(`seed: ${JSON.stringify(r.errors)}`);
    return r.data;
  };
  const quotes = [['AAPL', 255.0, 255.02], ['MSFT', 510.0, 510.05]].map(([symbol, bid, ask]) => JSON.stringify({ type: 'quote', timestamp: '2025-10-03T13:30:00Z', symbol, bid, ask, bid_size: 10_000, ask_size: 10_000 }));
  await gql('mutation($c: String!) { startReplay(input: { source: INLINE, format: NDJSON, content: $c, asFastAsPossible: true }) { error { code } } }', { c: quotes.join('\n') });
  await waitFor(async () => (await gql('{ quote(symbol: "MSFT") { ask } }')).quote?.ask === 510.05, 20_000, 'quotes');
  for (const symbol of ['AAPL', 'MSFT']) {
    const placed = await gql(`mutation { placeOrder(input: { accountId: "${ACCOUNT}", clientOrderId: "bench-${symbol}", symbol: "${symbol}", side: BUY, type: MARKET, quantity: 10 }) { order { status } error { code message } } }`);
    if (placed.placeOrder.error) throw new Error(`seed order: ${placed.placeOrder.error.message}`);
  }
  await waitFor(async () => (await gql(`{ account(id: "${ACCOUNT}") { positions { symbol } } }`)).account.positions.length === 2, 20_000, 'positions');
}

/** One request first: both gateways must answer the query with data and no error. */
async function check(url: string, headers: Record<string, string>, body: string, what: string): Promise<void> {
  const r = (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })).json()) as { data?: unknown; errors?: unknown[] };
  if (r.errors || !r.data) throw new Error(`${what}: ${JSON.stringify(r.errors ?? r)}`);
}

main().catch((err: Error) => {
  process.stderr.write(`bench:gateway: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
