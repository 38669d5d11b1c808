// Tests for the micro-batcher with a virtual scheduler (no real timers): flush on size and on time,
// one run per batch, per-item results, failures and wrong output counts, backpressure, stats and close.
import fc from 'fast-check';
import { createMicroBatcher, timeoutScheduler, type Scheduler } from './batcher';
import { MicroBatchError } from './errors';

/** A scheduler driven by hand: advance(ms) fires what is due, in time order. */
function virtualClock() {
  let now = 0;
  let seq = 0;
  const tasks = new Map<number, { at: number; fn: () => void }>();
  const schedule: Scheduler = (fn, ms) => {
    const id = seq++;
    tasks.set(id, { at: now + ms, fn });
    return () => tasks.delete(id);
  };
  const advance = (ms: number): void => {
    const until = now + ms;
    for (;;) {
      const due = [...tasks.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      tasks.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = until;
  };
  return { schedule, advance, pending: () => tasks.size };
}

const flushPromises = () => new Promise<void>((resolve) => setImmediate(resolve));

function setup(opts: { maxBatchSize?: number; maxWaitMs?: number; maxPending?: number; run?: (xs: number[]) => Promise<number[]> } = {}) {
  const clock = virtualClock();
  const calls: number[][] = [];
  const run = opts.run ?? (async (xs: number[]) => xs.map((x) => x * 10));
  const batcher = createMicroBatcher<number, number>({
    maxBatchSize: opts.maxBatchSize ?? 4,
    maxWaitMs: opts.maxWaitMs ?? 5,
    schedule: clock.schedule,
    maxPending: opts.maxPending,
    run: (xs) => {
      calls.push(xs);
      return run(xs);
    },
  });
  return { batcher, clock, calls };
}

describe('createMicroBatcher', () => {
  it('flushes as soon as the batch is full, with one run and per-item results', async () => {
    const { batcher, calls, clock } = setup({ maxBatchSize: 3 });
    const results = Promise.all([1, 2, 3].map((x) => batcher.submit(x)));
    expect(calls).toEqual([[1, 2, 3]]);
    expect(clock.pending()).toBe(0); // the size flush cancelled the timer
    await expect(results).resolves.toEqual([10, 20, 30]);
  });

  it('flushes a partial batch maxWaitMs after its first item, not later items', async () => {
    const { batcher, calls, clock } = setup({ maxBatchSize: 10, maxWaitMs: 5 });
    const a = batcher.submit(1);
    clock.advance(3);
    const b = batcher.submit(2);
    clock.advance(1);
    expect(calls).toEqual([]);
    clock.advance(1); // 5 ms after the first item
    expect(calls).toEqual([[1, 2]]);
    await expect(Promise.all([a, b])).resolves.toEqual([10, 20]);
    const c = batcher.submit(3); // a new batch starts its own clock
    clock.advance(4);
    expect(calls).toHaveLength(1);
    clock.advance(1);
    expect(calls).toEqual([[1, 2], [3]]);
    await expect(c).resolves.toBe(30);
  });

  it('rejects every item of a batch with the error run threw (sync or async)', async () => {
    const boom = new Error('onnx session crashed');
    const { batcher, clock } = setup({ maxBatchSize: 2, run: () => Promise.reject(boom) });
    const items = [batcher.submit(1), batcher.submit(2)];
    for (const p of items) await expect(p).rejects.toBe(boom);
    const sync = createMicroBatcher<number, number>({ maxBatchSize: 1, maxWaitMs: 0, schedule: clock.schedule, run: () => { throw boom; } });
    await expect(sync.submit(1)).rejects.toBe(boom);
    expect(batcher.stats().failedBatches).toBe(1);
  });

  it('rejects all items with BATCH_SIZE_MISMATCH when run returns the wrong number of outputs', async () => {
    const { batcher } = setup({ maxBatchSize: 3, run: async (xs) => xs.slice(1) });
    const items = [1, 2, 3].map((x) => batcher.submit(x));
    for (const p of items) {
      await expect(p).rejects.toThrow(MicroBatchError);
      await expect(p).rejects.toMatchObject({ code: 'BATCH_SIZE_MISMATCH', message: 'batch run returned 2 outputs for a batch of 3 inputs' });
    }
  });

  it('a failing batch does not affect the next one', async () => {
    let n = 0;
    const { batcher } = setup({ maxBatchSize: 1, run: async (xs) => { n += 1; if (n === 1) throw new Error('first'); return xs; } });
    await expect(batcher.submit(1)).rejects.toThrow('first');
    await expect(batcher.submit(2)).resolves.toBe(2);
  });

  it('counts batches, items and the largest batch', async () => {
    const { batcher, clock } = setup({ maxBatchSize: 3, maxWaitMs: 5 });
    const all = [1, 2, 3, 4].map((x) => batcher.submit(x));
    expect(batcher.stats()).toMatchObject({ batches: 1, items: 3, maxBatchSeen: 3, queued: 1, running: 3 });
    clock.advance(5);
    await Promise.all(all);
    expect(batcher.stats()).toEqual({ batches: 2, items: 4, maxBatchSeen: 3, failedBatches: 0, queued: 0, running: 0 });
  });

  it('TOO_MANY_REQUESTS beyond maxPending queued or running items', async () => {
    let finish: () => void = () => undefined;
    const { batcher, clock } = setup({ maxBatchSize: 2, maxPending: 3, run: (xs) => new Promise((resolve) => { finish = () => resolve(xs); }) });
    const first = [batcher.submit(1), batcher.submit(2), batcher.submit(3)]; // [1, 2] running, 3 queued
    await expect(batcher.submit(4)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    finish(); // [1, 2] done
    await flushPromises();
    const fifth = batcher.submit(5); // room again
    clock.advance(5); // flushes [3, 5]
    finish();
    await expect(Promise.all([...first, fifth])).resolves.toEqual([1, 2, 3, 5]);
  });

  it('close() runs what is queued, waits for it, then refuses new items', async () => {
    const { batcher, calls, clock } = setup({ maxBatchSize: 10, maxWaitMs: 1000 });
    const a = batcher.submit(1);
    const b = batcher.submit(2);
    await batcher.close();
    expect(calls).toEqual([[1, 2]]);
    await expect(Promise.all([a, b])).resolves.toEqual([10, 20]);
    await expect(batcher.submit(3)).rejects.toMatchObject({ code: 'BATCHER_CLOSED' });
    expect(clock.pending()).toBe(0);
  });

  it('close({ drain: false }) rejects what is queued without running it', async () => {
    const { batcher, calls } = setup({ maxBatchSize: 10 });
    const a = batcher.submit(1);
    await batcher.close({ drain: false });
    await expect(a).rejects.toMatchObject({ code: 'BATCHER_CLOSED' });
    expect(calls).toEqual([]);
  });

  it('a stale timer from a scheduler that cannot cancel does not cut the next batch short', async () => {
    const fired: (() => void)[] = [];
    const calls: number[][] = [];
    const batcher = createMicroBatcher<number, number>({
      maxBatchSize: 2,
      maxWaitMs: 5,
      schedule: (fn) => { fired.push(fn); return () => undefined; },
      run: async (xs) => { calls.push(xs); return xs; },
    });
    void batcher.submit(1);
    void batcher.submit(2); // full: flushed, its timer cannot be cancelled
    void batcher.submit(3);
    fired[0]?.(); // the first batch's timer fires late
    expect(calls).toEqual([[1, 2]]);
    fired[1]?.();
    expect(calls).toEqual([[1, 2], [3]]);
  });

  it('validates its options', () => {
    const run = async (xs: number[]) => xs;
    expect(() => createMicroBatcher({ maxBatchSize: 0, maxWaitMs: 1, run })).toThrow(RangeError);
    expect(() => createMicroBatcher({ maxBatchSize: 2, maxWaitMs: -1, run })).toThrow(RangeError);
    expect(() => createMicroBatcher({ maxBatchSize: 2, maxWaitMs: 1, run, maxPending: 0 })).toThrow(RangeError);
  });

  it('property: every item gets its own output, batches never exceed maxBatchSize, each item runs once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 10 }), value: fc.integer() }), { maxLength: 40 }),
        async (maxBatchSize, arrivals) => {
          const { batcher, calls, clock } = setup({ maxBatchSize, maxWaitMs: 5, run: async (xs) => xs.map((x) => x + 1) });
          const results: Promise<number>[] = [];
          for (const a of arrivals) {
            clock.advance(a.gap);
            results.push(batcher.submit(a.value));
          }
          clock.advance(5);
          expect(await Promise.all(results)).toEqual(arrivals.map((a) => a.value + 1));
          expect(calls.flat()).toEqual(arrivals.map((a) => a.value));
          for (const c of calls) expect(c.length).toBeLessThanOrEqual(maxBatchSize);
          expect(batcher.stats()).toMatchObject({ items: arrivals.length, batches: calls.length, queued: 0 });
        },
      ),
    );
  });
});

it('the default scheduler is setTimeout-based and cancellable', () => {
  jest.useFakeTimers();
  try {
    const ran: string[] = [];
    timeoutScheduler(() => ran.push('kept'), 5);
    const cancel = timeoutScheduler(() => ran.push('cancelled'), 5);
    cancel();
    jest.advanceTimersByTime(4);
    expect(ran).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(ran).toEqual(['kept']);
  } finally {
    jest.useRealTimers();
  }
});
