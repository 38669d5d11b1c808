// Health reporting shared by every service: runs dependency checks with a timeout and folds them into
// the JSON that `GET /health` returns (status, version, dependencies with their state).
import type { Redis } from 'ioredis';

export type HealthState = 'ok' | 'degraded' | 'down';

export interface DependencyHealth {
  status: HealthState;
  latency_ms: number;
  error?: string;
  [detail: string]: unknown;
}

export interface DependencyCheck {
  name: string;
  /** A critical dependency that is down makes the service down; otherwise only degraded. */
  critical?: boolean;
  /** Reported only: its state never changes the service's (e.g. the dashboard, a client of the gateway). */
  informational?: boolean;
  /** Resolves with optional details (a `status` in them overrides 'ok'); rejects when unhealthy. */
  check: () => Promise<Record<string, unknown> | void>;
}

export interface HealthReport {
  status: HealthState;
  service: string;
  version: string;
  started_at: string;
  uptime_s: number;
  /** The process, and how often its supervisor restarted it (npm start; 0 otherwise). */
  pid: number;
  restarts: number;
  dependencies: Record<string, DependencyHealth>;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function runChecks(checks: DependencyCheck[], timeoutMs: number): Promise<Record<string, DependencyHealth>> {
  const results = await Promise.all(
    checks.map(async (dep): Promise<[string, DependencyHealth]> => {
      const started = performance.now();
      const latency = () => Math.round((performance.now() - started) * 100) / 100;
      try {
        const details = (await withTimeout(dep.check(), timeoutMs)) ?? {};
        const status = isHealthState(details.status) ? details.status : 'ok';
        return [dep.name, { ...details, status, latency_ms: latency() }];
      } catch (err) {
        return [dep.name, { status: 'down', latency_ms: latency(), error: err instanceof Error ? err.message : String(err) }];
      }
    }),
  );
  return Object.fromEntries(results);
}

export function overallStatus(checks: DependencyCheck[], results: Record<string, DependencyHealth>): HealthState {
  let status: HealthState = 'ok';
  for (const dep of checks) {
    const state = results[dep.name]?.status ?? 'down';
    if (state === 'ok' || dep.informational) continue;
    if (state === 'down' && dep.critical !== false) return 'down';
    status = 'degraded';
  }
  return status;
}

export function isHealthState(value: unknown): value is HealthState {
  return value === 'ok' || value === 'degraded' || value === 'down';
}

// Redis and PostgreSQL outages make a service degraded, not down: it keeps running (and answering what it
// can), reconnects by itself and resumes its streams, so nothing should restart or replace it meanwhile.
export function redisCheck(redis: Redis): DependencyCheck {
  return {
    name: 'redis',
    critical: false,
    // While connecting, ioredis queues the PING; runChecks' timeout bounds the wait.
    check: async () => void (await redis.ping()),
  };
}

export function postgresCheck(query: () => Promise<unknown>): DependencyCheck {
  return { name: 'postgres', critical: false, check: async () => void (await query()) };
}

/** Another service's /health, reported with its own status and version. */
export function httpHealthCheck(name: string, baseUrl: string, timeoutMs: number, critical = true, informational = false): DependencyCheck {
  return {
    name,
    critical,
    informational,
    check: async () => {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(timeoutMs) });
      const body = (await res.json().catch(() => ({}))) as Partial<HealthReport>;
      if (!res.ok && !isHealthState(body.status)) throw new Error(`HTTP ${res.status}`);
      return { status: isHealthState(body.status) ? body.status : 'down', url: baseUrl, version: body.version, restarts: body.restarts };
    },
  };
}

/** A service's health function: runs its checks and folds them into the `/health` report. */
export function healthReporter(service: string, version: string, checks: () => DependencyCheck[], timeoutMs: number, restarts = 0): () => Promise<HealthReport> {
  const startedAt = new Date();
  return async () => {
    const list = checks();
    const dependencies = await runChecks(list, timeoutMs);
    return {
      status: overallStatus(list, dependencies),
      service,
      version,
      started_at: startedAt.toISOString(),
      uptime_s: Math.round((Date.now() - startedAt.getTime()) / 1000),
      pid: process.pid,
      restarts,
      dependencies,
    };
  };
}

/** HTTP status for a report: 503 only when the service cannot do its job. */
export function healthHttpStatus(report: HealthReport): number {
  return report.status === 'down' ? 503 : 200;
}
