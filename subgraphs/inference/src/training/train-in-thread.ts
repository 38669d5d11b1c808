// Runs the N-BEATS trainer in a worker thread (train-thread.ts) and resolves with the trained weights and
// metrics; per-epoch progress comes back through onProgress. The thread loads the TypeScript sources
// through tsx's CommonJS hook unless the process already has one (tsx CLI), so it works the same under
// `npm start`, `npm run train` and jest.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { NBeatsConfig, TrainOptions, TrainProgress, TrainResult } from '@aitrader/models/nbeats';

export const THREAD_FILE = join(__dirname, 'train-thread.ts');

export interface ThreadResult {
  config: NBeatsConfig;
  params: Float64Array;
  metrics: TrainResult['metrics'];
  history: TrainResult['history'];
  bestEpoch: number;
  stoppedEarly: boolean;
  split: TrainResult['split'];
  trainingMs: number;
}

/** The trainer's own error (bad options, a series too short, …) as it was thrown in the thread. */
export class TrainingError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
    this.name = 'TrainingError';
  }
}

type ThreadMessage =
  | { type: 'progress'; progress: TrainProgress }
  | { type: 'done'; result: ThreadResult }
  | { type: 'error'; error: { name: string; code?: string; message: string } };

const BOOT = `
const { workerData } = require('node:worker_threads');
if (!require.extensions['.ts']) require(workerData.tsxCjsApi).register();
require(workerData.file);
`;

export function trainInThread(
  series: Float64Array,
  options: Omit<TrainOptions, 'series'>,
  onProgress: (progress: TrainProgress) => void = () => undefined,
  signal?: AbortSignal,
): Promise<ThreadResult> {
  return new Promise<ThreadResult>((resolve, reject) => {
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { file: THREAD_FILE, tsxCjsApi: require.resolve('tsx/cjs/api'), series, options },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => finish(() => reject(new TrainingError('training was aborted', 'ABORTED')));
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') finish(() => resolve(message.result));
      else finish(() => reject(new TrainingError(message.error.message, message.error.code)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new TrainingError(`training thread exited with code ${code}`, 'THREAD_EXIT'))));
  });
}
