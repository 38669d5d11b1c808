// Starts the whole platform in-process for tests: the seven subgraphs and the GPU runner on ephemeral
// ports against the real Redis/PostgreSQL, then the gateway configured with their URLs.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createLogger, startService, type Config, type RunningService, type ServiceName } from '@aitrader/platform';
import { startGateway, type RunningGateway } from '../../../gateway/src/server';
import { SUBGRAPH_DEFINITIONS } from '../../../gateway/src/compose/subgraphs';
import { testConfig } from './env';

const URL_VARS: Record<string, string> = {
  marketdata: 'MARKETDATA_URL', signals: 'SIGNALS_URL', strategy: 'STRATEGY_URL', execution: 'EXECUTION_URL',
  inference: 'ONNX_URL', sentiment: 'SENTIMENT_URL', accounts: 'MCP_URL', 'gpu-runner': 'TENSORRT_URL',
};

export interface Stack {
  config: Config;
  services: Map<ServiceName, RunningService<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  gateway: RunningGateway;
  close(): Promise<void>;
}

/** A port nothing listens on right now (the OS picks it), so services can know each other's URLs up front. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startStack(overrides: Record<string, string> = {}): Promise<Stack> {
  const defs = [...SUBGRAPH_DEFINITIONS, { name: 'gpu-runner' as const }];
  const ports = new Map<string, number>();
  for (const def of defs) ports.set(def.name, await freePort());
  const urls = Object.fromEntries(defs.map((d) => [URL_VARS[d.name]!, `http://127.0.0.1:${ports.get(d.name)}${d.name === 'accounts' ? '/mcp' : ''}`]));
  const config = testConfig({ REPLAY_ON_START: 'none', EQUITY_SNAPSHOT_INTERVAL_MS: '0', ...overrides, ...urls });
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
