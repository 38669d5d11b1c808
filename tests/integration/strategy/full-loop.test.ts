// The whole trading loop on real Redis and PostgreSQL: a seeded replay → signals → decisions →
// orders → fills → positions, twice on two fresh stacks with their own accounts. Money is conserved to
// the cent, and the second replay gives the same orders and fills as the first.
//
// The replay runs in lockstep (backtest mode): each tick goes out only once everything downstream has
// handled the one before, so every order fills against the book of its own tick. Orders repeat by
// construction (signals carry the indicators they were computed with, client order ids derive from the
// signal) and so do fills.
// Forecast and sentiment services point nowhere here: those decisions run on technicals only, so
// other tests' models and news cannot change them.
import { randomBytes } from 'node:crypto';
import { gql, uniquePrefix, waitFor } from '../support/env';
import { startStack } from '../support/stack';

const run = randomBytes(3).toString('hex');
const STRATEGY = `loop-${run}`;
const STARTING_CASH = 1_000_000;
const DOWN = 'http://127.0.0.1:9'; // nothing listens on the discard port

interface FillView { qty: number; price: number; fee: number; side: string }
interface OrderView { clientOrderId: string; side: string; quantity: number; status: string; filledQuantity: number; fills: FillView[] }

async function replayOnce(label: string) {
  const accountId = `${STRATEGY}-${label}`;
  const stack = await startStack({
    REDIS_PREFIX: uniquePrefix(`loop-${label}`), DEFAULT_ACCOUNT_ID: accountId, DEFAULT_STARTING_CASH: String(STARTING_CASH),
    STRATEGY_NAME: STRATEGY, ONNX_URL: DOWN, SENTIMENT_URL: DOWN,
  });
  const q = (query: string) => gql(stack.gateway.url, query);
  try {
    const started = await q('mutation { startReplay(input: { source: SYNTHETIC, seed: 7, symbols: ["TSLA"], start: "2024-06-03T13:30:00Z", durationSeconds: 180, lockstep: true }) { error { code message } } }');
    expect(started.data?.startReplay.error).toBeNull();
    await waitFor(async () => (await q('{ replay { state } }')).data?.replay.state === 'FINISHED', 60_000, 'replay');

    const ORDERS = `{ orders(accountId: "${accountId}", first: 500) { edges { node { clientOrderId side quantity status filledQuantity fills { qty price fee side } } } } }`;
    const orders = async () => ((await q(ORDERS)).data?.orders.edges ?? []).map((e: { node: OrderView }) => e.node).reverse() as OrderView[];
    // Settled: no order still open, and the account has applied every fill (its position equals the net filled quantity).
    let settled: OrderView[] = [];
    await waitFor(async () => {
      settled = await orders();
      if (settled.some((o) => o.status === 'NEW' || o.status === 'PARTIALLY_FILLED')) return false;
      const net = settled.flatMap((o) => o.fills).reduce((s, f) => s + (f.side === 'BUY' ? f.qty : -f.qty), 0);
      const account = (await q(`{ account(id: "${accountId}") { positions(includeFlat: true) { symbol quantity } } }`)).data?.account;
      return (account?.positions.find((p: { symbol: string }) => p.symbol === 'TSLA')?.quantity ?? 0) === net;
    }, 20_000, 'orders and positions to settle');

    const account = (await q(`{ account(id: "${accountId}") { cash equity positionsValue realizedPnl unrealizedPnl positions(includeFlat: true) { symbol quantity averagePrice marketValue } } }`)).data!.account;
    const decisions = (await q(`{ decisions(symbol: "TSLA", since: "2024-06-03T00:00:00Z", first: 500) { action clientOrderId } }`)).data!.decisions;
    return { orders: settled, account, decisions };
  } finally {
    await stack.close();
  }
}

