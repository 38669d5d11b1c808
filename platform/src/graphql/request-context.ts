// One GraphQL request's own context: its id (taken from the gateway's `x-request-id`, or made here),
// the verified caller (the principal the gateway signed, see auth/internal.ts) and a signal that fires
// when the client goes away or the operation's time is up, so resolvers stop working for nobody.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '../auth/principal';

export interface RequestContext {
  requestId: string;
  caller: Principal;
  /** Aborted when the request is abandoned (client gone) or runs past OPERATION_TIMEOUT_MS. */
  signal: AbortSignal;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A request id a client or the gateway sent is kept when it is a plain token; anything else is replaced. */
export function requestIdOf(headers: IncomingHttpHeaders): string {
  const value = headers['x-request-id'];
  const sent = Array.isArray(value) ? value[0] : value;
  return sent !== undefined && REQUEST_ID.test(sent) ? sent : randomUUID();
}
