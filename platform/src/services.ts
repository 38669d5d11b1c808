// Runtime view of the service registry: each service's port and base URL under a given config, and the
// list of subgraphs. The entries themselves live in registry.ts.
import type { Config } from './config';
import { SERVICE_REGISTRY, registryEntry, type ServiceName } from './registry';

export type { ServiceName } from './registry';

interface ServiceSpec {
  /** Human description, shown in /health and the docs. */
  description: string;
  port: (c: Config) => number;
  /** Base URL (no path) other processes use to reach this service. */
  baseUrl: (c: Config) => string;
  subgraph: boolean;
}

const origin = (url: string) => new URL(url).origin;

function specOf(name: ServiceName): ServiceSpec {
  const entry = registryEntry(name);
  const port = (c: Config) => (c as unknown as Record<string, number>)[entry.portVariable]!;
  return {
    description: entry.description,
    port,
    baseUrl: entry.urlVariable
      ? (c) => origin((c as unknown as Record<string, string>)[entry.urlVariable!]!)
      : (c) => `http://127.0.0.1:${port(c)}`,
    subgraph: entry.kind === 'subgraph',
  };
}

export const SERVICES = Object.fromEntries(SERVICE_REGISTRY.map((s) => [s.name, specOf(s.name)])) as Record<ServiceName, ServiceSpec>;

export const SUBGRAPHS = SERVICE_REGISTRY.filter((s) => s.kind === 'subgraph').map((s) => s.name as ServiceName);

export function serviceUrl(config: Config, name: ServiceName, path = ''): string {
  return `${SERVICES[name].baseUrl(config)}${path}`;
}
