// Starts the whole platform in-process for tests: the seven subgraphs and the GPU runner on ephemeral
// ports against the real Redis/PostgreSQL, then the gateway configured with their URLs.
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

export async function startStack(overrides: Record<string, string> = {}): Promise<Stack> {
  const base = testConfig({ REPLAY_ON_START: 'none', EQUITY_SNAPSHOT_INTERVAL_MS: '0', ...overrides });
  const services = new Map<ServiceName, RunningService<any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const def of [...SUBGRAPH_DEFINITIONS, { name: 'gpu-runner' as const }]) {
    services.set(def.name, await startService(def, { config: base, port: 0, logger: createLogger(def.name, base) }));
  }
  const urls = Object.fromEntries(
    [...services].map(([name, s]) => [URL_VARS[name]!, name === 'accounts' ? `${s.url}/mcp` : s.url]),
  );
  const config = testConfig({ REPLAY_ON_START: 'none', EQUITY_SNAPSHOT_INTERVAL_MS: '0', ...overrides, ...urls });
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
