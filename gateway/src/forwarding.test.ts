// What the gateway passes on to subgraphs: the request id and the caller, signed with the internal
// secret — never the client's own headers (its credential, cookies or a forged principal).
import { verifySignedPrincipal, type Principal } from '@aitrader/platform';
import { ForwardingDataSource } from './server';

const SECRET = 'x'.repeat(32);
const trader: Principal = { id: 'key:abc', kind: 'api-key', scopes: ['read', 'trade'], accounts: ['A'] };

function sent(principal: Principal | null, clientHeaders: Record<string, string> = {}) {
  const source = new ForwardingDataSource('http://subgraph/graphql', SECRET);
  const headers = new Map(Object.entries(clientHeaders));
  const request = { http: { url: 'http://subgraph/graphql', method: 'POST', headers: { set: (k: string, v: string) => headers.set(k, v) } } };
  source.willSendRequest({ request, context: { requestId: 'req-1', principal } } as never);
  return Object.fromEntries(headers);
}

test('the caller and request id travel signed; the subgraph reads back the same principal', () => {
  const headers = sent(trader);
  expect(headers['x-request-id']).toBe('req-1');
  expect(verifySignedPrincipal(SECRET, headers)).toEqual(trader);
  expect(headers.authorization).toBeUndefined();
});

test('a signature made with another secret, or a principal edited after signing, is refused', () => {
  const headers = sent(trader);
  expect(verifySignedPrincipal('y'.repeat(32), headers)).toBeNull();
  const forged = Buffer.from(JSON.stringify({ ...trader, scopes: ['admin'], accounts: '*' })).toString('base64url');
  expect(verifySignedPrincipal(SECRET, { ...headers, 'x-aitrader-principal': forged })).toBeNull();
  expect(verifySignedPrincipal(SECRET, { ...headers, 'x-request-id': 'other' })).toBeNull();
});

test('a stale signature (older than five minutes) is refused', () => {
  const headers = sent(trader);
  const t = Number(/t=(\d+)/.exec(headers['x-aitrader-signature']!)![1]);
  expect(verifySignedPrincipal(SECRET, headers, t + 4 * 60_000)).toEqual(trader);
  expect(verifySignedPrincipal(SECRET, headers, t + 6 * 60_000)).toBeNull();
});

test('an anonymous caller is passed on as a principal with no scopes', () => {
  expect(verifySignedPrincipal(SECRET, sent(null))).toMatchObject({ id: 'anonymous', scopes: [], accounts: [] });
});
