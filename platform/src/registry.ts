// The service registry: the one list of every process of the platform. `npm start`, the test stack, the
// gateway's subgraph list and health aggregation, codegen, the supergraph composition, the port and URL
// settings and docker-compose.yml are all derived from it — adding a service is one entry here plus its
// folder. Plain data (no imports), so scripts can read it before anything else is loaded.

export type ServiceKind =
  /** The federated gateway (not a ServiceDefinition; its folder has its own main.ts). */
  | 'gateway'
  /** A federated subgraph: composed into the supergraph, required healthy by the gateway. */
  | 'subgraph'
  /** A process of a subgraph's family serving REST (e.g. the GPU runner): reported, not required. */
  | 'runner'
  /** A background worker (stream consumer with /health): reported, not required. */
  | 'worker'
  /** The web front end (Next.js; its folder has its own main.ts): reported, not required. */
  | 'dashboard';

export interface ServiceEntry {
  readonly name: string;
  readonly kind: ServiceKind;
  /** Human description, shown in /health, ServiceInfo and the docs. */
  readonly description: string;
  /** Environment variable of the port it listens on, and its default. */
  readonly portVariable: string;
  readonly defaultPort: number;
  /** Environment variable other processes read its URL from (the seed's names where it has them). */
  readonly urlVariable?: string;
  /** Path part of that URL (the seed's MCP_URL ends in /mcp). */
  readonly urlPath?: string;
  /**
   * Folder of the process, relative to the repository root: `index.ts` there exports `definition`
   * (a ServiceDefinition) and `main.ts` runs it. Absent for a reserved service that is not built yet.
   */
  readonly folder?: string;
  /** For a subgraph: the SDL file it serves (relative to the repository root). */
  readonly schema?: string;
  /** Service name in docker-compose.yml (the seed's names: onnx_runner, mock-mcp, ...). */
  readonly composeName: string;
  /** Mounts the shared model-artifacts volume in docker-compose (runners and the worker). */
  readonly usesModelArtifacts?: boolean;
}

