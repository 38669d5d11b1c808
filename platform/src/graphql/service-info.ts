// GraphQL side of service health: the shared SDL, and the mapping from a HealthReport to ServiceInfo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';
import type { HealthReport, HealthState } from '../health';

export const serviceInfoTypeDefs: DocumentNode = parse(readFileSync(join(__dirname, 'service-info.graphql'), 'utf8'));

const toEnum = (s: HealthState) => s.toUpperCase() as 'OK' | 'DEGRADED' | 'DOWN';

export function toServiceInfo(report: HealthReport, description: string, port: number, requestId: string) {
  return {
    requestId,
    name: report.service,
    description,
    version: report.version,
    status: toEnum(report.status),
    port,
    startedAt: report.started_at,
    uptimeSeconds: report.uptime_s,
    dependencies: Object.entries(report.dependencies).map(([name, dep]) => ({
      name,
      status: toEnum(dep.status),
      latencyMs: dep.latency_ms,
      error: dep.error ?? null,
    })),
  };
}

/** Query field each subgraph exposes for itself: `marketdataService`, `gpuRunnerService`, ... */
export function serviceInfoField(service: string): string {
  return `${service.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}Service`;
}

/** Reads a subgraph's SDL file (by default `schema.graphql` beside the calling module). */
export function loadSdl(dir: string, file = 'schema.graphql'): DocumentNode {
  return parse(readFileSync(join(dir, file), 'utf8'));
}
