// Every page of the dashboard in real Chromium against a real stack: it loads with no console error and
// shows its live content (not a blank page); a screenshot of each is written to .artifacts/screenshots.
import { join } from 'node:path';
import { SCREENSHOTS, startDashboardStack, type DashboardStack } from './support/dashboard';

let dash: DashboardStack;
beforeAll(async () => {
  dash = await startDashboardStack('pages');
}, 300_000);
afterAll(async () => {
  await dash?.close();
});

const PAGES: [string, string, RegExp][] = [
  ['overview', '/', /Account/],
];

test.each(PAGES)('%s loads with no console error', async (name, path, content) => {
  const { page, errors } = await dash.page();
  await page.goto(`${dash.url}${path}`);
  await page.getByRole('main').getByText(content).first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

test('the overview shows the default account and every service healthy', async () => {
  const { page, errors } = await dash.page();
  await page.goto(dash.url);
  await page.getByTestId('equity').waitFor();
  expect(await page.getByTestId('cash').textContent()).toBe('100,000.00');
  await page.getByTestId('services').getByText('execution').waitFor();
  expect(await page.getByTestId('health-banner').count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);
