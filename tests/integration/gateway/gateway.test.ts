// The gateway over the real subgraphs (which use the real Redis and PostgreSQL): aggregated health and
// a query planned across several subgraphs.
import { SUBGRAPHS } from '@aitrader/platform';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

test('GET /health on the gateway lists all seven subgraphs healthy', async () => {
  const res = await fetch(`${stack.gateway.url}/health`);
  const body = (await res.json()) as { status: string; dependencies: Record<string, { status: string; version: string }> };
  expect({ http: res.status, body }).toMatchObject({ http: 200, body: { status: 'ok' } });
  for (const name of SUBGRAPHS) expect(body.dependencies[name]).toMatchObject({ status: 'ok', version: expect.any(String) });
  expect(body.dependencies['gpu-runner']?.status).toBe('ok');
  expect(SUBGRAPHS).toHaveLength(7);
});

test("every service's own /health reports its Redis and PostgreSQL", async () => {
  for (const [name, service] of stack.services) {
    const res = await fetch(`${service.url}/health`);
    const body = (await res.json()) as { service: string; status: string; dependencies: Record<string, { status: string }> };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ service: name, status: 'ok' });
    expect(body.dependencies.redis?.status).toBe('ok');
    expect(body.dependencies.postgres?.status).toBe('ok');
  }
});

test('one query through the gateway is answered by several subgraphs', async () => {
  const query = `{
    marketdataService { name status port dependencies { name status } }
    accountsService { name status version }
    signalsService { name status }
  }`;
  const res = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: Record<string, { name: string; status: string; port?: number; dependencies?: { name: string; status: string }[] }>; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  expect(body.data?.marketdataService).toMatchObject({ name: 'marketdata', status: 'OK' });
  expect(body.data?.marketdataService?.dependencies).toEqual(
    expect.arrayContaining([{ name: 'redis', status: 'OK' }, { name: 'postgres', status: 'OK' }]),
  );
  expect(body.data?.accountsService).toMatchObject({ name: 'accounts', status: 'OK' });
  expect(body.data?.signalsService).toMatchObject({ name: 'signals', status: 'OK' });
});

test('a subgraph that is down makes the gateway report itself down, naming it', async () => {
  const sentiment = stack.services.get('sentiment')!;
  await sentiment.close();
  stack.services.delete('sentiment');
  const res = await fetch(`${stack.gateway.url}/health`);
  const body = (await res.json()) as { status: string; dependencies: Record<string, { status: string; error?: string }> };
  expect(res.status).toBe(503);
  expect(body.status).toBe('down');
  expect(body.dependencies.sentiment?.status).toBe('down');
  expect(body.dependencies.marketdata?.status).toBe('ok');
});
