// Identity and access on a real stack: every mutation needs a credential and its scope; a trade
// credential bound to account A cannot place, cancel or read B's orders, fills or positions; JWTs that
// are expired or wrongly signed and revoked API keys are refused; subscriptions need a credential at
// connection; subgraphs answer only what the gateway signed; the MCP endpoint uses the same credentials.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { createClient } from 'graphql-ws';
import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { WebSocket } from 'ws';
import { issueJwt } from '@aitrader/platform';
import { AUTH_JWT_SECRET, gql, signedHeaders, testJwt, uniquePrefix } from '../support/env';
import { startStack, type Stack } from '../support/stack';

const run = randomBytes(3).toString('hex');
const A = `sec-a-${run}`;
const B = `sec-b-${run}`;
let stack: Stack;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const apiSchema: GraphQLSchema = Supergraph.build(readFileSync(join(__dirname, '../../../gateway/supergraph.graphql'), 'utf8'), { supportedFeatures: null } as never)
  .apiSchema()
  .toGraphQLJSSchema();

/** One operation per mutation, with its arguments as variables (left unset: access is decided first). */
const mutations = Object.values((apiSchema.getMutationType() as GraphQLObjectType).getFields()).map((f) => {
  const vars = f.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = f.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return { name: f.name, query: `mutation${vars ? `(${vars})` : ''} { ${f.name}${args ? `(${args})` : ''} { __typename } }` };
});
const TRADE_MUTATIONS = ['placeOrder', 'cancelOrder'];

