// JWT credentials (jose): HS256 with a configured secret, or RS256/ES256 against a JWKS file or URL.
// Claims: `sub` (who), `scope` (space-separated) or `scopes` (array) of read/trade/admin, and
// `accounts` (array of account ids, or absent / "*" for every account). `exp` is required.
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { expandScopes, isScope, type Principal } from './principal';

export interface JwtSettings {
  AUTH_JWT_SECRET?: string;
  AUTH_JWKS_FILE?: string;
  AUTH_JWKS_URL?: string;
  AUTH_JWT_ISSUER?: string;
  AUTH_JWT_AUDIENCE?: string;
}

export type JwtVerifier = (token: string) => Promise<Principal>;

/** Null when no JWT configuration is given (API keys only). */
export function createJwtVerifier(settings: JwtSettings): JwtVerifier | null {
  const options = { issuer: settings.AUTH_JWT_ISSUER, audience: settings.AUTH_JWT_AUDIENCE, requiredClaims: ['exp'] };
  let verify: (token: string) => Promise<JWTPayload>;
  if (settings.AUTH_JWT_SECRET) {
    const secret = new TextEncoder().encode(settings.AUTH_JWT_SECRET);
    verify = async (token) => (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
  } else if (settings.AUTH_JWKS_FILE || settings.AUTH_JWKS_URL) {
    const keys: JWTVerifyGetKey = settings.AUTH_JWKS_FILE
      ? createLocalJWKSet(JSON.parse(readFileSync(settings.AUTH_JWKS_FILE, 'utf8')))
      : createRemoteJWKSet(new URL(settings.AUTH_JWKS_URL!));
    verify = async (token) => (await jwtVerify(token, keys, { ...options, algorithms: ['RS256', 'ES256'] })).payload;
  } else {
    return null;
  }
  return async (token) => principalOf(await verify(token));
}

export function principalOf(payload: JWTPayload): Principal {
  const raw = typeof payload.scope === 'string' ? payload.scope.split(' ') : Array.isArray(payload.scopes) ? payload.scopes : [];
  const accounts = payload.accounts;
  return {
    id: `jwt:${payload.sub ?? 'anonymous'}`,
    kind: 'jwt',
    scopes: expandScopes(raw.filter(isScope)),
    accounts: Array.isArray(accounts) ? accounts.filter((a): a is string => typeof a === 'string') : '*',
  };
}

/** An HS256 JWT for `AUTH_JWT_SECRET` (`npm run keys -- jwt …`, tests): scopes, accounts, expiry in seconds. */
export async function issueJwt(secret: string, claims: { sub: string; scopes: string[]; accounts?: string[]; expiresInSeconds?: number; issuer?: string; audience?: string }): Promise<string> {
  const jwt = new SignJWT({ scope: claims.scopes.join(' '), ...(claims.accounts ? { accounts: claims.accounts } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (claims.expiresInSeconds ?? 3600));
  if (claims.issuer) jwt.setIssuer(claims.issuer);
  if (claims.audience) jwt.setAudience(claims.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
