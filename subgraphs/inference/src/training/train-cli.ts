// `npm run train -- [--epochs N] [--seed N] [--symbols AAPL,MSFT] [--interval 1m] [--name nbeats] [--promote]`:
// runs one training job from the command line, the same way the worker does — a `jobs` row, training in
// a worker thread, ONNX export, registration (and promotion when asked and it beats naive, announced on
// Redis so running runners hot-reload) — with a progress bar, then prints the metrics.
// Uses DATABASE_URL, REDIS_URL, REDIS_PREFIX, MODELS_DIR and MODEL_NAME like the services.
import { resolve } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import Redis from 'ioredis';
import { createDatabase, createLogger, loadConfig, parseSettings } from '@aitrader/platform';
import { PROMOTED_CHANNEL } from '../events';
import type { PromotedEvent } from '../runtime/model-runtime';
import { InferenceSettings } from '../settings';
import { ArtifactStore } from '../storage/artifacts';
import { JobsStore } from '../storage/jobs-store';
import { ModelStore } from '../storage/model-store';
import { parseTrainPayload } from './job-spec';
import { runJob } from './job-runner';

const USAGE = 'usage: npm run train -- [--epochs N] [--seed N] [--symbols AAPL,MSFT] [--interval 1m] [--file prices.csv] [--name NAME] [--promote]';

export function parseArgs(argv: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--epochs': out.epochs = Number(value()); break;
      case '--seed': out.seed = Number(value()); break;
      case '--symbols': out.symbols = String(value() ?? '').split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--interval': out.interval = value(); break;
      case '--file': out.file = resolve(String(value() ?? '')); break;
      case '--name': out.name = value(); break;
      case '--promote': out.promote = true; break;
      case '--help': case '-h': throw new Error(USAGE);
      default: throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  return out;
}

/** Publishes on Redis like RedisPubSub does (JSON); gives up after 3 s so a CLI without Redis still finishes. */
async function announce(url: string, channel: string, event: PromotedEvent): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await Promise.race([
      redis.connect().then(() => redis.publish(channel, JSON.stringify(event))),
      new Promise((_, reject) => setTimeout(() => reject(new Error('Redis did not answer within 3 s')), 3000).unref()),
    ]);
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<number> {
  const config = loadConfig();
  let args: Record<string, unknown>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const settings = parseSettings(InferenceSettings, config);
  const parsed = parseTrainPayload({ name: settings.MODEL_NAME, ...args });
  if (!parsed.ok) {
    process.stderr.write(`invalid arguments: ${parsed.message}\n${USAGE}\n`);
    return 2;
  }
  const prisma = createDatabase(config.DATABASE_URL);
  const logger = createLogger('train', { LOG_LEVEL: 'warn', LOG_FORMAT: 'pretty' });
  const jobs = new JobsStore(prisma);
  const bar = new SingleBar({ format: 'training |{bar}| {percentage}% | {stage}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 1000 }, Presets.shades_classic);
  try {
    const job = await jobs.create('train', parsed.payload);
    process.stdout.write(`job ${job.id}: ${JSON.stringify(parsed.payload)}\n`);
    bar.start(100, 0, { stage: 'data' });
    const outcome = await runJob(job.id, {
      prisma,
      jobs,
      store: new ModelStore(prisma),
      artifacts: new ArtifactStore(settings.MODELS_DIR),
      announcePromoted: (event) => announce(config.REDIS_URL, `${config.REDIS_PREFIX}${PROMOTED_CHANNEL}`, event),
      logger,
    }, { onProgress: (fraction, stage) => bar.update(Math.round(fraction * 100), { stage }) });
    bar.stop();
    if (outcome.status !== 'SUCCEEDED') {
      process.stderr.write(`job ${job.id} ${outcome.status}: ${outcome.status === 'FAILED' ? outcome.error : outcome.reason}\n`);
      return 1;
    }
    const { report } = outcome;
    const m = report.metrics;
    const fmt = (x: number | null | undefined) => (typeof x === 'number' ? x.toFixed(4) : 'n/a');
    process.stdout.write(
      [
        `registered ${report.name} ${report.version} (${report.status}) at ${report.path}`,
        report.promoteSkipped ? `not promoted: ${report.promoteSkipped}` : '',
        `data: ${report.data}`,
        `training: ${report.trainingSeconds.toFixed(2)} s, ${report.epochsRun} epochs, best ${report.bestEpoch}`,
        `validation: relativeToNaive ${fmt(m.validation?.relativeToNaive)}  MASE ${fmt(m.validation?.mase)}  (${m.validation?.count ?? 0} windows)`,
        `test:       relativeToNaive ${fmt(m.test?.relativeToNaive)}  MASE ${fmt(m.test?.mase)}  (${m.test?.count ?? 0} windows)`,
        `per-step relative RMSE: ${m.perStepRelativeRmse.map((e) => e.toFixed(5)).join(' ')}`,
        '',
      ].filter((l, i, all) => l !== '' || i === all.length - 1).join('\n'),
    );
    return 0;
  } finally {
    bar.stop();
    await prisma.$disconnect();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`train failed: ${err.message}\n`);
      process.exit(1);
    },
  );
}