beforeAll(async () => {
  stack = await startStack({ REDIS_PREFIX: uniquePrefix('security'), DEFAULT_ACCOUNT_ID: `sec-default-${run}` });
  for (const id of [A, B]) {
    const created = await gql(stack.gateway.url, `mutation { createAccount(input: { id: "${id}", name: "${id}", startingCash: 10000 }) { error { code } } }`);
    expect(created.data?.createAccount.error).toBeNull();
  }
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const place = (accountId: string, clientOrderId: string, headers: Record<string, string>) =>
  gql(stack.gateway.url, `mutation { placeOrder(input: { accountId: "${accountId}", clientOrderId: "${clientOrderId}", symbol: "AAPL", side: BUY, type: LIMIT, quantity: 1, limitPrice: 1 }) { order { id status } error { code message } } }`, {}, headers);

test('the schema declares every mutation: admin for all but placeOrder and cancelOrder (trade)', () => {
  expect(mutations.length).toBeGreaterThan(20);
  const sdl = readFileSync(join(__dirname, '../../../gateway/supergraph.graphql'), 'utf8');
  for (const { name } of mutations) {
    const line = sdl.split('\n').find((l) => new RegExp(`^\\s+${name}\\(`).test(l) || new RegExp(`^\\s+${name}:`).test(l))!;
    expect(line).toContain(`@requiresScopes(scopes: [["${TRADE_MUTATIONS.includes(name) ? 'trade' : 'admin'}"]])`);
  }
});

test('every mutation without a credential is UNAUTHENTICATED; with a read key FORBIDDEN; trade mutations need trade, the rest admin', async () => {
  const read = bearer(await testJwt(['read']));
  const trade = bearer(await testJwt(['trade']));
  for (const m of mutations) {
    const anonymous = await gql(stack.gateway.url, m.query, {}, {});
    expect([m.name, anonymous.errors?.[0]?.extensions?.code]).toEqual([m.name, 'UNAUTHENTICATED']);
    const reader = await gql(stack.gateway.url, m.query, {}, read);
    expect([m.name, reader.errors?.[0]?.extensions?.code]).toEqual([m.name, 'FORBIDDEN']);
    const trader = await gql(stack.gateway.url, m.query, {}, trade);
    const code = trader.errors?.[0]?.extensions?.code;
    if (TRADE_MUTATIONS.includes(m.name)) expect([m.name, code]).not.toEqual([m.name, 'FORBIDDEN']);
    else expect([m.name, code]).toEqual([m.name, 'FORBIDDEN']);
  }
}, 60_000);

test('queries need a credential too; a read credential may read', async () => {
  const anonymous = await gql(stack.gateway.url, '{ instruments { symbol } }', {}, {});
  expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  const read = await gql(stack.gateway.url, '{ instruments { symbol } }', {}, bearer(await testJwt(['read'])));
  expect(read.errors).toBeUndefined();
  expect(read.data?.instruments.length).toBeGreaterThan(0);
});

test('a trade credential bound to account A cannot place, cancel or read the orders, fills or positions of account B', async () => {
  const traderA = bearer(await testJwt(['trade'], [A], 'trader-a'));
  const ownOrder = await place(A, `own-${run}`, traderA);
  expect(ownOrder.errors).toBeUndefined();
  expect(ownOrder.data?.placeOrder.order.status).toBe('NEW');

  const other = await place(B, `other-${run}`, traderA);
  expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const bOrder = (await place(B, `b-${run}`, {})) /* no credential */;
  expect(bOrder.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  const adminPlaced = await gql(stack.gateway.url, `mutation { placeOrder(input: { accountId: "${B}", clientOrderId: "admin-${run}", symbol: "AAPL", side: BUY, type: LIMIT, quantity: 1, limitPrice: 1 }) { order { id } } }`);
  const bOrderId = adminPlaced.data!.placeOrder.order.id as string;

  const cancel = await gql(stack.gateway.url, `mutation { cancelOrder(id: "${bOrderId}") { order { status } error { code } } }`, {}, traderA);
  expect(cancel.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  for (const query of [
    `{ orders(accountId: "${B}") { edges { node { id } } } }`,
    `{ fills(accountId: "${B}") { edges { node { tradeId } } } }`,
    `{ order(id: "${bOrderId}") { id } }`,
    `{ account(id: "${B}") { cash positions { symbol } } }`,
  ]) {
    const r = await gql(stack.gateway.url, query, {}, traderA);
    expect([query, r.errors?.[0]?.extensions?.code]).toEqual([query, 'FORBIDDEN']);
  }
  // A list without an account is narrowed to the credential's own.
  const mine = await gql(stack.gateway.url, '{ orders(first: 50) { edges { node { account { id } } } } accounts { id } }', {}, traderA);
  expect(mine.errors).toBeUndefined();
  expect(new Set(mine.data!.orders.edges.map((e: { node: { account: { id: string } } }) => e.node.account.id))).toEqual(new Set([A]));
  expect(mine.data!.accounts).toEqual([{ id: A }]);
  // B's order is untouched.
  const still = await gql(stack.gateway.url, `{ order(id: "${bOrderId}") { status } }`);
  expect(still.data?.order.status).toBe('NEW');
}, 60_000);

test('expired, wrongly signed and malformed JWTs and unknown or revoked API keys are UNAUTHENTICATED', async () => {
  const expired = await issueJwt(AUTH_JWT_SECRET, { sub: 'x', scopes: ['admin'], expiresInSeconds: -60 });
  const wrongKey = await issueJwt('another-secret-that-is-long-enough-0000', { sub: 'x', scopes: ['admin'] });
  const accounts = stack.services.get('accounts')!.ctx.auth.keys;
  const { token, record } = await accounts.create({ label: `test ${run}`, scopes: ['read'], accounts: [] });
  expect((await gql(stack.gateway.url, '{ instruments { symbol } }', {}, bearer(token))).errors).toBeUndefined();
  await accounts.revoke(record.id);
  await new Promise((r) => setTimeout(r, 5_100)); // the gateway caches a key's row for up to 5 s
  for (const headers of [bearer(expired), bearer(wrongKey), bearer('not-a-jwt'), { authorization: 'Basic abc' }, bearer(`ait_${'a'.repeat(12)}_${'b'.repeat(43)}`), bearer(token)]) {
    const r = await gql(stack.gateway.url, '{ instruments { symbol } }', {}, headers);
    expect([headers.authorization.slice(0, 20), r.errors?.[0]?.extensions?.code]).toEqual([headers.authorization.slice(0, 20), 'UNAUTHENTICATED']);
  }
}, 30_000);

test('subscriptions without a credential are refused at connection; with one they are accepted', async () => {
  const url = `${stack.gateway.url.replace(/^http/, 'ws')}/graphql`;
  const closeCode = (connectionParams?: Record<string, unknown>) =>
    new Promise<number | 'connected'>((resolve) => {
      const client = createClient({
        url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams,
        on: { connected: () => { resolve('connected'); void client.dispose(); }, closed: (e) => resolve((e as { code: number }).code) },
      });
    });
  expect(await closeCode()).toBe(4403);
  expect(await closeCode({ authorization: 'Bearer nope' })).toBe(4403);
  expect(await closeCode({ authorization: `Bearer ${await testJwt(['read'])}` })).toBe('connected');
});

test('a credential bound to accounts may subscribe to its own fills only', async () => {
  const url = `${stack.gateway.url.replace(/^http/, 'ws')}/graphql`;
  const token = await testJwt(['read'], [A], 'reader-a');
  const first = (query: string) =>
    new Promise<unknown>((resolve) => {
      const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: bearer(token) });
      client.subscribe({ query }, { next: (e) => { resolve(e); void client.dispose(); }, error: (e) => { resolve(e); void client.dispose(); }, complete: () => undefined });
    });
  const other = (await first(`subscription { fillReceived(accountId: "${B}") { tradeId } }`)) as { errors?: { extensions?: { code?: string } }[] };
  expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const none = (await first('subscription { fillReceived { tradeId } }')) as { errors?: { extensions?: { code?: string } }[] };
  expect(none.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

test('a subgraph refuses GraphQL without the gateway signature (a credential alone is not enough) and accepts it with one', async () => {
  const execution = stack.services.get('execution')!.url;
  const post = (headers: Record<string, string>, query = '{ executionService { name } }') =>
    fetch(`${execution}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const bare = await post({});
  expect(bare.status).toBe(401);
  expect(await bare.json()).toEqual({ errors: [{ message: expect.stringMatching(/gateway only/), extensions: { code: 'UNAUTHENTICATED' } }] });
  expect((await post(bearer(await testJwt(['admin'])))).status).toBe(401);
  for (const query of ['{ _service { sdl } }', '{ _entities(representations: [{ __typename: "Account", id: "x" }]) { __typename } }']) {
    expect((await post({}, query)).status).toBe(401);
  }
  const forged = { ...signedHeaders(), 'x-aitrader-signature': `t=${Date.now()},v=${'0'.repeat(64)}` };
  expect((await post(forged)).status).toBe(401);
  const signed = await post(signedHeaders());
  expect(signed.status).toBe(200);
  expect(await signed.json()).toEqual({ data: { executionService: { name: 'execution' } } });
});

test('REST and MCP on the subgraphs take the same credentials and scopes', async () => {
  const accounts = stack.services.get('accounts')!.url;
  const sentiment = stack.services.get('sentiment')!.url;
  expect((await fetch(`${accounts}/mcp/accounts/${A}`)).status).toBe(401);
  expect((await fetch(`${accounts}/health`)).status).toBe(200);
  const readerA = bearer(await testJwt(['read'], [A], 'reader-a'));
  expect((await fetch(`${accounts}/mcp/accounts/${A}`, { headers: readerA })).status).toBe(200);
  expect((await fetch(`${accounts}/mcp/accounts/${B}`, { headers: readerA })).status).toBe(403);
  const listed = (await (await fetch(`${accounts}/mcp/accounts`, { headers: readerA })).json()) as { accounts: { account_id: string }[] };
  expect(listed.accounts.map((a) => a.account_id)).toEqual([A]);

  const rpc = (method: string, params: unknown, headers: Record<string, string>) =>
    fetch(`${accounts}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  expect((await rpc('tools/list', {}, {})).status).toBe(401);
  const tool = (await (await rpc('tools/call', { name: 'get_account', arguments: { account_id: B } }, readerA)).json()) as { result: { isError?: boolean; content: { text: string }[] } };
  expect(tool.result.isError).toBe(true);
  expect(JSON.parse(tool.result.content[0]!.text)).toMatchObject({ error: 'FORBIDDEN' });

  const news = { items: [{ headline: `Apple beats estimates ${run}`, source: 'test', published_at: new Date().toISOString(), symbols: ['AAPL'] }] };
  const postNews = (headers: Record<string, string>) => fetch(`${sentiment}/api/news`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(news) });
  expect((await postNews(readerA)).status).toBe(403);
  expect((await postNews(bearer(await testJwt(['admin'])))).status).toBe(201);
  expect((await fetch(`${sentiment}/api/sentiment?symbol=AAPL&window=1h`, { headers: readerA })).status).toBe(200);
}, 30_000);
