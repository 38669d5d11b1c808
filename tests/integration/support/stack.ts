// Starts the whole platform in-process for tests: every service of the registry (the subgraphs, the GPU
// runner and the worker) on its own port against the real Redis/PostgreSQL, then the gateway configured
// with their URLs.
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  createLogger, defaultServiceUrl, definedServices, startService,
  type Config, type RunningService, type ServiceDefinition, type ServiceName,
} from '@aitrader/platform';
import { startGateway, type RunningGateway } from '../../../gateway/src/server';
import { testConfig } from './env';

const ROOT = join(__dirname, '..', '..', '..');

/** Every service run by the platform runtime, as the registry lists it, with its definition. */
export async function registryDefinitions(): Promise<{ entry: ReturnType<typeof definedServices>[number]; def: ServiceDefinition }[]> {
  return Promise.all(
    definedServices().map(async (entry) => ({ entry, def: ((await import(join(ROOT, entry.folder!))) as { definition: ServiceDefinition }).definition })),
  );
}

export interface Stack {
  config: Config;
  services: Map<ServiceName, RunningService<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  gateway: RunningGateway;
  close(): Promise<void>;
}

/**
 * A free port for one service, so services can know each other's URLs before they start. Each jest
 * worker takes ports from its own range below the OS's ephemeral range: a port picked by the OS (port 0)
 * and released again could be handed to another worker's service before ours binds it.
 */
let nextPort = 20_000 + (Number(process.env.JEST_WORKER_ID ?? 1) - 1) * 1_000;
export async function freePort(): Promise<number> {
  for (;;) {
    const port = nextPort++;
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

export async function startStack(overrides: Record<string, string> = {}): Promise<Stack> {
  const registered = await registryDefinitions();
  const defs = registered.map((s) => s.def);
  const ports = new Map<string, number>();
  for (const def of defs) ports.set(def.name, await freePort());
  const urls = Object.fromEntries(
    registered.filter((s) => s.entry.urlVariable).map((s) => [s.entry.urlVariable!, defaultServiceUrl(s.entry, '127.0.0.1', ports.get(s.entry.name))]),
  );
  // Overrides win, so a test can point a service URL somewhere dead (a service that is down).
  const config = testConfig({ REPLAY_ON_START: 'none', EQUITY_SNAPSHOT_INTERVAL_MS: '0', ...urls, ...overrides });
  const services = new Map<ServiceName, RunningService<any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const def of defs) {
    services.set(def.name, await startService(def, { config, port: ports.get(def.name)!, logger: createLogger(def.name, config) }));
  }
  const gateway = await startGateway(config, createLogger('gateway', config), 0);
  return {
    config,
    services,
    gateway,
    close: async () => {
      await gateway.close();
      await Promise.all([...services.values()].map((s) => s.close()));
    },
  };
}
