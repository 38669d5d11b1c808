// Starts the whole platform in-process for tests: the seven subgraphs, the GPU runner and the worker on
// ephemeral ports against the real Redis/PostgreSQL, then the gateway configured with their URLs.
import { createServer } from 'node:net';
import { createLogger, startService, type Config, type RunningService, type ServiceName } from '@aitrader/platform';
import { startGateway, type RunningGateway } from '../../../gateway/src/server';
import { SUBGRAPH_DEFINITIONS } from '../../../gateway/src/compose/subgraphs';
import { gpuDefinition, workerDefinition } from '../../../subgraphs/inference/src';
import { testConfig } from './env';

const URL_VARS: Record<string, string> = {
  marketdata: 'MARKETDATA_URL', signals: 'SIGNALS_URL', strategy: 'STRATEGY_URL', execution: 'EXECUTION_URL',
  inference: 'ONNX_URL', sentiment: 'SENTIMENT_URL', accounts: 'MCP_URL', 'gpu-runner': 'TENSORRT_URL', worker: 'WORKER_URL',
};

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
async function freePort(): Promise<number> {
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
  const defs = [...SUBGRAPH_DEFINITIONS, gpuDefinition, workerDefinition];
  const ports = new Map<string, number>();
  for (const def of defs) ports.set(def.name, await freePort());
  const urls = Object.fromEntries(defs.map((d) => [URL_VARS[d.name]!, `http://127.0.0.1:${ports.get(d.name)}${d.name === 'accounts' ? '/mcp' : ''}`]));
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
