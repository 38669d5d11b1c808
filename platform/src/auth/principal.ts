// Who is calling and what they may do: a principal carries its scopes (read ⊂ trade ⊂ admin — each
// includes the ones before it) and the accounts it is bound to ('*' for every account). Pure: the
// checks every manager runs before touching storage, and the requirement check behind the schema's
// @authenticated / @requiresScopes.

export const SCOPES = ['read', 'trade', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Principal {
  /** Stable id for logs and rate limits: `key:<id>`, `jwt:<sub>`, `service:<name>`. */
  readonly id: string;
  readonly kind: 'api-key' | 'jwt' | 'service';
  /** Expanded: a trade principal also holds read, an admin one trade and read. */
  readonly scopes: readonly Scope[];
  readonly accounts: '*' | readonly string[];
}

export type AuthErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN';

/** A refused call; every transport maps the code (GraphQL extensions.code, HTTP 401 / 403). */
export class AuthError extends Error {
  constructor(readonly code: AuthErrorCode, message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

/** A scope list with what each scope implies (admin → trade → read), in SCOPES order. */
export function expandScopes(scopes: readonly Scope[]): Scope[] {
  const top = Math.max(-1, ...scopes.map((s) => SCOPES.indexOf(s)));
  return SCOPES.slice(0, top + 1);
}

export function hasScope(principal: Principal | null | undefined, scope: Scope): boolean {
  return principal?.scopes.includes(scope) ?? false;
}

/** Federation's requirement form: `[["a", "b"], ["c"]]` is (a AND b) OR c; `[]` requires nothing. */
export function satisfies(principal: Principal, requirement: readonly (readonly string[])[]): boolean {
  return requirement.length === 0 || requirement.some((all) => all.every((s) => isScope(s) && principal.scopes.includes(s)));
}

export function canAccessAccount(principal: Principal, accountId: string): boolean {
  return principal.accounts === '*' || principal.accounts.includes(accountId);
}

/** Throws FORBIDDEN unless the principal holds `scope` and is bound to `accountId`. */
export function assertAccountAccess(principal: Principal | null | undefined, accountId: string, scope: Scope): Principal {
  if (!principal) throw new AuthError('UNAUTHENTICATED', 'a credential is required');
  if (!hasScope(principal, scope)) throw new AuthError('FORBIDDEN', `the ${scope} scope is required`);
  if (!canAccessAccount(principal, accountId)) throw new AuthError('FORBIDDEN', `this credential may not ${scope === 'read' ? 'read' : 'trade'} account ${accountId}`);
  return principal;
}

export function assertScope(principal: Principal | null | undefined, scope: Scope): Principal {
  if (!principal) throw new AuthError('UNAUTHENTICATED', 'a credential is required');
  if (!hasScope(principal, scope)) throw new AuthError('FORBIDDEN', `the ${scope} scope is required`);
  return principal;
}

/**
 * The accounts a list query may return for this principal: every account, or its bound ones. A query
 * that names an account is checked with assertAccountAccess instead.
 */
export function readableAccounts(principal: Principal | null | undefined): '*' | readonly string[] {
  return assertScope(principal, 'read').accounts;
}

/** A platform process calling another (strategy → inference, the gateway's subscription upstreams). */
export function servicePrincipal(name: string): Principal {
  return { id: `service:${name}`, kind: 'service', scopes: expandScopes(['read']), accounts: '*' };
}
