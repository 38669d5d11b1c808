// The dashboard for browser tests: a real test stack (every service, the gateway, Redis, PostgreSQL) in
// this process, the dashboard's production build served by its own process (tsx dashboard/main.ts, as
// `npm start` runs it) on a free port, pointed at the test gateway with a test admin credential, and
// Debian's Chromium driven by playwright-core. Pages are watched for console errors.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { testJwt, uniquePrefix, waitFor } from '../../integration/support/env';
import { startStack, type Stack } from '../../integration/support/stack';

export const ROOT = join(__dirname, '..', '..', '..');
export const SCREENSHOTS = join(ROOT, '.artifacts', 'screenshots');

export interface DashboardStack {
  stack: Stack;
  /** The stored strategy this stack's strategy process runs (its own). */
  strategyName: string;
  url: string;
  browser: Browser;
  /** A new page with console errors and failed requests collected into `errors`. */
  page(): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startDashboardProcess(env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'dashboard', 'main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

export async function startDashboardStack(label: string, overrides: Record<string, string> = {}): Promise<DashboardStack> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Its own paper account (created by accounts at start), so other tests' trades never show here, and
  // its own stored strategy (strategy rows are shared by every stack on the database: switching the
  // default one off here would silence the other tests' strategy).
  const account = `browser-${label}-${randomBytes(3).toString('hex')}`;
  const strategyName = account;
  // TRUSTED_DOCUMENTS=require: the gateway runs only the dashboard's trusted documents, so every page
  // proves it sends its operations by id (the tests talk to the subgraphs directly).
  const stack = await startStack({
    REDIS_PREFIX: uniquePrefix(label), GATEWAY_CORS_ORIGINS: url, DASHBOARD_URL: url, DEFAULT_ACCOUNT_ID: account, STRATEGY_NAME: strategyName, TRUSTED_DOCUMENTS: 'require', ...overrides,
  });
  const apiKey = await testJwt(['admin'], undefined, `browser-${label}`);
  const child = startDashboardProcess({
    ...process.env,
    NODE_ENV: 'test', // the build is the production one either way; production config would want real secrets
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DASHBOARD_PORT: String(port),
    DASHBOARD_GATEWAY_URL: stack.gateway.url,
    DASHBOARD_API_KEY: apiKey,
    DEFAULT_ACCOUNT_ID: stack.config.DEFAULT_ACCOUNT_ID,
  });
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  const stopChild = async () => {
    if (exited === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
  };
  let browser: Browser;
  try {
    // The first start builds the dashboard (next build): a minute or two on a small machine, then seconds.
    await waitFor(async () => {
      if (exited !== null) throw new Error(`the dashboard process exited (${exited})`);
      return fetch(`${url}/health`).then((r) => r.ok, () => false);
    }, 240_000, 'the dashboard to answer /health');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  } catch (error) {
    await stopChild();
    await stack.close();
    throw error;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    stack,
    strategyName,
    url,
    browser,
    page: async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('console', (message: ConsoleMessage) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors };
    },
    close: async () => {
      await browser.close();
      await stopChild();
      await stack.close();
    },
  };
}
