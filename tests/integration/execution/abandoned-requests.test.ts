// A request that costs too much stops working once nobody waits for it. The execution subgraph on the
// real Redis/PostgreSQL, asked the nested `account → orders → account …` selection that once held it at
// 3 GB for minutes: past OPERATION_TIMEOUT_MS it answers OPERATION_TIMEOUT; when its client goes away it
// stops (REQUEST_ABANDONED, counted on /health) and nothing is left executing; and through the gateway
// a timed-out operation is answered as a JSON error with a code, the subgraph's work abandoned with it.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, startService, type RunningService } from '@aitrader/platform';
import { createPrismaClient, Prisma } from '@aitrader/prisma';
import { definition as execution } from '../../../subgraphs/execution/src';
import { startGateway, type RunningGateway } from '../../../gateway/src/server';
import { DATABASE_URL, gql, signedHeaders, testConfig, testJwt, uniquePrefix, waitFor } from '../support/env';

const prisma = createPrismaClient(DATABASE_URL);
const prefix = uniquePrefix('abandon');
let accountId: string;
let quick: RunningService<unknown>; // a 400 ms operation deadline
let patient: RunningService<unknown>; // the default 10 s deadline, for the client-gone case

/** `_entities` for the account, then orders → account → orders … `levels` times. */
function nested(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = `orders { id account { id ${selection} } }`;
  return `query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id ${selection} } } }`;
}
const variables = () => ({ r: [{ __typename: 'Account', id: accountId }] });

interface GraphQLStats {
  inFlight: number;
  timedOut: number;
  abandoned: number;
}
async function graphqlStats(service: RunningService<unknown>): Promise<GraphQLStats> {
  const health = (await (await fetch(`${service.url}/health`)).json()) as { dependencies: { graphql: GraphQLStats } };
  return health.dependencies.graphql;
}

beforeAll(async () => {
  const account = await prisma.account.create({ data: { name: `abandon-${randomUUID()}`, cash: new Prisma.Decimal(100_000), startingCash: new Prisma.Decimal(100_000) } });
  accountId = account.id;
  // Eight orders: every account level multiplies the selection by eight.
  await prisma.order.createMany({
    data: Array.from({ length: 8 }, (_, i) => ({ accountId, clientOrderId: `abandon-${i}`, symbol: 'AAPL', side: 'BUY' as const, type: 'MARKET' as const, quantity: new Prisma.Decimal(1) })),
  });
  const logger = createLogger('execution', testConfig({ LOG_LEVEL: 'silent' }));
  quick = await startService(execution, { config: testConfig({ REDIS_PREFIX: `${prefix}quick:`, OPERATION_TIMEOUT_MS: '400' }), port: 0, logger });
  patient = await startService(execution, { config: testConfig({ REDIS_PREFIX: `${prefix}patient:` }), port: 0, logger });
}, 60_000);
afterAll(async () => {
  await quick?.close();
  await patient?.close();
  await prisma.account.deleteMany({ where: { id: accountId } });
  await prisma.$disconnect();
});

test('a small nested selection is answered in full', async () => {
  const r = await gql(quick.url, nested(2), variables(), signedHeaders());
  expect(r.errors).toBeUndefined();
  const orders = r.data!._entities[0].orders;
  expect(orders).toHaveLength(8);
  expect(orders[0].account.orders).toHaveLength(8);
});

test('past OPERATION_TIMEOUT_MS the operation stops with OPERATION_TIMEOUT and the service answers the next one', async () => {
  const before = await graphqlStats(quick);
  const r = await gql(quick.url, nested(30), variables(), signedHeaders());
  expect(r.errors).toBeDefined();
  expect(new Set(r.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['OPERATION_TIMEOUT']));
  expect(r.errors![0]!.message).toBe('the operation ran past its time limit');
  const after = await graphqlStats(quick);
  expect(after).toMatchObject({ inFlight: 0, timedOut: before.timedOut + 1, abandoned: before.abandoned });
  expect((await gql(quick.url, nested(1), variables(), signedHeaders())).errors).toBeUndefined();
}, 30_000);

test('a request whose client went away stops (REQUEST_ABANDONED) and leaves nothing executing', async () => {
  const client = new AbortController();
  const sent = fetch(`${patient.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedHeaders() },
    body: JSON.stringify({ query: nested(30), variables: variables() }),
    signal: client.signal,
  });
  await waitFor(async () => (await graphqlStats(patient)).inFlight === 1, 10_000, 'the operation to start executing');
  client.abort();
  await expect(sent).rejects.toThrow(/abort/i);
  // Long before its 10 s deadline, the operation has stopped because its client is gone.
  await waitFor(async () => {
    const stats = await graphqlStats(patient);
    return stats.inFlight === 0 && stats.abandoned === 1;
  }, 5_000, 'the abandoned operation to stop');
  expect((await graphqlStats(patient)).timedOut).toBe(0);
  expect((await gql(patient.url, nested(1), variables(), signedHeaders())).errors).toBeUndefined();
}, 30_000);

describe('through the gateway', () => {
  // A subgraph that is stuck (it takes requests and never answers), to see the gateway's own deadline.
  let gateway: RunningGateway;
  let stuck: Server;
  const upstream = { received: 0, closedByGateway: 0 };
  beforeAll(async () => {
    stuck = createServer((req) => {
      upstream.received++;
      req.on('close', () => upstream.closedByGateway++);
    });
    await new Promise<void>((resolve) => stuck.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(stuck.address() as AddressInfo).port}/graphql`;
    gateway = await startGateway(testConfig({ REDIS_PREFIX: `${prefix}gateway:`, OPERATION_TIMEOUT_MS: '300', EXECUTION_URL: url }), createLogger('gateway', testConfig()), 0);
  }, 30_000);
  afterAll(async () => {
    await gateway?.close();
    stuck?.closeAllConnections();
    await new Promise((resolve) => stuck?.close(resolve));
  });

  test('an operation past its deadline is a JSON error with OPERATION_TIMEOUT, and the subgraph request is dropped', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await testJwt(['admin'], undefined, 'abandon-admin')}` };
    const res = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: '{ orders(first: 1) { edges { node { id } } } }' }) });
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['OPERATION_TIMEOUT', 'the operation ran past its time limit']]);
    await waitFor(() => upstream.closedByGateway === upstream.received && upstream.received === 1, 5_000, 'the gateway to drop the subgraph request');
  }, 30_000);
});
