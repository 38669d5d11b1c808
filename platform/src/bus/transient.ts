// Which handler failures are an outage rather than a bad message: a dependency that cannot answer right
// now (Redis, PostgreSQL, another service) fails every message alike and passes. A stream consumer retries
// such a failure with backoff for as long as it lasts and never dead-letters the message for it, so a
// 30-second outage loses nothing; only failures of the message itself count towards maxDeliveries.

/** Thrown (or marked `transient = true`) by code that knows a dependency is down. */
export class DependencyUnavailableError extends Error {
  readonly transient = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DependencyUnavailableError';
  }
}

// Prisma (connection, pool, transaction conflict), PostgreSQL SQLSTATE (connection class 08, shutdown,
// serialization/deadlock) and Node socket codes.
const TRANSIENT_CODES = new Set([
  'P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2034',
  '08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '40001', '40P01',
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT',
]);
const TRANSIENT_MESSAGES = /Connection is closed|ECONNREFUSED|ECONNRESET|Can't reach database server|server closed the connection|Connection terminated|connection timeout|timeout exceeded when trying to connect|fetch failed|MaxRetriesPerRequest|Stream isn't writeable|the database system is (starting up|shutting down)/i;

/** True when `err` (or an error it wraps) says a dependency is unavailable, not that the message is bad. */
export function isTransientError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (typeof e !== 'object') return typeof e === 'string' && TRANSIENT_MESSAGES.test(e);
    const { transient, code, message, name } = e as { transient?: unknown; code?: unknown; message?: unknown; name?: unknown };
    if (transient === true) return true;
    if (name === 'PrismaClientInitializationError' || name === 'TimeoutError') return true;
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
    if (typeof message === 'string' && TRANSIENT_MESSAGES.test(message)) return true;
  }
  return false;
}
