// The gateway over the real subgraphs (which use the real Redis and PostgreSQL): aggregated health and
// a query planned across several subgraphs.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { SUBGRAPHS, StreamPublisher, type Fill } from '@aitrader/platform';
import { REDIS_URL, authHeaders, gql, uniquePrefix, waitFor } from '../support/env';
import { closeRecordedFills, recordFill } from '../support/recorded-fill';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
const prefix = uniquePrefix('gateway');
const redis = new Redis(REDIS_URL);
beforeAll(async () => {
  stack = await startStack({ REDIS_PREFIX: prefix, DEFAULT_ACCOUNT_ID: `gw-${randomBytes(3).toString('hex')}` });
});
afterAll(async () => {
  await stack?.close();
  await closeRecordedFills();
  await redis.quit();
});

test('GET /health on the gateway lists all seven subgraphs healthy', async () => {
  const res = await fetch(`${stack.gateway.url}/health`);
  const body = (await res.json()) as { status: string; dependencies: Record<string, { status: string; version: string }> };
  expect({ http: res.status, body }).toMatchObject({ http: 200, body: { status: 'ok' } });
  for (const name of SUBGRAPHS) expect(body.dependencies[name]).toMatchObject({ status: 'ok', version: expect.any(String) });
  expect(body.dependencies['gpu-runner']?.status).toBe('ok');
  expect(SUBGRAPHS).toHaveLength(7);
});

test("every service's own /health reports its Redis and PostgreSQL", async () => {
  for (const [name, service] of stack.services) {
    const res = await fetch(`${service.url}/health`);
    const body = (await res.json()) as { service: string; status: string; dependencies: Record<string, { status: string }> };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ service: name, status: 'ok' });
    expect(body.dependencies.redis?.status).toBe('ok');
    expect(body.dependencies.postgres?.status).toBe('ok');
  }
});

test('one query through the gateway is answered by several subgraphs', async () => {
  const query = `{
    marketdataService { name status port dependencies { name status } }
    accountsService { name status version }
    signalsService { name status }
  }`;
  const res = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await authHeaders()) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: Record<string, { name: string; status: string; port?: number; dependencies?: { name: string; status: string }[] }>; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  expect(body.data?.marketdataService).toMatchObject({ name: 'marketdata', status: 'OK' });
  expect(body.data?.marketdataService?.dependencies).toEqual(
    expect.arrayContaining([{ name: 'redis', status: 'OK' }, { name: 'postgres', status: 'OK' }]),
  );
  expect(body.data?.accountsService).toMatchObject({ name: 'accounts', status: 'OK' });
  expect(body.data?.signalsService).toMatchObject({ name: 'signals', status: 'OK' });
});

