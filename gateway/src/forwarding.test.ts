// What the gateway passes on to subgraphs: the request id and the caller's Authorization header, and
// none of the client's other headers; an id the client sent is kept only when it is a plain token.
import { gatewayContextOf } from './server';

test('request id and authorization are forwarded; cookies and other headers are not', () => {
  const ctx = gatewayContextOf({ 'x-request-id': 'abc-1', authorization: 'Bearer k', cookie: 'session=1', 'x-other': 'y' });
  expect(ctx).toEqual({ requestId: 'abc-1', forwarded: { 'x-request-id': 'abc-1', authorization: 'Bearer k' } });
});

test('without a request id (or with one that is not a plain token) the gateway makes one', () => {
  const made = gatewayContextOf({});
  expect(made.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(made.forwarded).toEqual({ 'x-request-id': made.requestId });
  expect(gatewayContextOf({ 'x-request-id': 'bad id\nwith newline' }).requestId).toMatch(/^[0-9a-f-]{36}$/);
});
