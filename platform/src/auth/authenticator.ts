// Turns a credential into a principal: `Authorization: Bearer <token>` (HTTP) or the same value in
// graphql-ws connectionParams. `ait_…` tokens are API keys (api_keys table), anything else a JWT. No
// credential gives null (the caller decides whether anonymous is allowed); a bad one throws
// UNAUTHENTICATED with the reason.
import type { PrismaClient } from '@aitrader/prisma';
import { ApiKeyStore } from './api-keys';
import { createJwtVerifier, type JwtSettings } from './jwt';
import { AuthError, type Principal } from './principal';

export interface Authenticator {
  authenticate(authorization: string | undefined | null): Promise<Principal | null>;
  readonly keys: ApiKeyStore;
  /** Whether JWTs are accepted (a secret or JWKS is configured). */
  readonly jwt: boolean;
}

export function createAuthenticator(settings: JwtSettings, prisma: PrismaClient): Authenticator {
  const keys = new ApiKeyStore(prisma);
  const verifyJwt = createJwtVerifier(settings);
  return {
    keys,
    jwt: verifyJwt !== null,
    async authenticate(authorization) {
      if (authorization === undefined || authorization === null || authorization === '') return null;
      const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!m) throw new AuthError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <API key or JWT>"');
      const token = m[1]!;
      if (token.startsWith('ait_')) {
        const principal = await keys.verify(token);
        if (!principal) throw new AuthError('UNAUTHENTICATED', 'unknown or revoked API key');
        return principal;
      }
      if (!verifyJwt) throw new AuthError('UNAUTHENTICATED', 'JWTs are not accepted here (no AUTH_JWT_SECRET or JWKS configured)');
      try {
        return await verifyJwt(token);
      } catch (err) {
        throw new AuthError('UNAUTHENTICATED', `invalid JWT: ${(err as Error).message}`);
      }
    },
  };
}
