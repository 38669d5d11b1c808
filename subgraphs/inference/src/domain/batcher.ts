// Micro-batcher: collects concurrent single requests into one model call. A batch is flushed when it
// is full or maxWaitMs after its first item arrived; every item gets its own output (or the batch's error).
import { MicroBatchError } from './errors';

/** Runs fn after ms milliseconds; returns a function that cancels it. Injected so tests need no real timers. */
export type Scheduler = (fn: () => void, ms: number) => () => void;

export const timeoutScheduler: Scheduler = (fn, ms) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

export interface MicroBatcherOptions<I, O> {
  /** Flush as soon as this many items are queued (≥ 1). */
  maxBatchSize: number;
  /** Flush at most this long after the first item of a batch was queued (≥ 0). */
  maxWaitMs: number;
  /** One call per batch; must return one output per input, in order. */
  run: (inputs: I[]) => Promise<O[]>;
  schedule?: Scheduler;
  /** Items queued or running beyond which submit rejects with TOO_MANY_REQUESTS (default: unlimited). */
  maxPending?: number;
}

export interface MicroBatcherStats {
  batches: number;
  items: number;
  maxBatchSeen: number;
  failedBatches: number;
  /** Items waiting for their batch to flush. */
  queued: number;
  /** Items whose batch is running. */
  running: number;
}

export interface MicroBatcher<I, O> {
  submit(input: I): Promise<O>;
  /** Flushes the queued items now (no-op when none). */
  flush(): void;
  stats(): MicroBatcherStats;
  /**
   * Stops accepting items (submit rejects with BATCHER_CLOSED), then either runs the queued items
   * (drain, the default) or rejects them with BATCHER_CLOSED; resolves once every batch has settled.
   */
  close(options?: { drain?: boolean }): Promise<void>;
}

interface Pending<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

function checkOptions(options: MicroBatcherOptions<unknown, unknown>): void {
  if (!Number.isInteger(options.maxBatchSize) || options.maxBatchSize < 1) {
    throw new RangeError(`maxBatchSize must be a whole number ≥ 1, got ${options.maxBatchSize}`);
  }
  if (!Number.isFinite(options.maxWaitMs) || options.maxWaitMs < 0) {
    throw new RangeError(`maxWaitMs must be a finite number ≥ 0, got ${options.maxWaitMs}`);
  }
  if (options.maxPending !== undefined && (!Number.isInteger(options.maxPending) || options.maxPending < 1)) {
    throw new RangeError(`maxPending must be a whole number ≥ 1, got ${options.maxPending}`);
  }
}

export function createMicroBatcher<I, O>(options: MicroBatcherOptions<I, O>): MicroBatcher<I, O> {
  checkOptions(options as MicroBatcherOptions<unknown, unknown>);
  const schedule = options.schedule ?? timeoutScheduler;
  const maxPending = options.maxPending ?? Number.POSITIVE_INFINITY;
  let queue: Pending<I, O>[] = [];
  let cancelTimer: (() => void) | null = null;
  let closed = false;
  let running = 0;
  const inFlight = new Set<Promise<void>>();
  const counts = { batches: 0, items: 0, maxBatchSeen: 0, failedBatches: 0 };

  const settle = (batch: Pending<I, O>[], outputs: unknown): void => {
    if (!Array.isArray(outputs) || outputs.length !== batch.length) {
      const got = Array.isArray(outputs) ? `${outputs.length} outputs` : `a ${typeof outputs}`;
      fail(batch, new MicroBatchError('BATCH_SIZE_MISMATCH', `batch run returned ${got} for a batch of ${batch.length} inputs`));
      return;
    }
    batch.forEach((item, i) => item.resolve(outputs[i] as O));
  };

  const fail = (batch: Pending<I, O>[], error: unknown): void => {
    counts.failedBatches += 1;
    for (const item of batch) item.reject(error);
  };

  const flush = (): void => {
    if (cancelTimer) {
      cancelTimer();
      cancelTimer = null;
    }
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    counts.batches += 1;
    counts.items += batch.length;
    counts.maxBatchSeen = Math.max(counts.maxBatchSeen, batch.length);
    running += batch.length;

    let result: Promise<O[]>;
    try {
      result = Promise.resolve(options.run(batch.map((item) => item.input)));
    } catch (error) {
      result = Promise.reject(error);
    }
    const done = result
      .then(
        (outputs) => settle(batch, outputs),
        (error: unknown) => fail(batch, error),
      )
      .finally(() => {
        running -= batch.length;
        inFlight.delete(done);
      });
    inFlight.add(done);
  };

  const submit = (input: I): Promise<O> => {
    if (closed) return Promise.reject(new MicroBatchError('BATCHER_CLOSED', 'batcher is closed'));
    if (queue.length + running >= maxPending) {
      return Promise.reject(new MicroBatchError('TOO_MANY_REQUESTS', `${maxPending} requests already pending; try again later`));
    }
    return new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (queue.length >= options.maxBatchSize) {
        flush();
      } else if (queue.length === 1) {
        // Only the timer of the current batch may flush: a stale callback from a scheduler that
        // cannot cancel must not cut the next batch short.
        const batchQueue = queue;
        cancelTimer = schedule(() => {
          if (queue === batchQueue) flush();
        }, options.maxWaitMs);
      }
    });
  };

  const close = async (opts: { drain?: boolean } = {}): Promise<void> => {
    closed = true;
    if (opts.drain === false) {
      if (cancelTimer) cancelTimer();
      cancelTimer = null;
      const dropped = queue;
      queue = [];
      for (const item of dropped) item.reject(new MicroBatchError('BATCHER_CLOSED', 'batcher closed before this request ran'));
    } else {
      flush();
    }
    await Promise.all([...inFlight]);
  };

  return {
    submit,
    flush,
    close,
    stats: () => ({ ...counts, queued: queue.length, running }),
  };
}
