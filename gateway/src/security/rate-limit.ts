// Operations per minute per credential (per client address when anonymous), counted in Redis
// (rate-limiter-flexible) so every gateway replica shares the budget. Over it: HTTP 429 with a GraphQL
// error RATE_LIMITED and Retry-After.
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { sendError, type Principal } from '@aitrader/platform';

export function rateLimit(redis: Redis, prefix: string, perMinute: number): RequestHandler {
  const limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}ratelimit:gateway`, points: perMinute, duration: 60 });
  return (req, res, next) => {
    const principal = res.locals.principal as Principal | null;
    const key = principal?.id ?? `ip:${req.ip}`;
    limiter.consume(key, 1).then(
      () => next(),
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) return next(rejection);
        res.setHeader('Retry-After', String(Math.ceil(rejection.msBeforeNext / 1000)));
        sendError(res, 'graphql', 'RATE_LIMITED', `more than ${perMinute} operations a minute for this credential`);
      },
    );
  };
}
