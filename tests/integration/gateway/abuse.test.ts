// The abuse suite: operations made to exhaust the platform are refused at the gateway with a clear code
// (and an HTTP status, never an HTML page) while /health keeps answering — nested account → orders →
// account at depth 30 and 100, 2,000 aliases, 10,000 repeated fields, a 5 MB query, fragment cycles,
// a batch of 1,000 operations, malformed and oversized bodies, and more operations than the rate limit.
import { authHeaders, gql, uniquePrefix } from '../support/env';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ REDIS_PREFIX: uniquePrefix('abuse'), GATEWAY_RATE_LIMIT_PER_MINUTE: '400' });
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

interface Answer {
  status: number;
  type: string;
  /** Every error's code (one operation can break several limits). */
  codes: string[];
  message: string;
}

async function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${stack.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(await authHeaders()), ...headers }, body });
  const type = res.headers.get('content-type') ?? '';
  const json = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: res.status, type, codes: (json.errors ?? []).map((e) => e.extensions?.code ?? ''), message: (json.errors ?? []).map((e) => e.message).join(' | ') };
}

const send = (document: string) => post(JSON.stringify({ query: document }));

/** A query document of the given root selections (built, so its size is a parameter). */
const selection = (fields: string[]) => ['{', ...fields, '}'].join(' ');

function nested(depth: number): string {
  let inner = 'id';
  for (let i = 0; i < depth; i++) inner = [i % 2 === 0 ? 'orders' : 'account', '{', inner, '}'].join(' ');
  return selection([`account(id: "default") { ${inner} }`]);
}

async function healthy() {
  const res = await fetch(`${stack.gateway.url}/health`, { signal: AbortSignal.timeout(2000) });
  expect(res.status).toBe(200);
}

const CASES: [string, () => Promise<Answer>, string, RegExp][] = [
  ['depth 30: account → orders → account …', () => send(nested(30)), 'MAX_DEPTH_EXCEEDED', /depth limit of 12/i],
  ['depth 100', () => send(nested(100)), 'MAX_DEPTH_EXCEEDED', /depth limit of 12/i],
  ['2,000 aliases of instruments { quote }', () => send(selection(Array.from({ length: 2000 }, (_, i) => `a${i}: instruments { quote { bid } }`))), 'MAX_TOKENS_EXCEEDED', /token limit/i],
  ['40 aliases (under the token limit)', () => send(selection(Array.from({ length: 40 }, (_, i) => `a${i}: replay { state }`))), 'MAX_ALIASES_EXCEEDED', /aliases limit/i],
  ['10,000 repeated fields', () => send(selection([`replay { ${'state '.repeat(10_000)} }`])), 'MAX_TOKENS_EXCEEDED', /token limit/i],
  ['500 orders each with 500 more (cost)', () => send('{ a: orders(first: 500) { edges { node { fills { qty price fee side } account { orders(first: 500) { id } } } } } }'), 'MAX_COST_EXCEEDED', /cost limit/i],
  ['a 5 MB query', () => send(`{ replay { state } } # ${'x'.repeat(5 * 1024 * 1024)}`), 'PAYLOAD_TOO_LARGE', /larger than/],
  ['fragment cycles', () => send(['query', '{ account(id: "default") ', '{ ...A } }', 'fragment A on Account { orders { account { ...B } } }', 'fragment B on Account { orders { account { ...A } } }'].join(' ')), 'GRAPHQL_VALIDATION_FAILED', /cannot spread fragment "A" within itself/i],
  ['a batch of 1,000 operations', () => post(JSON.stringify(Array.from({ length: 1000 }, () => ({ query: '{ replay { state } }' })))), 'BATCHING_NOT_SUPPORTED', /one operation per request/],
  ['a malformed JSON body', () => post('{"query": "{ replay { state } }"'), 'BAD_REQUEST', /not valid JSON/],
  ['a 10 MB body', () => post(JSON.stringify({ query: '{ replay { state } }', variables: { pad: 'x'.repeat(10 * 1024 * 1024) } })), 'PAYLOAD_TOO_LARGE', /larger than/],
];

test.each(CASES)('%s is refused with a clear code as JSON, and /health keeps answering', async (_name, send, code, message) => {
  const started = Date.now();
  const answer = await send();
  expect(answer.codes).toContain(code);
  expect(answer.message).toMatch(message);
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.type).toMatch(/application\/(graphql-response\+)?json/);
  expect(Date.now() - started).toBeLessThan(10_000);
  await healthy();
});

test('a dashboard-sized query is within every limit', async () => {
  const r = await gql(stack.gateway.url, `{
    accounts { id cash equity buyingPower realizedPnl unrealizedPnl positions { symbol quantity averagePrice marketPrice unrealizedPnl instrument { symbol name quote { bid ask last } } } }
    instruments { symbol name quote { bid ask last mid spread } }
    replay { state published total }
    orders(first: 50) { edges { node { id status side quantity filledQuantity averageFillPrice instrument { symbol } } } }
    decisions(first: 20) { id symbol action quantity reason }
  }`);
  expect(r.errors).toBeUndefined();
});

test('errors carry no stack traces or server paths', async () => {
  const r = await post(JSON.stringify({ query: '{ nope }' }));
  expect(r.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  const raw = await (await fetch(`${stack.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(await authHeaders()) }, body: JSON.stringify({ query: '{ order(id: 5) { id } }' }) })).text();
  expect(raw).not.toMatch(/stacktrace|\/work\/|node_modules|at .*\.ts:\d+/);
});

test('CSRF prevention: what a browser may send cross-site without a preflight executes nothing', async () => {
  const authorization = (await authHeaders()).authorization!;
  // A cookie-less API cannot be ridden by a forged page anyway; these are refused before any operation.
  const simple: { method: string; path: string; headers: Record<string, string>; body?: string }[] = [
    { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ replay { state } }')}`, headers: {} },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'text/plain' }, body: '{"query":"mutation { resetAccount(id: \\"default\\") { error { code } } }"}' },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B%20replay%20%7B%20state%20%7D%20%7D' },
  ];
  for (const request of simple) {
    const res = await fetch(`${stack.gateway.url}${request.path}`, { method: request.method, headers: { ...request.headers, authorization }, body: request.body });
    expect([request.method, request.headers, res.status]).toEqual([request.method, request.headers, 400]);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.extensions.code).toMatch(/^(BAD_REQUEST|CSRF_PREVENTED)$/);
  }
  // The same GET with a header no simple request can carry is a normal query.
  const res = await fetch(`${stack.gateway.url}/graphql?query=${encodeURIComponent('{ replay { state } }')}`, { headers: { authorization, 'apollo-require-preflight': 'true' } });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
});

test('more operations than the rate limit in a minute are answered 429 RATE_LIMITED with Retry-After', async () => {
  const headers = { authorization: (await authHeaders()).authorization! };
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 420; i++) {
    const res = await fetch(`${stack.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"query":"{ replay { state } }"}' });
    statuses.push(res.status);
    if (res.status === 429) {
      retryAfter = res.headers.get('retry-after');
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
      break;
    }
    await res.arrayBuffer();
  }
  expect(statuses.at(-1)).toBe(429);
  expect(statuses.length).toBeGreaterThan(300); // everything before the limit went through
  expect(Number(retryAfter)).toBeGreaterThan(0);
  await healthy();
}, 60_000);