export const SERVICE_REGISTRY = [
  { name: 'gateway', kind: 'gateway', description: 'Federated GraphQL gateway', portVariable: 'GATEWAY_PORT', defaultPort: 8000, folder: 'gateway/src', composeName: 'gateway' },
  {
    name: 'marketdata', kind: 'subgraph', description: 'Tick replay, book builder, candles',
    portVariable: 'MARKETDATA_PORT', defaultPort: 8003, urlVariable: 'MARKETDATA_URL',
    folder: 'subgraphs/marketdata/src', schema: 'subgraphs/marketdata/src/schema.graphql', composeName: 'marketdata',
  },
  {
    name: 'signals', kind: 'subgraph', description: 'Pattern engine (Rust core via napi-rs)',
    portVariable: 'SIGNALS_PORT', defaultPort: 8009, urlVariable: 'SIGNALS_URL',
    folder: 'subgraphs/signals/src', schema: 'subgraphs/signals/src/schema.graphql', composeName: 'signals',
  },
  {
    name: 'strategy', kind: 'subgraph', description: 'Strategy engine: decisions and risk',
    portVariable: 'STRATEGY_PORT', defaultPort: 8005, urlVariable: 'STRATEGY_URL',
    folder: 'subgraphs/strategy/src', schema: 'subgraphs/strategy/src/schema.graphql', composeName: 'strategy_engine',
  },
  {
    name: 'execution', kind: 'subgraph', description: 'Execution engine: orders and simulated fills',
    portVariable: 'EXECUTION_PORT', defaultPort: 8006, urlVariable: 'EXECUTION_URL',
    folder: 'subgraphs/execution/src', schema: 'subgraphs/execution/src/schema.graphql', composeName: 'execution_engine',
  },
  {
    name: 'inference', kind: 'subgraph', description: 'ONNX runner (CPU inference)',
    portVariable: 'ONNX_PORT', defaultPort: 8001, urlVariable: 'ONNX_URL',
    folder: 'subgraphs/inference/src/runner', schema: 'subgraphs/inference/src/schema.graphql', composeName: 'onnx_runner', usesModelArtifacts: true,
  },
  {
    name: 'gpu-runner', kind: 'runner', description: 'GPU runner (same API, GPU execution providers)',
    portVariable: 'TENSORRT_PORT', defaultPort: 8007, urlVariable: 'TENSORRT_URL',
    folder: 'subgraphs/inference/src/gpu', composeName: 'tensorrt_runner', usesModelArtifacts: true,
  },
  {
    name: 'sentiment', kind: 'subgraph', description: 'Sentiment engine (FinBERT-class model)',
    portVariable: 'SENTIMENT_PORT', defaultPort: 8002, urlVariable: 'SENTIMENT_URL',
    folder: 'subgraphs/sentiment/src', schema: 'subgraphs/sentiment/src/schema.graphql', composeName: 'sentiment_engine',
  },
  {
    name: 'accounts', kind: 'subgraph', description: "Account simulation (the seed's mock MCP)",
    portVariable: 'MCP_PORT', defaultPort: 9000, urlVariable: 'MCP_URL', urlPath: '/mcp',
    folder: 'subgraphs/accounts/src', schema: 'subgraphs/accounts/src/schema.graphql', composeName: 'mock-mcp',
  },
  {
    name: 'worker', kind: 'worker', description: 'Worker: background jobs (model training) from the `jobs` stream',
    portVariable: 'WORKER_PORT', defaultPort: 8010, urlVariable: 'WORKER_URL',
    folder: 'subgraphs/inference/src/worker', composeName: 'worker', usesModelArtifacts: true,
  },
  {
    name: 'dashboard', kind: 'dashboard', description: 'Web dashboard (Next.js), a client of the gateway',
    portVariable: 'DASHBOARD_PORT', defaultPort: 8080, urlVariable: 'DASHBOARD_URL', folder: 'dashboard', composeName: 'dashboard',
  },
] as const satisfies readonly ServiceEntry[];

type Registry = (typeof SERVICE_REGISTRY)[number];
export type ServiceName = Registry['name'];
export type PortVariable = Registry['portVariable'];
export type UrlVariable = Extract<Registry, { urlVariable: string }>['urlVariable'];
export type SubgraphName = Extract<Registry, { kind: 'subgraph' }>['name'];

const ENTRIES: readonly ServiceEntry[] = SERVICE_REGISTRY;

export function registryEntry(name: ServiceName): ServiceEntry {
  return ENTRIES.find((e) => e.name === name)!;
}

/** Services that run as processes (they have a folder), in start order: the gateway last. */
export function runnableServices(): ServiceEntry[] {
  const runnable = ENTRIES.filter((e) => e.folder !== undefined);
  return [...runnable.filter((e) => e.kind !== 'gateway'), ...runnable.filter((e) => e.kind === 'gateway')];
}

/** Services run by the platform runtime (a ServiceDefinition in `<folder>/index.ts`): all but the gateway and the dashboard. */
export function definedServices(): ServiceEntry[] {
  return runnableServices().filter((e) => e.kind !== 'gateway' && e.kind !== 'dashboard');
}

/** Every process the gateway's /health reports on: all but the gateway itself. */
export function monitoredServices(): ServiceEntry[] {
  return runnableServices().filter((e) => e.kind !== 'gateway');
}

export function subgraphEntries(): ServiceEntry[] {
  return ENTRIES.filter((e) => e.kind === 'subgraph');
}

/** The default URL of a service on this machine (what the URL variable defaults to). */
export function defaultServiceUrl(entry: ServiceEntry, host = '127.0.0.1', port = entry.defaultPort): string {
  return `http://${host}:${port}${entry.urlPath ?? ''}`;
}
