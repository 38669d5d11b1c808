// The dashboard in real Chromium against a real stack (every service, Redis, PostgreSQL), as a user
// meets it: every page loads with no console error (a screenshot of each goes to .artifacts/screenshots);
// a replay started from the Replay page moves the Instrument chart; an order placed from the ticket
// appears in the blotter, its fill arrives by subscription and the Overview's position changes; an
// invalid quantity shows the API's error next to the field; a subgraph that stops shows the banner and
// the page recovers when it is back.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createLogger, startService } from '@aitrader/platform';
import type { ServiceName } from '@aitrader/platform';
import { gql, signedHeaders, waitFor } from '../integration/support/env';
import { registryDefinitions } from '../integration/support/stack';
import { SCREENSHOTS, startDashboardStack, type DashboardStack } from './support/dashboard';

let dash: DashboardStack;

/** An operation sent straight to a subgraph (the gateway here runs the dashboard's documents only). */
const direct = (service: ServiceName, query: string, variables: Record<string, unknown> = {}) =>
  gql(dash.stack.services.get(service)!.url, query, variables, signedHeaders());

beforeAll(async () => {
  dash = await startDashboardStack('dashboard');
  // This stack's strategy trades the same account; switched off so that only this test's orders move it.
  const off = await direct('strategy', 'mutation($n: String!) { setStrategyEnabled(name: $n, enabled: false) { error { code message } } }', { n: dash.strategyName });
  expect(off.errors).toBeUndefined();
}, 300_000);
afterAll(async () => {
  await dash?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await dash.page();
  await opened.page.goto(`${dash.url}${path}`);
  return opened;
}

test('the gateway runs trusted documents only: a raw query is refused, the pages (above and below) work', async () => {
  const res = await fetch(`${dash.stack.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ replay { state } }"}' });
  expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_REQUIRED');
});

test('at a phone width the overview is one readable column, reachable by keyboard', async () => {
  const { page, errors } = await dash.page();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(dash.url);
  await page.getByTestId('equity').waitFor();
  expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true);
  await page.keyboard.press('Tab');
  expect(await page.evaluate('document.activeElement?.textContent')).toBe('Overview');
  await page.screenshot({ path: join(SCREENSHOTS, 'overview-phone.png'), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

test('a replay started from the Replay page moves the Instrument chart', async () => {
  const { page, errors } = await open('/replay');
  await page.getByLabel('Source').selectOption('SAMPLE');
  await page.locator('#replay-start-speed').fill('20');
  await page.getByRole('button', { name: 'Start replay' }).click();
  await waitFor(async () => /RUNNING/.test((await page.getByTestId('replay-state').textContent()) ?? ''), 15_000, 'the replay to run');

  await page.goto(`${dash.url}/instrument/AAPL`);
  await page.getByTestId('interval-switch').getByRole('button', { name: '1s' }).click();
  const chart = page.getByRole('img', { name: /AAPL S1 candles/ });
  await chart.waitFor({ timeout: 20_000 });
  const points = async () => Number(await chart.getAttribute('data-points'));
  const first = await points();
  await waitFor(async () => (await points()) > first, 20_000, 'the chart to get new candles');
  expect(errors).toEqual([]);
  await page.close();
}, 90_000);

/** The sample replay running (started here unless a test already did) and a quote for `symbol` in the book. */
async function ensureMarket(symbol: string) {
  const replay = await direct('marketdata', '{ replay { state } }');
  if (replay.data?.replay.state !== 'RUNNING') {
    const started = await direct('marketdata', 'mutation { startReplay(input: { source: SAMPLE, speed: 20 }) { error { code message } } }');
    expect(started.data?.startReplay.error).toBeNull();
  }
  await waitFor(async () => {
    const quote = await direct('marketdata', 'query($s: String!) { quote(symbol: $s) { bid ask } }', { s: symbol });
    return Boolean(quote.data?.quote?.ask);
  }, 30_000, `a ${symbol} quote`);
}

test('an order placed from the ticket shows in the blotter, fills by subscription and changes the Overview position', async () => {
  await ensureMarket('MSFT');
  const overview = await open('/');
  await overview.page.getByTestId('equity').waitFor();
  const before = await overview.page.getByTestId('position-qty-MSFT').textContent({ timeout: 1000 }).catch(() => '0');

  const { page, errors } = await open('/blotter');
  await page.locator('#ticket-symbol').fill('MSFT');
  await page.locator('#ticket-side').selectOption('BUY');
  await page.locator('#ticket-type').selectOption('MARKET');
  await page.locator('#ticket-quantity').fill('7');
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.getByTestId('ticket-result').waitFor({ timeout: 15_000 });
  const orderId = /Order (\S+) for/.exec((await page.getByTestId('ticket-result').textContent()) ?? '')?.[1];
  expect(orderId).toBeDefined();
  await page.locator(`[data-testid="orders"] [data-order-id="${orderId}"]`).getByText('FILLED', { exact: true }).waitFor({ timeout: 15_000 });
  await page.getByTestId('fills').getByText('MSFT').first().waitFor({ timeout: 15_000 });

  // The Overview page, open all along, hears the fill and shows the new position without a reload.
  const expected = String(Number(before ?? '0') + 7);
  await waitFor(async () => (await overview.page.getByTestId('position-qty-MSFT').textContent().catch(() => null)) === expected, 15_000, `MSFT position ${expected}`);
  expect([...errors, ...overview.errors]).toEqual([]);
  await page.close();
  await overview.page.close();
}, 90_000);

test("an invalid quantity shows the API's error next to the quantity field", async () => {
  const { page, errors } = await open('/blotter');
  await page.locator('#ticket-symbol').fill('MSFT');
  await page.locator('#ticket-quantity').fill('-3');
  await page.getByRole('button', { name: 'Place order' }).click();
  const error = page.getByTestId('error-quantity');
  await error.waitFor({ timeout: 15_000 });
  expect(await error.textContent()).toMatch(/quantity/i);
  expect(await page.locator('#ticket-quantity').getAttribute('aria-invalid')).toBe('true');
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

const PAGES: [string, string, string][] = [
  ['overview', '/', 'Equity curve'],
  ['instrument', '/instrument/AAPL', 'Order book'],
  ['blotter', '/blotter', 'Order ticket'],
  ['strategy', '/strategy', 'Decisions'],
  ['models', '/models', 'Model versions'],
  ['replay', '/replay', 'Start a replay'],
];

// After the flows above, so the screenshots show a market, an order and a fill.
test.each(PAGES)('the %s page loads with its content and no console error', async (name, path, heading) => {
  const { page, errors } = await open(path);
  await page.getByRole('heading', { name: heading }).first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.jpg`), type: 'jpeg', quality: 70 }); // the first screen, small
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

test('a subgraph that stops shows the banner; the page stays and recovers when it is back', async () => {
  const { page } = await open('/');
  await page.getByTestId('equity').waitFor();
  const running = dash.stack.services.get('sentiment')!;
  const port = running.port;
  await running.close();
  const banner = page.getByTestId('health-banner');
  await banner.getByText(/sentiment/).waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('equity').isVisible()).toBe(true); // not a blank page
  await page.screenshot({ path: join(SCREENSHOTS, 'overview-subgraph-down.png') });

  const def = (await registryDefinitions()).find((s) => s.entry.name === 'sentiment')!.def;
  const restarted = await startService(def, { config: dash.stack.config, port, logger: createLogger('sentiment', dash.stack.config) });
  dash.stack.services.set('sentiment', restarted);
  await banner.waitFor({ state: 'detached', timeout: 20_000 });
  await page.close();
}, 90_000);