test('replay → signals → decisions → orders → fills → positions, conserved and repeatable', async () => {
  const first = await replayOnce('a');
  const second = await replayOnce('b');

  // The loop traded: decisions were taken and became orders that filled.
  expect(first.orders.length).toBeGreaterThan(0);
  expect(first.orders.every((o) => o.status === 'FILLED' && o.filledQuantity === o.quantity)).toBe(true);
  const taken = new Set(first.decisions.filter((d: { clientOrderId: string | null }) => d.clientOrderId).map((d: { clientOrderId: string }) => d.clientOrderId));
  expect(first.orders.every((o) => taken.has(o.clientOrderId))).toBe(true);

  // Conservation: cash = starting − Σ buys + Σ sells − Σ fees (to the cent); the position is the net
  // filled quantity; equity = cash + positions' market value, and P&L accounts for all of it.
  for (const { orders, account } of [first, second]) {
    const fills = orders.flatMap((o) => o.fills);
    const flow = fills.reduce((s, f) => s + (f.side === 'BUY' ? -1 : 1) * f.qty * f.price - f.fee, 0);
    expect(account.cash).toBeCloseTo(STARTING_CASH + flow, 2);
    const position = account.positions.find((p: { symbol: string }) => p.symbol === 'TSLA');
    expect(position.quantity).toBe(fills.reduce((s, f) => s + (f.side === 'BUY' ? f.qty : -f.qty), 0));
    expect(account.equity).toBeCloseTo(account.cash + account.positionsValue, 6);
    expect(account.equity - STARTING_CASH).toBeCloseTo(account.realizedPnl + account.unrealizedPnl, 2);
  }

  // Repeatable: the same orders (client ids, sides, sizes) and the same fills (sizes, prices, fees).
  expect(second.orders).toEqual(first.orders);
  expect(second.account.cash).toBeCloseTo(first.account.cash, 6);
}, 180_000);

test('configureStrategy validates the whole change and reports typed errors; nothing changes on an error', async () => {
  const stack = await startStack({ REDIS_PREFIX: uniquePrefix('reconfigure'), STRATEGY_NAME: `${STRATEGY}-cfg`, ONNX_URL: DOWN, SENTIMENT_URL: DOWN });
  const q = (query: string) => gql(stack.gateway.url, query);
  const name = `${STRATEGY}-cfg`;
  try {
    const bad = await q(`mutation { configureStrategy(name: "${name}", input: { sellThreshold: 0.5, weights: { signal: -1 } }) { strategy { name } error { code message field } } }`);
    expect(bad.data?.configureStrategy.strategy).toBeNull();
    expect(bad.data?.configureStrategy.error).toMatchObject({ code: 'INVALID_CONFIG', field: expect.stringMatching(/^(weights\.signal|sellThreshold)$/) });
    expect(bad.data?.configureStrategy.error.message).toMatch(/weights\.signal/);
    expect(bad.data?.configureStrategy.error.message).toMatch(/sellThreshold must be below buyThreshold/);

    const missing = await q(`mutation { configureStrategy(name: "nope-${run}", input: { buyThreshold: 0.5 }) { error { code field } } }`);
    expect(missing.data?.configureStrategy.error).toEqual({ code: 'NOT_FOUND', field: 'name' });

    const typeError = await q(`mutation { configureStrategy(name: "${name}", input: { buyThreshold: "high" }) { error { code } } }`);
    expect(typeError.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const before = JSON.parse((await q('{ strategies { name config } }')).data!.strategies.find((s: { name: string }) => s.name === name).config);
    expect(before.buyThreshold).toBe(0.4);

    const good = await q(`mutation { configureStrategy(name: "${name}", input: { buyThreshold: 0.6, risk: { killSwitch: true } }) { strategy { config } error { code } } }`);
    expect(good.data?.configureStrategy.error).toBeNull();
    const after = JSON.parse(good.data!.configureStrategy.strategy.config);
    expect(after).toEqual({ ...before, buyThreshold: 0.6, risk: { ...before.risk, killSwitch: true } });

    // The running engine uses the new parameters at once.
    const strategy = stack.services.get('strategy')!.ctx.services.strategy;
    expect(strategy.config.buyThreshold).toBe(0.6);

    // A page size out of range is refused with a typed error, as on every list of the API (not clamped).
    for (const first of [0, 501]) {
      const page = await q(`{ decisions(first: ${first}) { id } }`);
      expect(page.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(page.errors?.[0]?.message).toMatch(/first must be an integer in 1\.\.500/);
    }
  } finally {
    await stack.close();
  }
}, 60_000);
