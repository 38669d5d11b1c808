// The accounts service on real Redis and PostgreSQL: fills from the `fills` stream move positions and
// cash exactly (hand-computed case with a partial close and a flip), a duplicate fill changes nothing,
// marks come from the latest quote, bad input gets typed errors, and the MCP endpoint serves accounts.
// Each fill is first recorded as execution records it (accounts applies no other; see fill-provenance).
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { createLogger, startService, StreamPublisher, writeTopOfBook, type Fill, type RunningService } from '@aitrader/platform';
import { definition, type AccountsServices } from '../../../subgraphs/accounts/src';
import { closeRecordedFills, recordFill } from '../support/recorded-fill';
import { REDIS_URL, fieldsOf, gql, signedHeaders, testConfig, uniquePrefix, waitFor } from '../support/env';

const prefix = uniquePrefix('accounts');
const redis = new Redis(REDIS_URL);
const publisher = new StreamPublisher(redis, { prefix });
let svc: RunningService<AccountsServices>;
const run = randomBytes(3).toString('hex');

beforeAll(async () => {
  const config = testConfig({ REDIS_PREFIX: prefix, DEFAULT_ACCOUNT_ID: `default-${run}`, EQUITY_SNAPSHOT_INTERVAL_MS: '0' });
  svc = await startService(definition, { config, port: 0, logger: createLogger('accounts', config) });
});
afterAll(async () => {
  await svc?.close();
  await closeRecordedFills();
  await redis.quit();
});

const ACCOUNT_FIELDS = 'id name cash startingCash equity buyingPower realizedPnl unrealizedPnl marksMissing positions { symbol quantity averagePrice realizedPnl marketPrice unrealizedPnl instrument { symbol } }';

async function account(id: string) {
  const r = await gql<{ account: any }>(svc.url, `query($id: ID!) { account(id: $id) { ${ACCOUNT_FIELDS} } }`, { id }); // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(r.errors).toBeUndefined();
  return r.data!.account;
}

async function create(id: string, startingCash = 100_000) {
  const r = await gql(svc.url, 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id cash } error { code message } } }', { input: { id, name: `test ${id}`, startingCash } });
  return r.data!.createAccount as { account: { id: string; cash: number } | null; error: { code: string; message: string } | null };
}

let seq = 0;
function fill(accountId: string, side: 'BUY' | 'SELL', quantity: number, price: number, tradeId = `T-${run}-${++seq}`): Fill {
  return { tradeId, orderId: `O-${tradeId}`, clientOrderId: `C-${tradeId}`, accountId, symbol: 'AAPL', side, quantity, price, fee: 1, timestamp: new Date(Date.UTC(2025, 8, 27, 14, 0, seq)).toISOString() };
}

/** Publishes a fill that execution recorded first, as a genuine one is. */
async function publishRecorded(f: Fill) {
  await recordFill(f);
  await publisher.publish('fills', f);
}

async function drained() {
  await waitFor(async () => {
    const groups = (await redis.xinfo('GROUPS', `${prefix}fills`)) as unknown[][];
    const info = fieldsOf(groups[0] as unknown[]);
    return info.pending === 0 && (info.lag === 0 || info.lag === null);
  }, 10_000, 'fills consumed');
}

test('the default account exists at start', async () => {
  expect((await account(`default-${run}`)).cash).toBe(100_000);
});

test('fills give exact positions, average prices, realized P&L and cash; duplicates change nothing', async () => {
  const id = `acct-${run}-fills`;
  expect((await create(id)).error).toBeNull();
  const steps: [Fill, { quantity: number; averagePrice: number; realizedPnl: number; cash: number }][] = [
    [fill(id, 'BUY', 100, 10), { quantity: 100, averagePrice: 10, realizedPnl: -1, cash: 98_999 }], // cash − 1000 − fee
    [fill(id, 'BUY', 50, 13), { quantity: 150, averagePrice: 11, realizedPnl: -2, cash: 98_348 }], // avg (1000 + 650) / 150
    [fill(id, 'SELL', 120, 12), { quantity: 30, averagePrice: 11, realizedPnl: 117, cash: 99_787 }], // +120 × (12 − 11) − fee
    [fill(id, 'SELL', 80, 9), { quantity: -50, averagePrice: 9, realizedPnl: 56, cash: 100_506 }], // flip: 30 × (9 − 11) − fee, short 50 @ 9
  ];
  for (const [f, expected] of steps) {
    await publishRecorded(f);
    await drained();
    const a = await account(id);
    expect({ ...pick(a.positions[0]), cash: a.cash }).toEqual(expected);
  }

  // Marked to the mid of the latest quote: (9.6 − 9) × −50 = −30; equity = start + realized + unrealized.
  await writeTopOfBook(redis, 'AAPL', { bid: 9.5, ask: 9.7, bidSize: 100, askSize: 100, timestamp: '2025-09-27T14:00:10Z' }, prefix);
  let a = await account(id);
  expect(a.positions[0]).toMatchObject({ marketPrice: 9.6, unrealizedPnl: -30, instrument: { symbol: 'AAPL' } });
  expect(a.equity).toBeCloseTo(100_000 + 56 - 30, 9);
  expect(a.buyingPower).toBeCloseTo(100_506 - 50 * 9.6, 9); // short collateral is not buying power

  // The same trade delivered again (e.g. a producer retry) changes nothing.
  const [lastFill] = steps[steps.length - 1]!;
  await publisher.publish('fills', lastFill);
  await drained();
  a = await account(id);
  expect({ ...pick(a.positions[0]), cash: a.cash }).toEqual(steps[steps.length - 1]![1]);

  // Close the short: +50 × (9 − 8) − fee; flat positions are hidden unless asked for.
  await publishRecorded(fill(id, 'BUY', 50, 8));
  await drained();
  a = await account(id);
  expect(a.positions).toEqual([]);
  expect(a.cash).toBe(100_105);
  expect(a.realizedPnl).toBe(105);
  expect(a.equity).toBe(100_105); // conserved: start + realized, nothing open
});

