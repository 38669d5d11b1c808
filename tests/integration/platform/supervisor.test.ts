// The supervisor behind `npm start`, on real processes: marketdata, execution and accounts each run as their
// own Node process (as `npm start` runs them) on the tests' Redis and PostgreSQL. Killing one with -9 gets
// it restarted with its restart count in /health, and the loop (order stream → fill → position) goes on —
// a fill published while accounts is down is applied once it is back, from its stream position.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Redis from 'ioredis';
import { StreamPublisher, supervise, type Supervisor } from '@aitrader/platform';
import { AUTH_JWT_SECRET, DATABASE_URL, INTERNAL_SECRET, REDIS_URL, gql, uniquePrefix, waitFor } from '../support/env';
import { freePort } from '../support/stack';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..', '..');
const prefix = uniquePrefix('supervisor');
const accountId = `supervised-${randomBytes(3).toString('hex')}`;
const redis = new Redis(REDIS_URL);
const ports: Record<string, number> = {};
const url = (name: string) => `http://127.0.0.1:${ports[name]}`;
let platform: Supervisor;

interface Health { status: string; pid: number; restarts: number }
async function health(name: string): Promise<Health | null> {
  return fetch(`${url(name)}/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.json() as Promise<Health>, () => null);
}

const SERVICES = [
  ['marketdata', 'subgraphs/marketdata/src/main.ts'],
  ['execution', 'subgraphs/execution/src/main.ts'],
  ['accounts', 'subgraphs/accounts/src/main.ts'],
] as const;

beforeAll(async () => {
  for (const [name] of SERVICES) ports[name] = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'test', LOG_LEVEL: 'warn', REDIS_URL, DATABASE_URL, REDIS_PREFIX: prefix, INTERNAL_SECRET, AUTH_JWT_SECRET,
    DEFAULT_ACCOUNT_ID: accountId, REPLAY_ON_START: 'none', EQUITY_SNAPSHOT_INTERVAL_MS: '0',
    MARKETDATA_PORT: String(ports.marketdata), EXECUTION_PORT: String(ports.execution), MCP_PORT: String(ports.accounts),
    MARKETDATA_URL: url('marketdata'), EXECUTION_URL: url('execution'), MCP_URL: `${url('accounts')}/mcp`,
  };
  platform = supervise(SERVICES.map(([name, entry]) => ({ name, entry: join(ROOT, entry) })), { cwd: ROOT, env, log: () => undefined, stdio: 'ignore', backoff: { initialMs: 200 } });
  for (const [name] of SERVICES) await waitFor(async () => (await health(name))?.status === 'ok', 120_000, `${name} healthy`);
  const quote = { type: 'quote', timestamp: '2025-10-03T13:30:00Z', symbol: 'AAPL', bid: 255.0, ask: 255.02, bid_size: 10_000, ask_size: 10_000 };
  const r = await gql(url('marketdata'), 'mutation($c: String!) { startReplay(input: { source: INLINE, format: NDJSON, content: $c, asFastAsPossible: true }) { error { code } } }', { c: JSON.stringify(quote) });
  expect(r.data?.startReplay.error).toBeNull();
  await waitFor(async () => (await gql(url('marketdata'), '{ quote(symbol: "AAPL") { ask } }')).data?.quote?.ask === 255.02, 20_000, 'AAPL quote');
});

afterAll(async () => {
  await platform?.stop();
  await redis.quit();
});

let sent = 0;
async function order(): Promise<void> {
  sent += 1;
  await new StreamPublisher(redis, { prefix }).publish('orders', {
    clientOrderId: `sup-${accountId}-${sent}`, accountId, symbol: 'AAPL', side: 'BUY', type: 'MARKET', quantity: 10, timestamp: `2025-10-03T13:30:0${sent}Z`,
  });
}
async function position(): Promise<number> {
  const r = await gql(url('accounts'), `{ account(id: "${accountId}") { positions { symbol quantity } } }`);
  return r.data?.account?.positions.find((p: { symbol: string }) => p.symbol === 'AAPL')?.quantity ?? 0;
}

async function killAndAwaitRestart(name: string, restarts: number): Promise<void> {
  const before = (await health(name))!.pid;
  expect(platform.kill(name, 'SIGKILL')).toBe(true);
  await waitFor(async () => {
    const h = await health(name);
    return h !== null && h.pid !== before && h.status === 'ok';
  }, 90_000, `${name} restarted`);
  expect((await health(name))!.restarts).toBe(restarts);
  expect(platform.restarts(name)).toBe(restarts);
}

test('the loop runs under the supervisor', async () => {
  await order();
  await waitFor(async () => (await position()) === 10, 20_000, 'first fill applied');
});

test('execution killed with -9 is restarted and the loop continues', async () => {
  await killAndAwaitRestart('execution', 1);
  await order();
  await waitFor(async () => (await position()) === 20, 20_000, 'fill after the restart');
});

test('a fill published while accounts is dead is applied once, after its restart', async () => {
  const before = (await health('accounts'))!.pid;
  platform.kill('accounts', 'SIGKILL');
  await waitFor(async () => (await health('accounts'))?.pid !== before, 30_000, 'accounts down');
  await order(); // executed and published to `fills` while accounts is down or starting
  await waitFor(async () => (await health('accounts'))?.status === 'ok', 90_000, 'accounts back');
  expect((await health('accounts'))!.restarts).toBe(1);
  await waitFor(async () => (await position()) === 30, 20_000, 'fill applied after the restart');
  const fills = await gql(url('execution'), `{ fills(accountId: "${accountId}", first: 50) { edges { node { tradeId } } } }`);
  expect(fills.data?.fills.edges).toHaveLength(3);
});

test('stop() ends every process (SIGTERM) and none is restarted', async () => {
  await platform.stop();
  for (const [name] of SERVICES) {
    expect(platform.pid(name)).toBeUndefined();
    expect(await health(name)).toBeNull();
  }
});
