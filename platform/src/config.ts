// Platform configuration: every service reads its settings from the environment through this one
// schema (the seed's variable names, local defaults), validated once at start with a clear message.
import { hostname } from 'node:os';
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const httpUrl = (fallback: string) =>
  z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).default(fallback);

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  HOST: z.string().min(1).default('0.0.0.0'),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .default('redis://127.0.0.1:6379/0'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' })
    .default('postgresql://postgres:postgres@127.0.0.1:5432/aitrader'),
  GATEWAY_PORT: port(8000),
  ONNX_PORT: port(8001),
  SENTIMENT_PORT: port(8002),
  MARKETDATA_PORT: port(8003),
  STRATEGY_PORT: port(8005),
  EXECUTION_PORT: port(8006),
  TENSORRT_PORT: port(8007),
  SIGNALS_PORT: port(8009),
  WORKER_PORT: port(8010),
  MCP_PORT: port(9000),
  DASHBOARD_PORT: port(8080),
  // Where services find each other (the seed's names where it has them).
  ONNX_URL: httpUrl('http://127.0.0.1:8001'),
  SENTIMENT_URL: httpUrl('http://127.0.0.1:8002'),
  TENSORRT_URL: httpUrl('http://127.0.0.1:8007'),
  MCP_URL: httpUrl('http://127.0.0.1:9000/mcp'),
  MARKETDATA_URL: httpUrl('http://127.0.0.1:8003'),
  STRATEGY_URL: httpUrl('http://127.0.0.1:8005'),
  EXECUTION_URL: httpUrl('http://127.0.0.1:8006'),
  SIGNALS_URL: httpUrl('http://127.0.0.1:8009'),
  WORKER_URL: httpUrl('http://127.0.0.1:8010'),
  HEALTH_TIMEOUT_MS: z.coerce.number().int().min(50).max(30000).default(1000),
  // Prefix for every Redis stream, channel and key of this deployment (isolates tests and tenants).
  REDIS_PREFIX: z.string().regex(/^[\w:.-]*$/, 'may hold letters, digits, ":", ".", "_" and "-"').default(''),
  // Stream consumer name; stable across restarts so a restarted service re-reads its own pending entries.
  CONSUMER_NAME: z.string().regex(/^[\w.-]{1,64}$/, 'must be 1-64 letters, digits, ".", "_" or "-"').default(hostname().replace(/[^\w.-]/g, '-').slice(0, 64) || 'local'),
  // Marketdata: where replay files are read from, and what `npm start` replays.
  REPLAY_DATA_DIR: z.string().min(1).optional(),
  REPLAY_ON_START: z.enum(['sample', 'none']).default('sample'),
  REPLAY_SPEED: z.union([z.literal('max'), z.coerce.number().positive().max(10000)]).default(1),
  // Accounts: the account created at first start, and how often equity history is sampled.
  DEFAULT_ACCOUNT_ID: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).default('default'),
  DEFAULT_STARTING_CASH: z.coerce.number().positive().max(1e12).default(100_000),
  EQUITY_SNAPSHOT_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  // Inference family: where model artifacts live (`<name>/<version>.onnx`; shared by the runners and the
  // worker; default <repo>/models/artifacts), which model name the runners serve, the micro-batcher (max
  // batch; max wait, 0 = flush on the next event-loop turn) and the GPU runner's execution-provider order
  // (comma-separated, e.g. "cuda,cpu"; default tensorrt,cuda,webgpu,cpu).
  MODELS_DIR: z.string().min(1).optional(),
  MODEL_NAME: z.string().regex(/^[A-Za-z][\w.-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-" starting with a letter').default('nbeats'),
  INFERENCE_MAX_BATCH: z.coerce.number().int().min(1).max(4096).default(64),
  INFERENCE_MAX_WAIT_MS: z.coerce.number().min(0).max(1000).default(0),
  INFERENCE_PROVIDERS: z.string().regex(/^[\w, ]*$/, 'must be a comma-separated list of provider names').optional(),
  // Sentiment: where model folders live (default <repo>/models), which one to load (default models/finbert
  // when a FinBERT export is there, else the shipped finance-sentiment), and how inference runs.
  SENTIMENT_MODELS_DIR: z.string().min(1).optional(),
  SENTIMENT_MODEL: z.string().regex(/^[\w.-]{1,100}$/, 'must be a model folder name').optional(),
  SENTIMENT_INFERENCE: z.enum(['worker', 'inline']).default('worker'),
  SENTIMENT_BATCH_SIZE: z.coerce.number().int().min(1).max(1024).default(32),
  // Texts waiting for the classifier beyond which new requests are refused (INFERENCE_BUSY).
  SENTIMENT_QUEUE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  // News feeds: replayNewsFeed(path) reads under NEWS_FEED_DIR (default subgraphs/sentiment/data);
  // NEWS_FEED_FILE (a path under it, or absolute) is replayed once at start.
  NEWS_FEED_DIR: z.string().min(1).optional(),
  NEWS_FEED_FILE: z.string().min(1).optional(),
  // Signals: how many levels of each side of the L2 book are summed into the bid/ask sizes the pattern
  // engine's book-imbalance detector sees.
  SIGNALS_BOOK_DEPTH: z.coerce.number().int().min(1).max(50).default(5),
  // Strategy: which stored strategy (name → parameters, enabled) this strategy process runs.
  STRATEGY_NAME: z.string().regex(/^[\w.-]{1,64}$/, 'must be 1-64 letters, digits, ".", "_" or "-"').default('enhanced_ml_sentiment'),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  readonly code = 'INVALID_CONFIG';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset" so that `FOO=` in a compose file falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const key = issue.path.join('.');
      return `${key}: ${issue.message} (got ${JSON.stringify(env[key])})`;
    }),
  );
}
