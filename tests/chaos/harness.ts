// The chaos harness: runs the trading loop's consumer services (marketdata, signals, strategy, execution,
// accounts) as real processes under the supervisor of `npm start`, behind fault proxies to Redis and
// PostgreSQL, and drives a seeded synthetic market into `ticks` in lockstep (each tick only once every
// stream downstream has drained, as a backtest does). While it runs it kills services with -9 and cuts
// Redis or PostgreSQL off at seeded random ticks. The same run without faults is the reference: a loop
// that loses or doubles nothing gives the same decisions, orders and fills. Results come from PostgreSQL
// and the streams (see invariants.ts).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Redis from 'ioredis';
import { StreamPublisher, supervise, waitForDrain, type Supervisor, type Topic } from '@aitrader/platform';
import { Random, generateTicks } from '../../subgraphs/marketdata/src/domain';
import { AUTH_JWT_SECRET, DATABASE_URL, INTERNAL_SECRET, REDIS_URL, fieldsOf, uniquePrefix, waitFor } from '../integration/support/env';
import { freePort } from '../integration/support/stack';
import { startFaultProxy, viaPort } from './fault-proxy';
import { collectRun, type RunRecord } from './invariants';

const ROOT = join(__dirname, '..', '..');
export const CHAOS_SERVICES = ['marketdata', 'signals', 'strategy', 'execution', 'accounts'] as const;
export type ChaosService = (typeof CHAOS_SERVICES)[number];
const ENTRIES: Record<ChaosService, string> = {
  marketdata: 'subgraphs/marketdata/src/main.ts',
  signals: 'subgraphs/signals/src/main.ts',
  strategy: 'subgraphs/strategy/src/main.ts',
  execution: 'subgraphs/execution/src/main.ts',
  accounts: 'subgraphs/accounts/src/main.ts',
};
const PORT_VARIABLES: Record<ChaosService, string> = { marketdata: 'MARKETDATA_PORT', signals: 'SIGNALS_PORT', strategy: 'STRATEGY_PORT', execution: 'EXECUTION_PORT', accounts: 'MCP_PORT' };
/** Every stream of the loop, upstream first: what the lockstep drain waits for. */
export const LOOP_TOPICS: readonly Topic[] = ['ticks', 'book', 'signals', 'orders', 'fills'];
/** The consumer groups of each stream of the loop (one per consuming service). */
const LOOP_GROUPS: Record<string, string[]> = { ticks: ['marketdata', 'signals'], book: ['execution'], signals: ['strategy'], orders: ['execution'], fills: ['accounts'] };
const DOWN = 'http://127.0.0.1:9'; // forecast and sentiment: technicals-only decisions, as in the full-loop test

export interface ChaosOptions {
  label: string;
  seed: number;
  symbols: string[];
  /** Length of the synthetic market (ticks follow from it: about 1.8 per event, one event/s/symbol). */
  durationSeconds: number;
  /** With faults (false: the reference run). */
  faults: boolean;
  killsPerService: number;
  redisOutages: number;
  postgresOutages: number;
  outageMs: number;
  startingCash?: number;
  log?: (message: string) => void;
}

export type Fault = { at: number; kind: 'kill'; service: ChaosService } | { at: number; kind: 'redis' | 'postgres' };

export interface ChaosReport {
  label: string;
  ticks: number;
  kills: Record<ChaosService, number>;
  restarts: Record<ChaosService, number>;
  redisOutages: number;
  postgresOutages: number;
  outageMs: number;
  cutConnections: number;
  durationMs: number;
  record: RunRecord;
}

/** The seeded fault plan: kills and outages at random ticks, spread over the middle 5–90 % of the run. */
export function faultPlan(options: Pick<ChaosOptions, 'seed' | 'killsPerService' | 'redisOutages' | 'postgresOutages'>, ticks: number): Fault[] {
  const random = new Random(options.seed * 7919 + 17);
  const at = () => Math.floor(ticks * random.uniform(0.05, 0.9));
  const plan: Fault[] = [];
  for (const service of CHAOS_SERVICES) for (let i = 0; i < options.killsPerService; i += 1) plan.push({ at: at(), kind: 'kill', service });
  for (let i = 0; i < options.redisOutages; i += 1) plan.push({ at: at(), kind: 'redis' });
  for (let i = 0; i < options.postgresOutages; i += 1) plan.push({ at: at(), kind: 'postgres' });
  return plan.sort((a, b) => a.at - b.at);
}

