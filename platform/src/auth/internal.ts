// Requests between platform processes: the gateway (and a service calling another) states who the
// caller is in `x-aitrader-principal` and signs it with the secret every process shares
// (INTERNAL_SECRET): `x-aitrader-signature: t=<ms>,v=<hex HMAC-SHA256 of "t.requestId.principal">`.
// Subgraphs accept GraphQL only with a valid signature (so nobody bypasses the gateway's checks) and
// trust the principal it signs; a signature older than five minutes is refused.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { expandScopes, isScope, type Principal } from './principal';

export const PRINCIPAL_HEADER = 'x-aitrader-principal';
export const SIGNATURE_HEADER = 'x-aitrader-signature';
const MAX_SKEW_MS = 5 * 60_000;

const mac = (secret: string, t: number, requestId: string, principal: string) =>
  createHmac('sha256', secret).update(`${t}.${requestId}.${principal}`).digest('hex');

/** The two headers (plus the request id they are bound to) that carry `principal` to another process. */
export function signedPrincipalHeaders(secret: string, principal: Principal, requestId: string, now = Date.now()): Record<string, string> {
  const encoded = Buffer.from(JSON.stringify({ id: principal.id, kind: principal.kind, scopes: principal.scopes, accounts: principal.accounts })).toString('base64url');
  return { 'x-request-id': requestId, [PRINCIPAL_HEADER]: encoded, [SIGNATURE_HEADER]: `t=${now},v=${mac(secret, now, requestId, encoded)}` };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The signed principal, or null when the headers are absent, stale, or not signed with `secret`. */
export function verifySignedPrincipal(secret: string, headers: IncomingHttpHeaders | Record<string, unknown>, now = Date.now()): Principal | null {
  const encoded = first(headers[PRINCIPAL_HEADER] as string | string[] | undefined);
  const signature = first(headers[SIGNATURE_HEADER] as string | string[] | undefined);
  const requestId = first(headers['x-request-id'] as string | string[] | undefined) ?? '';
  const m = signature ? /^t=(\d{1,16}),v=([0-9a-f]{64})$/.exec(signature) : null;
  if (!encoded || !m) return null;
  const t = Number(m[1]);
  if (Math.abs(now - t) > MAX_SKEW_MS) return null;
  const expected = Buffer.from(mac(secret, t, requestId, encoded), 'hex');
  const given = Buffer.from(m[2]!, 'hex');
  if (!timingSafeEqual(expected, given)) return null;
  try {
    const p = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<Principal>;
    if (typeof p.id !== 'string' || !Array.isArray(p.scopes) || !(p.kind === 'api-key' || p.kind === 'jwt' || p.kind === 'service')) return null;
    const accounts = p.accounts === '*' ? '*' : Array.isArray(p.accounts) ? p.accounts.filter((a): a is string => typeof a === 'string') : null;
    if (accounts === null) return null;
    return { id: p.id, kind: p.kind, scopes: expandScopes(p.scopes.filter(isScope)), accounts };
  } catch {
    return null;
  }
}
