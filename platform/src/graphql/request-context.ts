// One GraphQL request's own context: its id (taken from the gateway's `x-request-id`, or made here) and
// the caller as the gateway forwarded it. The caller slot holds the raw credential until identity and
// access checks land; managers read it from here, never from the process-wide context.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Headers the gateway forwards to every subgraph request (and nothing else of the client's). */
export const FORWARDED_HEADERS = ['x-request-id', 'authorization'] as const;

export interface Caller {
  /** The client's `Authorization` header as sent, if any. */
  authorization?: string;
}

export interface RequestContext {
  requestId: string;
  caller: Caller;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A header value, first of a repeated one; undefined when absent or empty. */
function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

/** A request id a client or the gateway sent is kept when it is a plain token; anything else is replaced. */
export function requestIdOf(headers: IncomingHttpHeaders): string {
  const sent = header(headers, 'x-request-id');
  return sent !== undefined && REQUEST_ID.test(sent) ? sent : randomUUID();
}

export function requestContextOf(headers: IncomingHttpHeaders): RequestContext {
  const authorization = header(headers, 'authorization');
  return { requestId: requestIdOf(headers), caller: authorization === undefined ? {} : { authorization } };
}
