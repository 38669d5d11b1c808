// The ONNX runner and the GPU runner on the real stack (Redis, PostgreSQL, the shipped bootstrap model
// run by onnxruntime): REST and GraphQL forecasts, typed errors for bad input, the registry, /health,
// and the strategy engine's forecast client against the running service.
import { randomBytes } from 'node:crypto';
import { httpClients } from '../../../subgraphs/strategy/src/storage/service-clients';
import { CONFIDENCE_EPSILON } from '../../../subgraphs/inference/src/domain/confidence';
import { gql, signedHeaders } from '../support/env';
import { postForecast, pricePath, startInferenceStack, type InferenceStack } from './support';

let stack: InferenceStack;
beforeAll(async () => {
  stack = await startInferenceStack('infer');
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const rising = pricePath(60, 1, 100, 0.002);
const choppy = pricePath(80, 2, 250, 0, 0.01);

function expectForecast(body: { forecast: number[]; confidence: number[] }, horizon = 10) {
  expect(body.forecast).toHaveLength(horizon);
  expect(body.confidence).toHaveLength(horizon);
  for (const p of body.forecast) expect(p).toBeGreaterThan(0);
  for (const c of body.confidence) {
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  }
}

test('POST /infer/forecast/nbeats answers the seed request with forecast, confidence, model version and provider', async () => {
  const res = await postForecast(stack.onnx, { symbol: 'AAPL', history: rising, horizon: 10 });
  expect(res.status).toBe(200);
  expectForecast(res.body);
  expect(Object.keys(res.body).slice(0, 4)).toEqual(['forecast', 'confidence', 'model_version', 'provider']);
  expect(res.body).toMatchObject({ model_version: 'nbeats-bootstrap', provider: 'cpu', symbol: 'AAPL', horizon: 10, arm: 'promoted', last_price: rising[59] });
  // The forecast is in the price's units: near the last price.
  expect(Math.abs(res.body.forecast[0] / rising[59]! - 1)).toBeLessThan(0.05);

  // The bootstrap does not beat naive on real prices (validation relativeToNaive > 1), so its skill is 0 and
  // every confidence is the floor ε, whatever the input; how confidence varies with the input when a model
  // has skill is unit-tested in confidence.test.ts / confidence.property.test.ts.
  const other = await postForecast(stack.onnx, { symbol: 'MSFT', history: choppy });
  expectForecast(other.body);
  for (const c of [...res.body.confidence, ...other.body.confidence]) expect(c).toBe(CONFIDENCE_EPSILON);

  // A shorter horizon is the first steps of the full one.
  const short = await postForecast(stack.onnx, { symbol: 'AAPL', history: rising, horizon: 3 });
  expectForecast(short.body, 3);
  short.body.forecast.forEach((p: number, i: number) => expect(p).toBeCloseTo(res.body.forecast[i], 4));
});

test('invalid requests get HTTP 400 with code, field and index', async () => {
  const cases: [unknown, { code: string; field: string; index: number | null }][] = [
    [{ symbol: 'AAPL', history: rising.slice(0, 59), horizon: 10 }, { code: 'HISTORY_TOO_SHORT', field: 'history', index: null }],
    [{ symbol: 'AAPL', history: [...rising.slice(0, 30), null, ...rising.slice(31)], horizon: 10 }, { code: 'NON_FINITE_VALUE', field: 'history', index: 30 }],
    [{ symbol: 'AAPL', history: [...rising.slice(0, 10), 'NaN', ...rising.slice(11)] }, { code: 'NON_FINITE_VALUE', field: 'history', index: 10 }],
    [{ symbol: 'AAPL', history: [...rising.slice(0, 59), -1], horizon: 10 }, { code: 'NON_POSITIVE_PRICE', field: 'history', index: 59 }],
    [{ symbol: 'AAPL', history: [...rising.slice(0, 5), 0, ...rising.slice(6)], horizon: 10 }, { code: 'NON_POSITIVE_PRICE', field: 'history', index: 5 }],
    [{ symbol: 'AAPL', history: rising, horizon: 0 }, { code: 'BAD_HORIZON', field: 'horizon', index: null }],
    [{ symbol: 'AAPL', history: rising, horizon: 11 }, { code: 'BAD_HORIZON', field: 'horizon', index: null }],
    [{ symbol: 'AAPL', history: rising, horizon: 2.5 }, { code: 'BAD_HORIZON', field: 'horizon', index: null }],
    [{ symbol: 'aapl', history: rising }, { code: 'BAD_SYMBOL', field: 'symbol', index: null }],
    [{ symbol: 'AAPL', history: 'not prices' }, { code: 'BAD_REQUEST', field: 'history', index: null }],
    ['{"symbol": "AAPL", "history": [1, 2', { code: 'BAD_REQUEST', field: '', index: null }],
  ];
  for (const [body, expected] of cases) {
    const res = await postForecast(stack.onnx, body);
    expect({ status: res.status, ...res.body.error, message: undefined }).toEqual({ status: 400, ...expected, message: undefined });
    expect(res.body.error.message).toEqual(expect.any(String));
  }
  // An index counts in the client's own array: 90 prices, the model uses the last 60.
  const long = [...pricePath(90, 3)];
  long[40] = -5;
  const res = await postForecast(stack.onnx, { symbol: 'AAPL', history: long });
  expect(res.body.error).toMatchObject({ code: 'NON_POSITIVE_PRICE', index: 40 });
  long[40] = 100;
  long[10] = -5; // outside the last 60: not used, not checked
  expect((await postForecast(stack.onnx, { symbol: 'AAPL', history: long })).status).toBe(200);
});

test('GraphQL forecastFromHistory, directly and through the gateway; typed errors', async () => {
  const query = 'query($s: String!, $h: [Float!]!, $n: Int) { forecastFromHistory(symbol: $s, history: $h, horizon: $n) { symbol points confidence horizon lastPrice modelVersion provider arm historySource generatedAt } }';
  for (const url of [stack.onnx, stack.gateway.url]) {
    const ok = await gql(url, query, { s: 'NVDA', h: choppy, n: 10 });
    expect(ok.errors).toBeUndefined();
    const f = ok.data!.forecastFromHistory;
    expect(f).toMatchObject({ symbol: 'NVDA', horizon: 10, modelVersion: 'nbeats-bootstrap', provider: 'cpu', arm: 'PROMOTED', historySource: 'request', lastPrice: choppy[79] });
    expectForecast({ forecast: f.points, confidence: f.confidence });
  }
  const bad = await gql(stack.onnx, query, { s: 'NVDA', h: [...choppy.slice(0, 70), 0, ...choppy.slice(71)], n: 10 });
  expect(bad.data?.forecastFromHistory ?? null).toBeNull();
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NON_POSITIVE_PRICE', field: 'history', index: 70 });
  const short = await gql(stack.gateway.url, query, { s: 'NVDA', h: choppy.slice(0, 20) });
  expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'HISTORY_TOO_SHORT' });
  const horizon = await gql(stack.onnx, query, { s: 'NVDA', h: choppy, n: 42 });
  expect(horizon.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BAD_HORIZON', field: 'horizon' });
});

test('forecast(symbol) reads the latest 1-minute candles when the signals service has no history; Instrument.forecast too', async () => {
  const symbol = `ZF${randomBytes(3).toString('hex').toUpperCase().replace(/[^A-Z]/g, 'Q')}`;
  const prisma = stack.services.get('inference')!.ctx.prisma;
  const closes = pricePath(75, 4, 42);
  const start = Date.UTC(2025, 0, 2, 14, 0);
  await prisma.candle.createMany({
    data: closes.map((close, i) => ({ symbol, interval: '1m', openTime: new Date(start + i * 60_000), open: close, high: close, low: close, close, volume: 1 })),
  });
  try {
    const res = await gql(stack.gateway.url, 'query($s: String!) { forecast(symbol: $s, horizon: 5) { symbol points confidence lastPrice historySource modelVersion } }', { s: symbol });
    expect(res.errors).toBeUndefined();
    expect(res.data!.forecast).toMatchObject({ symbol, lastPrice: closes[74], historySource: 'candles:1m', modelVersion: 'nbeats-bootstrap' });
    expect(res.data!.forecast.points).toHaveLength(5);

    // The same through the Instrument entity this subgraph extends.
    const entity = await gql(stack.onnx, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Instrument { symbol forecast { points historySource } } } }', { r: [{ __typename: 'Instrument', symbol }] });
    expect(entity.errors).toBeUndefined();
    expect(entity.data!._entities[0].forecast.points).toHaveLength(10);

    const none = await gql(stack.onnx, '{ forecast(symbol: "ZZNOHISTORY") { points } }');
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_HISTORY', needed: 60 });
    const bad = await gql(stack.onnx, '{ forecast(symbol: "not a symbol") { points } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  } finally {
    await prisma.candle.deleteMany({ where: { symbol } });
  }
});

test('the registry lists the bootstrap model, promoted, with its metrics; serving metrics count requests', async () => {
  const res = await gql(stack.gateway.url, `query($n: String) { models(name: $n) { name version kind status path promotedAt
    metrics { relativeToNaive mase perStepRelativeRmse data epochs validation { count relativeToNaive mase } test { count relativeToNaive mase } json } }
    modelMetrics { model promoted candidate provider versions { version arm requests errors inFlight meanLatencyMs batches batchedItems } } }`, { n: stack.modelName });
  expect(res.errors).toBeUndefined();
  expect(res.data!.models).toHaveLength(1);
  const model = res.data!.models[0];
  expect(model).toMatchObject({ name: stack.modelName, version: 'nbeats-bootstrap', kind: 'nbeats', status: 'PROMOTED', path: `${stack.modelName}/nbeats-bootstrap.onnx` });
  // Trained and validated on real 1-minute BTC/USD bars: it does not beat the naive forecast there.
  expect(model.metrics.relativeToNaive).toBeGreaterThan(1);
  expect(model.metrics.test.relativeToNaive).toBeGreaterThan(0);
  expect(model.metrics.mase).toBeGreaterThan(0);
  expect(model.metrics.perStepRelativeRmse).toHaveLength(10);
  expect(model.metrics.data).toMatch(/bitstamp-btcusd-1m\.csv/);
  const serving = res.data!.modelMetrics;
  expect(serving).toMatchObject({ model: stack.modelName, promoted: 'nbeats-bootstrap', candidate: null, provider: 'cpu' });
  const bootstrap = serving.versions.find((v: { version: string }) => v.version === 'nbeats-bootstrap');
  expect(bootstrap.arm).toBe('PROMOTED');
  expect(bootstrap.requests).toBeGreaterThanOrEqual(5); // the valid forecasts above (invalid ones never reach a model)
  expect(bootstrap.errors).toBe(0);
  expect(bootstrap.batches).toBeGreaterThan(0);
});

test('/health reports the loaded versions and the provider; the GPU runner serves the same API and reports cpu here', async () => {
  const health = (await (await fetch(`${stack.onnx}/health`)).json()) as { status: string; dependencies: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(health.status).toBe('ok');
  expect(health.dependencies.model).toMatchObject({ status: 'ok', model: stack.modelName, promoted: 'nbeats-bootstrap', loaded: ['nbeats-bootstrap'], provider: 'cpu' });

  const gpuHealth = (await (await fetch(`${stack.gpu}/health`)).json()) as { status: string; dependencies: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(gpuHealth.status).toBe('ok');
  expect(gpuHealth.dependencies.model).toMatchObject({ provider: 'cpu', promoted: 'nbeats-bootstrap', gpu: { present: false } });
  expect(gpuHealth.dependencies.model.providers_planned).toEqual(['cpu']);
  expect(gpuHealth.dependencies.model.providers_skipped.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['tensorrt', 'cuda', 'webgpu']));

  const res = await postForecast(stack.gpu, { symbol: 'TSLA', history: rising, horizon: 10 });
  expect(res.status).toBe(200);
  expectForecast(res.body);
  expect(res.body).toMatchObject({ provider: 'cpu', model_version: 'nbeats-bootstrap' });
  const same = await postForecast(stack.onnx, { symbol: 'TSLA', history: rising, horizon: 10 });
  expect(res.body.forecast).toEqual(same.body.forecast);
  expect((await postForecast(stack.gpu, { symbol: 'TSLA', history: [1, 2, 3] })).body.error.code).toBe('HISTORY_TOO_SHORT');
});

test("the strategy engine's forecast client gets a forecast from the running service", async () => {
  const clients = httpClients({ signals: 'http://127.0.0.1:1', onnx: stack.config.ONNX_URL, sentiment: 'http://127.0.0.1:1', mcp: 'http://127.0.0.1:1/mcp' }, signedHeaders);
  const forecast = await clients.forecast('AAPL', rising, 10, 2000);
  expect(forecast).not.toBeNull();
  expectForecast({ forecast: [...forecast!.forecast], confidence: [...forecast!.confidence] });
  // Invalid input: the client sees an error answer and falls back to neutral (null), as the seed does.
  expect(await clients.forecast('AAPL', rising.slice(0, 10), 10, 2000)).toBeNull();
});
