// `npm run bench:dashboard`: the dashboard's production build in Chromium against a real stack with the
// sample replay running. For each page: the JavaScript a first visit loads (bytes and gzip bytes, from
// the page's own origin) and the time from navigation to its first live data on screen (median of 5
// cold visits). Baseline, same run: the gateway answering the Overview's own operation straight over
// HTTP (what no page can beat). Writes bench/results/dashboard.json. Budget: Overview ≤ 300 KB gzip.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { OverviewDocument } from '../dashboard/src/gql/graphql';
import { gql, signedHeaders, testJwt, waitFor } from '../tests/integration/support/env';
import { startDashboardStack } from '../tests/browser/support/dashboard';
import { print } from 'graphql';

const RUNS = 5;
const BUDGET_GZIP_KB = 300;

/** Each page and the element that shows its first live data. */
const PAGES: [string, string, string][] = [
  ['overview', '/', '[data-testid="equity"]'],
  ['instrument', '/instrument/AAPL', '[data-testid="order-book"] td'],
  ['blotter', '/blotter', '[data-testid="orders"], p:has-text("No orders")'],
  ['strategy', '/strategy', '[data-testid="strategy-enabled"]'],
  ['models', '/models', '[data-testid="model-versions"]'],
  ['replay', '/replay', '[data-testid="replay-state"]'],
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function visit(page: Page, url: string, selector: string): Promise<{ ms: number; scripts: Map<string, Buffer> }> {
  const scripts = new Map<string, Buffer>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script' || !response.url().startsWith(new URL(url).origin)) return;
    scripts.set(response.url(), await response.body().catch(() => Buffer.alloc(0)));
  });
  const started = Date.now();
  await page.goto(url);
  await page.locator(selector).first().waitFor({ timeout: 30_000 });
  const ms = Date.now() - started;
  await page.waitForLoadState('networkidle');
  return { ms, scripts };
}

async function main() {
  const dash = await startDashboardStack('bench', { TRUSTED_DOCUMENTS: 'allow' });
  try {
    const marketdata = dash.stack.services.get('marketdata')!.url;
    await gql(marketdata, 'mutation { startReplay(input: { source: SAMPLE, speed: 20 }) { error { code } } }', {}, signedHeaders());
    await waitFor(async () => Boolean((await gql(marketdata, '{ quote(symbol: "AAPL") { ask } }', {}, signedHeaders())).data?.quote?.ask), 30_000, 'a quote');

    // Baseline: the Overview's operation answered by the gateway, no browser.
    const authorization = `Bearer ${await testJwt(['admin'], undefined, 'bench-dashboard')}`;
    const body = JSON.stringify({ query: print(OverviewDocument), variables: { accountId: dash.stack.config.DEFAULT_ACCOUNT_ID } });
    const api: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = Date.now();
      await (await fetch(`${dash.stack.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body })).json();
      api.push(Date.now() - started);
    }
    const baselineMs = median(api);

    const pages: Record<string, { jsBytes: number; jsGzipBytes: number; scripts: number; firstDataMs: number; runsMs: number[]; ratioToApi: number }> = {};
    for (const [name, path, selector] of PAGES) {
      const runs: number[] = [];
      let scripts = new Map<string, Buffer>();
      for (let i = 0; i < RUNS; i++) {
        const context = await dash.browser.newContext(); // cold: no cache, no service worker
        const page = await context.newPage();
        const result = await visit(page, `${dash.url}${path}`, selector);
        runs.push(result.ms);
        if (i === 0) scripts = result.scripts;
        await context.close();
      }
      const bodies = [...scripts.values()];
      const firstDataMs = median(runs);
      pages[name] = {
        jsBytes: bodies.reduce((n, b) => n + b.length, 0),
        jsGzipBytes: bodies.reduce((n, b) => n + gzipSync(b).length, 0),
        scripts: bodies.length,
        firstDataMs,
        runsMs: runs,
        ratioToApi: Math.round((firstDataMs / Math.max(1, baselineMs)) * 10) / 10,
      };
    }

    const overviewKb = pages.overview!.jsGzipBytes / 1024;
    const result = { measuredAt: new Date().toISOString(), runs: RUNS, baseline: { name: 'gateway answers the Overview operation over HTTP', medianMs: baselineMs }, budget: { overviewGzipKb: BUDGET_GZIP_KB, overviewGzipKbMeasured: Math.round(overviewKb * 10) / 10, within: overviewKb <= BUDGET_GZIP_KB }, pages };
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(join(__dirname, 'results', 'dashboard.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`baseline (gateway, Overview operation): ${baselineMs} ms\n`);
    process.stdout.write('page         JS (KB)  gzip (KB)  scripts  first data (ms, median)  × baseline\n');
    for (const [name, p] of Object.entries(pages)) {
      process.stdout.write(`${name.padEnd(12)} ${(p.jsBytes / 1024).toFixed(0).padStart(7)}  ${(p.jsGzipBytes / 1024).toFixed(1).padStart(9)}  ${String(p.scripts).padStart(7)}  ${String(p.firstDataMs).padStart(23)}  ${String(p.ratioToApi).padStart(10)}\n`);
    }
    process.stdout.write(`Overview budget ${BUDGET_GZIP_KB} KB gzip: ${result.budget.within ? 'within' : 'OVER'} (${result.budget.overviewGzipKbMeasured} KB)\n`);
    if (!result.budget.within) process.exitCode = 1;
  } finally {
    await dash.close();
  }
}

void main().then(() => process.exit(process.exitCode ?? 0), (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
