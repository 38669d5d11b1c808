// HTTP guards every process puts in front of its endpoints: JSON bodies with a size limit whose
// failures are answered as JSON (GraphQL errors on /graphql, `{ error }` on REST — never an HTML page),
// GraphQL only from the gateway (a signed principal), REST only with a credential and the scope the
// route needs. The verified principal is left in `res.locals.caller`.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Authenticator } from '../auth/authenticator';
import { verifySignedPrincipal } from '../auth/internal';
import { AuthError, hasScope, type Principal, type Scope } from '../auth/principal';

export const MAX_BODY_BYTES = 1024 * 1024;

export type ErrorShape = 'graphql' | 'rest';

/** The JSON an error is answered with, in the shape of the endpoint. */
export function errorBody(shape: ErrorShape, code: string, message: string) {
  return shape === 'graphql' ? { errors: [{ message, extensions: { code } }] } : { error: { code, message } };
}

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, PAYLOAD_TOO_LARGE: 413, BAD_REQUEST: 400, RATE_LIMITED: 429 };

export function sendError(res: Response, shape: ErrorShape, code: string, message: string): void {
  res.status(HTTP_STATUS[code] ?? 400).json(errorBody(shape, code, message));
}

/** express.json with the limit; its failures go to the next error handler (see bodyErrors). */
export const jsonParser = (limit = MAX_BODY_BYTES): RequestHandler => express.json({ limit });

/**
 * Answers a malformed or oversized body with a typed JSON error. On REST it is mounted after the
 * routes, so a route that shapes its own body errors (the forecast API's field/index) answers first.
 */
export function bodyErrors(shape: ErrorShape, limit = MAX_BODY_BYTES): RequestHandler {
  const onError = (err: Error & { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (err.type === 'entity.too.large') return sendError(res, shape, 'PAYLOAD_TOO_LARGE', `request body is larger than ${limit} bytes`);
    if (err.type === 'entity.parse.failed') return sendError(res, shape, 'BAD_REQUEST', 'request body is not valid JSON');
    if (err.status && err.status < 500) return sendError(res, shape, 'BAD_REQUEST', err.message);
    next(err);
  };
  return onError as unknown as RequestHandler;
}

/** Parser and error answer together, for an endpoint with no handler of its own in between (GraphQL). */
export function jsonBody(shape: ErrorShape, limit = MAX_BODY_BYTES): RequestHandler[] {
  return [jsonParser(limit), bodyErrors(shape, limit)];
}

/** GraphQL of a subgraph: only requests the gateway (or a platform service) signed. */
export function gatewayOnly(secret: string): RequestHandler {
  return (req, res, next) => {
    const caller = verifySignedPrincipal(secret, req.headers);
    if (!caller) return sendError(res, 'graphql', 'UNAUTHENTICATED', 'subgraphs accept GraphQL requests from the gateway only');
    res.locals.caller = caller;
    next();
  };
}

/**
 * REST routes: a signed principal (a platform service) or `Authorization: Bearer <API key or JWT>`,
 * holding the scope `scopeOf(req)` names.
 */
export function restCaller(secret: string, authenticator: Authenticator, scopeOf: (req: Request) => Scope): RequestHandler {
  return (req, res, next) => {
    const resolve = async (): Promise<Principal> => {
      const signed = verifySignedPrincipal(secret, req.headers);
      if (signed) return signed;
      const principal = await authenticator.authenticate(req.headers.authorization);
      if (!principal) throw new AuthError('UNAUTHENTICATED', 'a credential is required: Authorization: Bearer <API key or JWT>');
      return principal;
    };
    resolve().then(
      (caller) => {
        const scope = scopeOf(req);
        if (!hasScope(caller, scope)) return sendError(res, 'rest', 'FORBIDDEN', `the ${scope} scope is required`);
        res.locals.caller = caller;
        next();
      },
      (err: unknown) => (err instanceof AuthError ? sendError(res, 'rest', err.code, err.message) : next(err)),
    );
  };
}

/** An AbortSignal for one request: fires when the client goes away before the answer, or at the deadline. */
export function requestSignal(req: Request, res: Response, timeoutMs: number): AbortSignal {
  const abandoned = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abandoned.abort(new Error('request abandoned by the client'));
  });
  return AbortSignal.any([abandoned.signal, AbortSignal.timeout(timeoutMs)]);
}