async function healthOf(port: number): Promise<string | null> {
  return fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) }).then(
    async (r) => ((await r.json()) as { status: string }).status,
    () => null,
  );
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const run = randomBytes(3).toString('hex');
  const prefix = uniquePrefix(`chaos-${options.label}`);
  const accountId = `chaos-${run}-${options.label}`;
  const strategyName = `chaos-${run}-${options.label}`;
  const startingCash = options.startingCash ?? 1_000_000;
  const redisProxy = await startFaultProxy(Number(new URL(REDIS_URL).port || 6379));
  const pgProxy = await startFaultProxy(Number(new URL(DATABASE_URL).port || 5432));
  const ports = Object.fromEntries(await Promise.all(CHAOS_SERVICES.map(async (s) => [s, await freePort()] as const))) as Record<ChaosService, number>;
  const url = (s: ChaosService) => `http://127.0.0.1:${ports[s]}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test', LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'silent', LOG_FORMAT: 'json',
    REDIS_URL: viaPort(REDIS_URL, redisProxy.port), DATABASE_URL: viaPort(DATABASE_URL, pgProxy.port),
    REDIS_PREFIX: prefix, INTERNAL_SECRET, AUTH_JWT_SECRET, DEFAULT_ACCOUNT_ID: accountId, DEFAULT_STARTING_CASH: String(startingCash),
    STRATEGY_NAME: strategyName, REPLAY_ON_START: 'none', EQUITY_SNAPSHOT_INTERVAL_MS: '0',
    MARKETDATA_URL: url('marketdata'), SIGNALS_URL: url('signals'), STRATEGY_URL: url('strategy'), EXECUTION_URL: url('execution'), MCP_URL: `${url('accounts')}/mcp`,
    ONNX_URL: DOWN, SENTIMENT_URL: DOWN, TENSORRT_URL: DOWN,
    ...Object.fromEntries(CHAOS_SERVICES.map((s) => [PORT_VARIABLES[s], String(ports[s])])),
  };
  const platform: Supervisor = supervise(
    CHAOS_SERVICES.map((s) => ({ name: s, entry: join(ROOT, ENTRIES[s]) })),
    { cwd: ROOT, env, log: (m) => log(`supervisor: ${m}`), stdio: process.env.CHAOS_LOG_LEVEL ? 'inherit' : 'ignore', backoff: { initialMs: 100, maxMs: 2_000 } },
  );
  const redis = new Redis(REDIS_URL);
  const kills = Object.fromEntries(CHAOS_SERVICES.map((s) => [s, 0])) as Record<ChaosService, number>;
  let redisOutages = 0;
  let postgresOutages = 0;
  const outages: Promise<void>[] = [];
  try {
    for (const s of CHAOS_SERVICES) await waitFor(async () => (await healthOf(ports[s])) === 'ok', 180_000, `${s} healthy`);
    // The drain only waits for groups that exist: every stage's group must be there before the first tick.
    for (const [topic, groups] of Object.entries(LOOP_GROUPS)) {
      await waitFor(async () => {
        const existing = ((await redis.xinfo('GROUPS', `${prefix}${topic}`).catch(() => [])) as unknown[][]).map((g) => String(fieldsOf(g).name));
        return groups.every((g) => existing.includes(g));
      }, 60_000, `consumer groups of ${topic}`);
    }
    const ticks = generateTicks({ seed: options.seed, symbols: options.symbols, start: '2024-06-03T13:30:00Z', durationMs: options.durationSeconds * 1000 });
    const plan = options.faults ? faultPlan(options, ticks.length) : [];
    log(`${options.label}: ${ticks.length} ticks, ${plan.length} faults`);
    const publisher = new StreamPublisher(redis, { prefix });
    const random = new Random(options.seed);
    let next = 0;
    for (let i = 0; i < ticks.length; i += 1) {
      await publisher.publish('ticks', ticks[i]!);
      while (next < plan.length && plan[next]!.at === i) {
        const fault = plan[next++]!;
        // Mid-tick: the tick's signal, decision, order or fill may be half done when the fault lands.
        await new Promise((resolve) => setTimeout(resolve, random.int(0, 25)));
        if (fault.kind === 'kill') {
          // A service still restarting from the last kill is killed as soon as its new process exists.
          await waitFor(() => platform.pid(fault.service) !== undefined, 60_000, `${fault.service} process`);
          if (platform.kill(fault.service, 'SIGKILL')) kills[fault.service] += 1;
          log(`tick ${i}: kill -9 ${fault.service}`);
        } else {
          const proxy = fault.kind === 'redis' ? redisProxy : pgProxy;
          if (fault.kind === 'redis') redisOutages += 1;
          else postgresOutages += 1;
          log(`tick ${i}: ${fault.kind} down for ${options.outageMs} ms`);
          outages.push(proxy.outage(options.outageMs));
        }
      }
      await waitForDrain(redis, LOOP_TOPICS, { prefix, timeoutMs: 300_000, pollMs: 1 });
      if (i % 1000 === 0 && i > 0) log(`${options.label}: ${i}/${ticks.length} ticks`);
    }
    await Promise.all(outages);
    // Settled: every stream drained and every relayed message sent.
    await waitForDrain(redis, LOOP_TOPICS, { prefix, timeoutMs: 120_000 });
    const record = await collectRun({ redis, prefix, accountId, strategyName, startingCash, topics: LOOP_TOPICS, settleMs: 60_000 });
    return {
      label: options.label,
      ticks: ticks.length,
      kills,
      restarts: Object.fromEntries(CHAOS_SERVICES.map((s) => [s, platform.restarts(s)])) as Record<ChaosService, number>,
      redisOutages,
      postgresOutages,
      outageMs: options.outageMs,
      cutConnections: redisProxy.cut + pgProxy.cut,
      durationMs: Date.now() - started,
      record,
    };
  } finally {
    await Promise.allSettled(outages);
    await platform.stop();
    await redis.quit();
    await redisProxy.close();
    await pgProxy.close();
  }
}
