// Settings of the gateway over the platform's shared base config: operation limits, the per-credential
// rate limit and trusted documents (persisted operations).
import { join } from 'node:path';
import { z } from 'zod';

const count = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const GatewaySettings = z.object({
  // Operation limits (graphql-armor): nesting depth, aliases, directives, tokens and a cost estimate (each
  // object 2, scalar 1, ×1.5 per level, × the literal `first`/`last` of a list field: 500 orders with their
  // fills cost about 27,000).
  GATEWAY_MAX_DEPTH: count(12, 100),
  GATEWAY_MAX_ALIASES: count(30, 1000),
  GATEWAY_MAX_DIRECTIVES: count(50, 1000),
  GATEWAY_MAX_TOKENS: count(4000, 100_000),
  GATEWAY_MAX_COST: count(50_000, 10_000_000),
  // Operations per credential (or per client address when anonymous) per minute, shared through Redis by
  // every gateway replica.
  GATEWAY_RATE_LIMIT_PER_MINUTE: count(1200, 1_000_000),
  // `allow`: persisted operations by id and any other operation; `require`: persisted operations only.
  TRUSTED_DOCUMENTS: z.enum(['allow', 'require']).default('allow'),
  TRUSTED_DOCUMENTS_FILE: z.string().min(1).default(join(__dirname, '..', 'trusted-documents.json')),
  // Browser origins allowed to call the gateway (CORS), comma-separated: the dashboard's.
  GATEWAY_CORS_ORIGINS: z
    .string()
    .default('http://localhost:8080,http://127.0.0.1:8080')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  // A development key the playground pre-fills (set by `npm start`; never in production).
  AITRADER_LOCAL_ADMIN_KEY: z.string().optional(),
});

export type GatewaySettings = z.infer<typeof GatewaySettings>;