test('a fill for an unknown account is dead-lettered, not retried', async () => {
  await publisher.publish('fills', fill(`missing-${run}`, 'BUY', 1, 10));
  await drained();
  const entries = await redis.xrange(`${prefix}fills:dlq`, '-', '+');
  const last = fieldsOf(entries[entries.length - 1]![1]);
  expect(last).toMatchObject({ reason: 'rejected', error: `account missing-${run} does not exist` });
});

test('bad input gets typed errors', async () => {
  expect((await create(`acct-${run}-bad`, -5)).error?.code).toBe('INVALID_AMOUNT');
  expect((await create(`bad id ${run}`)).error?.code).toBe('INVALID_INPUT');
  const id = `acct-${run}-dup`;
  expect((await create(id)).error).toBeNull();
  expect((await create(id)).error?.code).toBe('ALREADY_EXISTS');
  const dep = await gql(svc.url, 'mutation { deposit(id: "nope", amount: 5) { account { id } error { code } } }');
  expect(dep.data?.deposit.error.code).toBe('NOT_FOUND');
  const nan = await gql(svc.url, `mutation { deposit(id: "${id}", amount: 0) { error { code message } } }`);
  expect(nan.data?.deposit.error.code).toBe('INVALID_AMOUNT');
});

test('deposit and reset move cash through the ledger and equity history', async () => {
  const id = `acct-${run}-reset`;
  await create(id, 5_000);
  const dep = await gql(svc.url, `mutation { deposit(id: "${id}", amount: 250.5) { account { cash } error { code } } }`);
  expect(dep.data?.deposit).toEqual({ account: { cash: 5_250.5 }, error: null });
  await publishRecorded(fill(id, 'BUY', 10, 100));
  await drained();
  const reset = await gql(svc.url, `mutation { resetAccount(id: "${id}", startingCash: 7000) { account { cash startingCash positions { symbol } } error { code } } }`);
  expect(reset.data?.resetAccount).toEqual({ account: { cash: 7_000, startingCash: 7_000, positions: [] }, error: null });
  const history = await gql(svc.url, `{ account(id: "${id}") { equityHistory { cash equity } } }`);
  expect(history.data?.account.equityHistory.map((p: { cash: number }) => p.cash)).toEqual([5_000, 5_250.5, 4_249.5, 7_000]);
});

test('the MCP endpoint lists tools and returns an account; REST views too', async () => {
  const id = `acct-${run}-mcp`;
  await create(id, 1_234);
  const rpc = async (method: string, params: unknown, rpcId: number) => {
    const res = await fetch(`${svc.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...signedHeaders() },
      body: JSON.stringify({ jsonrpc: '2.0', id: rpcId, method, params }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { result: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const init = await rpc('initialize', { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'test', version: '1' } }, 1);
  expect(init.result.serverInfo.name).toBe('aitrader-accounts');
  const tools = await rpc('tools/list', {}, 2);
  expect(tools.result.tools.map((t: { name: string }) => t.name).sort()).toEqual(['get_account', 'list_accounts']);
  const call = await rpc('tools/call', { name: 'get_account', arguments: { account_id: id } }, 3);
  expect(JSON.parse(call.result.content[0].text)).toMatchObject({ account_id: id, cash: 1_234, equity: 1_234, positions: [] });

  const rest = await fetch(`${svc.url}/mcp/accounts/${id}`, { headers: signedHeaders() });
  expect(await rest.json()).toMatchObject({ account_id: id, buying_power: 1_234 });
  expect((await fetch(`${svc.url}/mcp/accounts/nope-${run}`, { headers: signedHeaders() })).status).toBe(404);
});

function pick(p: { quantity: number; averagePrice: number; realizedPnl: number }) {
  return { quantity: p.quantity, averagePrice: p.averagePrice, realizedPnl: p.realizedPnl };
}
