// Worker-thread entry of a training run (started by train-in-thread.ts): `train` is synchronous CPU
// work, so it runs here and the process's event loop stays free to serve health checks, stream reads
// and progress writes. Posts {type: 'progress'} per epoch, then {type: 'done'} or {type: 'error'}.
import { parentPort, workerData } from 'node:worker_threads';
import { train, type TrainOptions } from '@aitrader/models/nbeats';

interface Input {
  series: Float64Array;
  options: Omit<TrainOptions, 'series'>;
}

const port = parentPort;
if (!port) throw new Error('train-thread.ts runs as a worker thread');
const { series, options } = workerData as Input;
try {
  const started = performance.now();
  const result = train({ ...options, series }, { onProgress: (progress) => port.postMessage({ type: 'progress', progress }) });
  const trainingMs = performance.now() - started;
  const params = result.model.params;
  port.postMessage(
    {
      type: 'done',
      result: {
        config: result.model.config,
        params,
        metrics: result.metrics,
        history: result.history,
        bestEpoch: result.bestEpoch,
        stoppedEarly: result.stoppedEarly,
        split: result.split,
        trainingMs,
      },
    },
    [params.buffer as ArrayBuffer],
  );
} catch (err) {
  const e = err as Error & { code?: string };
  port.postMessage({ type: 'error', error: { name: e.name, code: e.code, message: e.message } });
}
