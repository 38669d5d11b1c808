// docker-compose.yml must be what the registry generates, run every service of the registry on its
// port, with a health check and the dependencies it needs, and point each service at the others with
// the seed's variable names.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadConfig, runnableServices, SERVICES, type ServiceName } from '@aitrader/platform';
import { COMPOSE_PATH } from './cli';
import { composeFile } from './generate';

interface ComposeService {
  command?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
const committed = readFileSync(COMPOSE_PATH, 'utf8');
/** The file as `docker compose` sees it with a deployment's secrets set (compose interpolation). */
const SECRETS: Record<string, string> = { REDIS_PASSWORD: 'redis-secret', POSTGRES_PASSWORD: 'pg-secret', INTERNAL_SECRET: 'i'.repeat(32) };
const interpolated = committed.replace(/\$\{(\w+):\?[^}]*\}/g, (_, name: string) => SECRETS[name] ?? '');
const compose = parse(interpolated, { merge: true }) as { services: Record<string, ComposeService> };

const COMPOSE_NAMES = Object.fromEntries(runnableServices().map((s) => [s.name, s.composeName]));

test('the committed docker-compose.yml is the one the registry generates (npm run compose:write)', () => {
  expect(committed).toBe(composeFile());
});

test('the seed names: the registry gives each service its compose name from the service map', () => {
  expect(COMPOSE_NAMES).toEqual({
    gateway: 'gateway', marketdata: 'marketdata', signals: 'signals', strategy: 'strategy_engine', execution: 'execution_engine',
    inference: 'onnx_runner', 'gpu-runner': 'tensorrt_runner', sentiment: 'sentiment_engine', accounts: 'mock-mcp', worker: 'worker', dashboard: 'dashboard',
  });
});

test.each(Object.entries(COMPOSE_NAMES))('%s runs as compose service %s on its port with a health check', (registryName, composeName) => {
  const service = compose.services[composeName];
  expect(service).toBeDefined();
  const port = SERVICES[registryName as ServiceName].port(loadConfig({}));
  expect(service!.ports).toEqual([`${port}:${port}`]);
  expect(service!.healthcheck?.test.join(' ')).toContain(`:${port}/health`);
  expect(Object.keys(service!.depends_on ?? {})).toEqual(expect.arrayContaining(['redis', 'postgres', 'migrate']));
});

test('the environment wires services together under the seed names, and is valid config', () => {
  const env = compose.services.gateway!.environment!;
  // As production: Redis and PostgreSQL with credentials and the internal secret, or loadConfig refuses.
  const config = loadConfig(env);
  expect(config.NODE_ENV).toBe('production');
  for (const [registryName, composeName] of Object.entries(COMPOSE_NAMES)) {
    if (registryName === 'gateway') continue;
    const url = new URL(SERVICES[registryName as ServiceName].baseUrl(config));
    expect(url.hostname).toBe(composeName);
    expect(Number(url.port)).toBe(SERVICES[registryName as ServiceName].port(config));
  }
  expect(env.MCP_URL).toBe('http://mock-mcp:9000/mcp');
  expect(env.ONNX_URL).toBe('http://onnx_runner:8001');
});

test('the gateway waits for every subgraph to be healthy', () => {
  const deps = compose.services.gateway!.depends_on!;
  for (const name of ['marketdata', 'signals', 'strategy_engine', 'execution_engine', 'onnx_runner', 'sentiment_engine', 'mock-mcp']) {
    expect(deps[name]).toEqual({ condition: 'service_healthy' });
  }
});

test('the runners and the worker share one models volume (artifacts written by the worker are served by the runners)', () => {
  const mounts = (name: string) => ((compose.services[name] as { volumes?: string[] }).volumes ?? []).filter((v) => v.startsWith('models-data:'));
  for (const name of ['onnx_runner', 'tensorrt_runner', 'worker']) expect(mounts(name)).toEqual(['models-data:/app/models/artifacts']);
});

test('no secret is written into the file: every credential is a required compose variable', () => {
  expect(committed).not.toMatch(/postgres:postgres@|POSTGRES_PASSWORD: postgres\b/);
  for (const name of Object.keys(SECRETS)) expect(committed).toContain(`\${${name}:?`);
  expect(() => loadConfig({ ...compose.services.gateway!.environment!, REDIS_URL: 'redis://redis:6379/0' })).toThrow(/REDIS_URL: production needs/);
});
