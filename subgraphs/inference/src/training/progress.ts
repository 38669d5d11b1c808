// Throttled progress writes: a training run reports progress per epoch (many times a second on a small
// model), the jobs row gets at most one write per interval, writes never overlap, and flush() writes the
// last value reported so the row ends where the run did.
export interface ProgressThrottleOptions {
  write: (progress: number) => Promise<void>;
  /** Minimum time between two writes. */
  minIntervalMs: number;
  /** A failed write is reported here and otherwise ignored (progress is informational). */
  onError?: (error: unknown) => void;
  now?: () => number;
}

export interface ProgressThrottle {
  report(progress: number): void;
  /** Writes the latest reported value if it was not written yet; resolves when every write has settled. */
  flush(): Promise<void>;
  /** Number of writes started so far. */
  writes(): number;
}

export function createProgressThrottle(options: ProgressThrottleOptions): ProgressThrottle {
  const now = options.now ?? (() => Date.now());
  let chain: Promise<void> = Promise.resolve();
  let latest: number | null = null;
  let written: number | null = null;
  let lastAt = -Infinity;
  let count = 0;

  const writeLatest = () => {
    if (latest === null || latest === written) return;
    const value = latest;
    written = value;
    lastAt = now();
    count += 1;
    chain = chain.then(() => options.write(value)).catch((err: unknown) => options.onError?.(err));
  };

  return {
    report(progress) {
      latest = progress;
      if (now() - lastAt >= options.minIntervalMs) writeLatest();
    },
    async flush() {
      writeLatest();
      await chain;
    },
    writes: () => count,
  };
}