test('through the gateway: an instrument with its quote, book and candles; an account with its positions', async () => {
  const ticks = [
    { type: 'quote', timestamp: '2025-10-01T13:30:00Z', symbol: 'AAPL', bid: 255.0, ask: 255.02, bid_size: 300, ask_size: 200 },
    { type: 'trade', timestamp: '2025-10-01T13:30:01Z', symbol: 'AAPL', price: 255.02, size: 100 },
    { type: 'trade', timestamp: '2025-10-01T13:31:01Z', symbol: 'AAPL', price: 255.04, size: 50 },
    { type: 'quote', timestamp: '2025-10-01T13:31:02Z', symbol: 'AAPL', bid: 255.04, ask: 255.06, bid_size: 100, ask_size: 100 },
  ];
  const started = await gql(stack.gateway.url, 'mutation($c: String!) { startReplay(input: { source: INLINE, format: NDJSON, content: $c, asFastAsPossible: true }) { error { code message } } }', { c: ticks.map((t) => JSON.stringify(t)).join('\n') });
  expect(started.data?.startReplay.error).toBeNull();

  const accountId = `gw-acct-${randomBytes(3).toString('hex')}`;
  const created = await gql(stack.gateway.url, `mutation { createAccount(input: { id: "${accountId}", name: "gateway test", startingCash: 10000 }) { error { code } } }`);
  expect(created.data?.createAccount.error).toBeNull();
  const fill: Fill = {
    tradeId: `${accountId}-t1`, orderId: `${accountId}-o1`, clientOrderId: 'c1', accountId, symbol: 'AAPL', side: 'BUY', quantity: 10, price: 255, fee: 0, timestamp: '2025-10-01T13:31:03Z',
  };
  await recordFill(fill); // as execution does before publishing: accounts applies only recorded fills
  await new StreamPublisher(redis, { prefix }).publish('fills', fill);

  const query = `{
    instrument(symbol: "AAPL") {
      name
      quote { bid ask last }
      orderBook(depth: 2) { bids { price size } asks { price size } }
      candles(interval: M1, from: "2025-10-01T13:30:00Z", to: "2025-10-01T13:31:00Z") { edges { node { openTime close volume } } }
    }
    account(id: "${accountId}") { cash equity positions { quantity unrealizedPnl instrument { symbol name quote { bid ask } } } }
  }`;
  await waitFor(async () => {
    const r = await gql(stack.gateway.url, query);
    return r.data?.instrument?.quote?.bid === 255.04 && r.data?.account?.positions?.length === 1;
  }, 15_000, 'ticks and the fill to arrive');
  const r = await gql(stack.gateway.url, query);
  expect(r.errors).toBeUndefined();
  expect(r.data!.instrument).toEqual({
    name: 'Apple Inc.',
    quote: { bid: 255.04, ask: 255.06, last: 255.04 },
    orderBook: { bids: [{ price: 255.04, size: 100 }, { price: 255, size: 300 }], asks: [{ price: 255.06, size: 100 }] },
    candles: { edges: [
      { node: { openTime: '2025-10-01T13:30:00.000Z', close: 255.02, volume: 100 } },
      { node: { openTime: '2025-10-01T13:31:00.000Z', close: 255.04, volume: 50 } },
    ] },
  });
  // The position's instrument (and its quote) come from the marketdata subgraph: entity resolution.
  expect(r.data!.account).toEqual({
    cash: 7450,
    equity: 10_000.5, // 7450 cash + 10 × 255.05 mid
    positions: [{ quantity: 10, unrealizedPnl: 0.5, instrument: { symbol: 'AAPL', name: 'Apple Inc.', quote: { bid: 255.04, ask: 255.06 } } }],
  });
});

test('a subgraph that is down makes the gateway report itself down, naming it', async () => {
  const sentiment = stack.services.get('sentiment')!;
  await sentiment.close();
  stack.services.delete('sentiment');
  const res = await fetch(`${stack.gateway.url}/health`);
  const body = (await res.json()) as { status: string; dependencies: Record<string, { status: string; error?: string }> };
  expect(res.status).toBe(503);
  expect(body.status).toBe('down');
  expect(body.dependencies.sentiment?.status).toBe('down');
  expect(body.dependencies.marketdata?.status).toBe('ok');
});

test('the offline playground is served with its assets from node_modules', async () => {
  const html = await fetch(`${stack.gateway.url}/playground`);
  expect(html.status).toBe(200);
  const text = await html.text();
  expect(text).toContain('GraphiQL.createFetcher');
  expect(text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/); // nothing from outside
  expect(text).toContain('wsClient: graphqlWs.createClient');
  for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css', 'graphql-ws.js']) {
    const res = await fetch(`${stack.gateway.url}/playground/assets/${asset}`);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  }
  const browser = await fetch(`${stack.gateway.url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
  expect(browser.status).toBe(302);
  expect(browser.headers.get('location')).toBe('/playground');
});

test("the gateway forwards the client's request id to every subgraph it calls, and makes one when there is none", async () => {
  const query = '{ marketdataService { requestId } accountsService { requestId } executionService { requestId } }';
  const post = async (headers: Record<string, string>) => {
    const authorization = (await authHeaders()).authorization!; // the client's credential only: its own request id or none
    return fetch(`${stack.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization, ...headers }, body: JSON.stringify({ query }) });
  };
  const sent = await post({ 'x-request-id': 'trace-42' });
  const body = (await sent.json()) as { data: Record<string, { requestId: string }> };
  expect(sent.headers.get('x-request-id')).toBe('trace-42');
  expect(Object.values(body.data).map((s) => s.requestId)).toEqual(['trace-42', 'trace-42', 'trace-42']);

  const made = await post({});
  const id = made.headers.get('x-request-id');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const madeBody = (await made.json()) as { data: Record<string, { requestId: string }> };
  expect(new Set(Object.values(madeBody.data).map((s) => s.requestId))).toEqual(new Set([id]));
});

test('each request gets its own context: two requests never share a request id', async () => {
  const ids = await Promise.all(
    [1, 2, 3].map(async () => ((await gql(stack.gateway.url, '{ signalsService { requestId } }')).data as { signalsService: { requestId: string } }).signalsService.requestId),
  );
  expect(new Set(ids).size).toBe(3);
});
