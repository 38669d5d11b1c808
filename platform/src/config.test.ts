// Config validation: seed variable names, local defaults, and a message that names each bad variable.
import { z } from 'zod';
import { ConfigError, consumerNameOf, loadConfig, parseSettings } from './config';
import { SERVICES, SUBGRAPHS, serviceUrl } from './services';

test('defaults point at local servers and the seed ports', () => {
  const c = loadConfig({});
  expect(c.REDIS_URL).toBe('redis://127.0.0.1:6379/0');
  expect(c.DATABASE_URL).toMatch(/^postgresql:\/\/.*\/aitrader$/);
  expect(c.MCP_URL).toBe('http://127.0.0.1:9000/mcp');
  expect([c.GATEWAY_PORT, c.ONNX_PORT, c.SENTIMENT_PORT, c.MARKETDATA_PORT, c.STRATEGY_PORT, c.EXECUTION_PORT, c.TENSORRT_PORT, c.SIGNALS_PORT, c.MCP_PORT, c.DASHBOARD_PORT])
    .toEqual([8000, 8001, 8002, 8003, 8005, 8006, 8007, 8009, 9000, 8080]);
  expect(c.WORKER_PORT).toBe(8010);
  expect(serviceUrl(c, 'worker', '/health')).toBe('http://127.0.0.1:8010/health');
});

test('seed variables override the defaults; empty values fall back', () => {
  const c = loadConfig({ REDIS_URL: 'redis://redis:6379/0', ONNX_URL: 'http://onnx_runner:8001', MCP_URL: 'http://mock-mcp:9000/mcp', SIGNALS_PORT: '', MARKETDATA_PORT: '18003' });
  expect(serviceUrl(c, 'inference', '/graphql')).toBe('http://onnx_runner:8001/graphql');
  expect(serviceUrl(c, 'accounts')).toBe('http://mock-mcp:9000');
  expect(c.SIGNALS_PORT).toBe(8009);
  expect(SERVICES.marketdata.port(c)).toBe(18003);
});

test('invalid values are rejected with every problem named', () => {
  let error: unknown;
  try {
    loadConfig({ REDIS_URL: 'localhost:6379', GATEWAY_PORT: '70000', LOG_LEVEL: 'loud' });
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as ConfigError).message;
  expect(message).toMatch(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL \(got "localhost:6379"\)/);
  expect(message).toMatch(/GATEWAY_PORT/);
  expect(message).toMatch(/LOG_LEVEL/);
  expect((error as ConfigError).problems).toHaveLength(3);
});

test('the seven subgraphs are registered', () => {
  expect(SUBGRAPHS.sort()).toEqual(['accounts', 'execution', 'inference', 'marketdata', 'sentiment', 'signals', 'strategy']);
});

test('a service parses its own settings from the environment the base config was read from', () => {
  const Settings = z.object({ DEPTH: z.coerce.number().int().min(1).max(50).default(5) });
  expect(parseSettings(Settings, loadConfig({}))).toEqual({ DEPTH: 5 });
  expect(parseSettings(Settings, loadConfig({ DEPTH: '50' }))).toEqual({ DEPTH: 50 });
  expect(parseSettings(Settings, loadConfig({ DEPTH: '' }))).toEqual({ DEPTH: 5 }); // empty means unset, as in the base
  for (const bad of ['0', '51', 'deep']) expect(() => parseSettings(Settings, loadConfig({ DEPTH: bad }))).toThrow(ConfigError);
  expect(() => parseSettings(Settings, loadConfig({ DEPTH: '0' }))).toThrow(/DEPTH: .*\(got "0"\)/);
});

test('production refuses Redis without a password, the default PostgreSQL password and a missing INTERNAL_SECRET', () => {
  let error: unknown;
  try {
    loadConfig({ NODE_ENV: 'production' });
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'INTERNAL_SECRET', 'REDIS_URL']);
  const ok = loadConfig({
    NODE_ENV: 'production', REDIS_URL: 'redis://app:s3cret@redis:6379/0', DATABASE_URL: 'postgresql://app:s3cret@pg:5432/aitrader', INTERNAL_SECRET: 'i'.repeat(32),
  });
  expect(ok.NODE_ENV).toBe('production');
  expect(loadConfig({}).HOST).toBe('127.0.0.1'); // loopback unless told otherwise
});

test('a deployment on another Redis database gets its own prefix (pub/sub channels are server-wide); database 0 keeps the seed names', () => {
  expect(loadConfig({}).REDIS_PREFIX).toBe('');
  expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).REDIS_PREFIX).toBe('');
  expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/3' }).REDIS_PREFIX).toBe('db3:');
  expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/3', REDIS_PREFIX: 'tenant-a:' }).REDIS_PREFIX).toBe('tenant-a:');
});

test('consumer names: explicit, or host, service and replica index', () => {
  expect(consumerNameOf(loadConfig({ CONSUMER_NAME: 'exec-a' }), 'execution')).toBe('exec-a');
  const [first, second] = [loadConfig({}), loadConfig({ REPLICA_INDEX: '1' })].map((c) => consumerNameOf(c, 'execution'));
  expect(first).toMatch(/-execution-0$/);
  expect(second).toMatch(/-execution-1$/);
  expect(consumerNameOf(loadConfig({}), 'strategy')).not.toBe(first);
});
