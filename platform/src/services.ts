// The service registry: every process of the platform, its port variable and the URL others use to
// reach it. The seven federated subgraphs are the ones with `subgraph: true`.
import type { Config } from './config';

export type ServiceName =
  | 'gateway'
  | 'marketdata'
  | 'signals'
  | 'strategy'
  | 'execution'
  | 'inference'
  | 'gpu-runner'
  | 'sentiment'
  | 'accounts'
  | 'worker'
  | 'dashboard';

interface ServiceSpec {
  /** Human description, shown in /health and the README. */
  description: string;
  port: (c: Config) => number;
  /** Base URL (no path) other processes use to reach this service. */
  baseUrl: (c: Config) => string;
  subgraph: boolean;
}

const origin = (url: string) => new URL(url).origin;

export const SERVICES: Record<ServiceName, ServiceSpec> = {
  gateway: { description: 'Federated GraphQL gateway', port: (c) => c.GATEWAY_PORT, baseUrl: (c) => `http://127.0.0.1:${c.GATEWAY_PORT}`, subgraph: false },
  marketdata: { description: 'Tick replay, book builder, candles', port: (c) => c.MARKETDATA_PORT, baseUrl: (c) => origin(c.MARKETDATA_URL), subgraph: true },
  signals: { description: 'Pattern engine (Rust core via napi-rs)', port: (c) => c.SIGNALS_PORT, baseUrl: (c) => origin(c.SIGNALS_URL), subgraph: true },
  strategy: { description: 'Strategy engine: decisions and risk', port: (c) => c.STRATEGY_PORT, baseUrl: (c) => origin(c.STRATEGY_URL), subgraph: true },
  execution: { description: 'Execution engine: orders and simulated fills', port: (c) => c.EXECUTION_PORT, baseUrl: (c) => origin(c.EXECUTION_URL), subgraph: true },
  inference: { description: 'ONNX runner (CPU inference)', port: (c) => c.ONNX_PORT, baseUrl: (c) => origin(c.ONNX_URL), subgraph: true },
  'gpu-runner': { description: 'GPU runner (same API, GPU execution providers)', port: (c) => c.TENSORRT_PORT, baseUrl: (c) => origin(c.TENSORRT_URL), subgraph: false },
  sentiment: { description: 'Sentiment engine (FinBERT-class model)', port: (c) => c.SENTIMENT_PORT, baseUrl: (c) => origin(c.SENTIMENT_URL), subgraph: true },
  accounts: { description: 'Account simulation (the seed\'s mock MCP)', port: (c) => c.MCP_PORT, baseUrl: (c) => origin(c.MCP_URL), subgraph: true },
  worker: { description: 'Worker: background jobs (model training) from the `jobs` stream', port: (c) => c.WORKER_PORT, baseUrl: (c) => origin(c.WORKER_URL), subgraph: false },
  dashboard: { description: 'Web dashboard', port: (c) => c.DASHBOARD_PORT, baseUrl: (c) => `http://127.0.0.1:${c.DASHBOARD_PORT}`, subgraph: false },
};

export const SUBGRAPHS = (Object.keys(SERVICES) as ServiceName[]).filter((n) => SERVICES[n].subgraph);

export function serviceUrl(config: Config, name: ServiceName, path = ''): string {
  return `${SERVICES[name].baseUrl(config)}${path}`;
}
