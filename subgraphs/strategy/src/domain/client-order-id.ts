// Deterministic client order ids: the same signal and side always hash to the same id, so when a
// stream redelivers a signal the execution engine's (account, clientOrderId) idempotency drops the copy.
import { createHash } from 'node:crypto';
import type { Side } from './types';

export interface ClientOrderIdParts {
  strategyName: string;
  side: Side;
  /** Preferred key: the signal's own id. */
  signalId?: string | undefined;
  /** Fallback key when the signal has no id. */
  symbol: string;
  timestamp: string;
}

export const CLIENT_ORDER_ID_PREFIX = 'strat-';
/** 32 hex chars = 128 bits: collisions are negligible while the id stays short enough for logs and brokers. */
const HASH_HEX_LENGTH = 32;
/** Bump when the key layout changes, so old and new ids can never collide. */
const KEY_VERSION = 'v1';

/** Equal instants written differently ("…:00Z" vs "…:00.000Z") must map to the same id. */
function canonicalTimestamp(timestamp: string): string {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? timestamp : new Date(ms).toISOString();
}

export function clientOrderId(parts: ClientOrderIdParts): string {
  // JSON array encoding keeps fields unambiguous (no delimiter can be smuggled in through a value).
  const key =
    parts.signalId !== undefined && parts.signalId !== ''
      ? [KEY_VERSION, parts.strategyName, 'signal', parts.signalId, parts.side]
      : [KEY_VERSION, parts.strategyName, 'symbol-time', parts.symbol, canonicalTimestamp(parts.timestamp), parts.side];
  const digest = createHash('sha256').update(JSON.stringify(key)).digest('hex');
  return CLIENT_ORDER_ID_PREFIX + digest.slice(0, HASH_HEX_LENGTH);
}
