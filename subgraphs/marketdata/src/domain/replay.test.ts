// Replay sessions on a fake clock: pacing at 1x and 10x, pause/resume/seek/speed changes re-anchor the
// market clock, every tick is published exactly once and in order, and invalid transitions are typed.
import fc from 'fast-check';
import type { Tick } from '@aitrader/platform/messages';
import { FakeClock, settle } from './clock';
import { ReplayError } from './errors';
import { ReplaySession, orderTicksByTime, type ReplayOptions } from './replay';

const T0 = Date.UTC(2025, 8, 26, 13, 30);
const trade = (offsetMs: number, seq: number, symbol = 'AAPL'): Tick => ({ kind: 'trade', symbol, timestamp: new Date(T0 + offsetMs).toISOString(), price: 100 + seq, size: 1, seq });
// Market offsets: 0, 1000, 1000, 2500, 5000 ms.
const TICKS = [0, 1000, 1000, 2500, 5000].map((offset, i) => trade(offset, i));

/** A session whose publish calls are logged as [wall ms, seqs]. */
function harness(options: Partial<ReplayOptions> = {}) {
  const clock = new FakeClock(1_000_000);
  const log: [number, number[]][] = [];
  const session = new ReplaySession({
    ticks: TICKS,
    clock,
    speed: 1,
    publish: async (batch) => {
      log.push([clock.now() - 1_000_000, batch.map((t) => t.seq ?? -1)]);
    },
    ...options,
  });
  return { clock, log, session };
}

test('1x: each tick goes out when its market time comes, ticks due together in one batch', async () => {
  const { clock, log, session } = harness();
  session.start();
  await clock.advance(999);
  expect(log).toEqual([[0, [0]]]);
  await clock.advance(10_000);
  expect(log).toEqual([
    [0, [0]],
    [1000, [1, 2]],
    [2500, [3]],
    [5000, [4]],
  ]);
  expect(await session.done).toMatchObject({ state: 'FINISHED', position: 5, published: 5, currentTimestamp: TICKS[4]?.timestamp, startedAt: new Date(1_000_000).toISOString() });
});

test('10x: the same tape in a tenth of the time', async () => {
  const { clock, log, session } = harness({ speed: 10 });
  session.start();
  await clock.advance(1000);
  expect(log).toEqual([
    [0, [0]],
    [100, [1, 2]],
    [250, [3]],
    [500, [4]],
  ]);
  expect(session.status().state).toBe('FINISHED');
});

test('batchSize splits due ticks into several publishes', async () => {
  const { clock, log, session } = harness({ batchSize: 1 });
  session.start();
  await clock.advance(1000);
  expect(log).toEqual([
    [0, [0]],
    [1000, [1]],
    [1000, [2]],
  ]);
});

test('pause freezes the market clock; resume continues from where it stood', async () => {
  const { clock, log, session } = harness();
  session.start();
  await clock.advance(500);
  session.pause();
  expect(session.status()).toMatchObject({ state: 'PAUSED', position: 1, published: 1 });
  await clock.advance(10_000);
  expect(log).toHaveLength(1);
  session.resume(); // wall 10500, market 500: the 1000 ticks are 500 ms away
  await clock.advance(499);
  expect(log).toHaveLength(1);
  await clock.advance(1);
  expect(log.at(-1)).toEqual([11_000, [1, 2]]);
});

test('seek while running jumps the market clock to the target; the next tick is the first at or after it', async () => {
  const { clock, log, session } = harness();
  session.start();
  await clock.advance(0);
  session.seek(T0 + 2000); // between 1000 and 2500
  expect(session.status()).toMatchObject({ position: 3, currentTimestamp: new Date(T0 + 2000).toISOString() });
  await clock.advance(499);
  expect(log).toEqual([[0, [0]]]);
  await clock.advance(1);
  expect(log).toEqual([
    [0, [0]],
    [500, [3]],
  ]);
  session.seek(T0 + 1000); // backwards: those ticks go out again
  await clock.advance(0);
  expect(log.at(-1)).toEqual([500, [1, 2]]);
  expect(session.status().published).toBe(4);
});

test('seek while paused or idle moves the position and waits for resume/start', async () => {
  const { clock, log, session } = harness();
  session.seek(T0 + 2500);
  session.start();
  await clock.advance(0);
  expect(log).toEqual([[0, [3]]]);
  session.pause();
  session.seek(T0);
  await clock.advance(5000);
  expect(log).toHaveLength(1);
  session.resume();
  await clock.advance(0);
  expect(log.at(-1)).toEqual([5000, [0]]);
});

test('a speed change re-anchors at the current market time', async () => {
  const { clock, log, session } = harness();
  session.start();
  await clock.advance(500); // market 500
  session.setSpeed(10); // the 1000 ticks are 500 market ms = 50 wall ms away
  await clock.advance(49);
  expect(log).toHaveLength(1);
  await clock.advance(1);
  expect(log.at(-1)).toEqual([550, [1, 2]]);
  session.setSpeed('max');
  await session.done;
  expect(log.slice(2)).toEqual([[550, [3, 4]]]);
});

test("'max' publishes everything in batches without sleeping", async () => {
  const { clock, log, session } = harness({ speed: 'max', batchSize: 2 });
  session.start();
  const final = await session.done;
  expect(log).toEqual([
    [0, [0, 1]],
    [0, [2, 3]],
    [0, [4]],
  ]);
  expect(clock.pendingSleeps).toBe(0);
  expect(final).toMatchObject({ state: 'FINISHED', published: 5 });
});

test('switching from max back to paced time starts from the last published tick', async () => {
  let release: () => void = () => undefined;
  const clock = new FakeClock();
  const log: number[][] = [];
  const session = new ReplaySession({
    ticks: TICKS,
    clock,
    speed: 'max',
    batchSize: 1,
    publish: (batch) => {
      log.push(batch.map((t) => t.seq ?? -1));
      return log.length === 2 ? new Promise((resolve) => (release = resolve)) : Promise.resolve();
    },
  });
  session.start();
  await settle();
  session.setSpeed(1); // tick 1 (market 1000) is in flight
  release();
  await clock.advance(0);
  expect(log).toEqual([[0], [1], [2]]); // tick 2 shares market time 1000
  await clock.advance(1499);
  expect(log).toHaveLength(3);
  await clock.advance(1);
  expect(log.at(-1)).toEqual([3]);
});

test('stop ends the session: done resolves and nothing more is published', async () => {
  const { clock, log, session } = harness();
  session.start();
  await clock.advance(1000);
  session.stop();
  await expect(session.done).resolves.toMatchObject({ state: 'STOPPED', position: 3, published: 3 });
  await clock.advance(10_000);
  expect(log).toHaveLength(2);
  session.stop(); // again: nothing happens
  expect(session.status().state).toBe('STOPPED');
  expect(() => session.resume()).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
});

test('invalid transitions and arguments throw typed ReplayErrors', async () => {
  const { clock, session } = harness();
  const code = (f: () => void) => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(ReplayError);
      return (error as ReplayError).code;
    }
    return 'NO ERROR';
  };
  expect(code(() => session.pause())).toBe('INVALID_STATE');
  expect(code(() => session.resume())).toBe('INVALID_STATE');
  expect(code(() => session.setSpeed(0))).toBe('INVALID_SPEED');
  expect(code(() => session.setSpeed(-1))).toBe('INVALID_SPEED');
  expect(code(() => session.setSpeed(10_001))).toBe('INVALID_SPEED');
  expect(code(() => session.setSpeed(Number.NaN))).toBe('INVALID_SPEED');
  expect(code(() => session.seek(T0 - 1))).toBe('OUT_OF_RANGE');
  expect(code(() => session.seek(T0 + 5001))).toBe('OUT_OF_RANGE');
  expect(code(() => session.seek(Number.NaN))).toBe('OUT_OF_RANGE');
  session.start();
  expect(code(() => session.start())).toBe('INVALID_STATE');
  expect(code(() => session.resume())).toBe('INVALID_STATE');
  session.setSpeed(10_000); // the upper bound itself is allowed
  await clock.advance(1);
  expect(session.status().state).toBe('FINISHED');
  expect(code(() => session.stop())).toBe('NO ERROR'); // stopping an ended session is a no-op
  expect(session.status().state).toBe('FINISHED');
  expect(code(() => session.seek(T0))).toBe('INVALID_STATE');
  expect(code(() => new ReplaySession({ ticks: [TICKS[1] as Tick, TICKS[0] as Tick], clock, speed: 1, publish: async () => undefined }))).toBe('UNSORTED_TICKS');
  expect(code(() => new ReplaySession({ ticks: TICKS, clock, speed: 1, batchSize: 0, publish: async () => undefined }))).toBe('INVALID_OPTIONS');
  expect(code(() => new ReplaySession({ ticks: TICKS, clock, speed: 0, publish: async () => undefined }))).toBe('INVALID_SPEED');
});

test('an empty tape finishes at once; seeking in it is out of range', async () => {
  const session = new ReplaySession({ ticks: [], clock: new FakeClock(), speed: 1, publish: async () => undefined });
  expect(() => session.seek(T0)).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
  session.start();
  await expect(session.done).resolves.toMatchObject({ state: 'FINISHED', total: 0, currentTimestamp: null });
});

test('a failed publish pauses the session with the error; resume retries that batch', async () => {
  const clock = new FakeClock();
  const log: number[][] = [];
  const errors: unknown[] = [];
  let failNext = false;
  const session = new ReplaySession({
    ticks: TICKS,
    clock,
    speed: 1,
    onError: (e) => errors.push(e),
    publish: async (batch) => {
      if (failNext) {
        failNext = false;
        throw new Error('redis down');
      }
      log.push(batch.map((t) => t.seq ?? -1));
    },
  });
  session.start();
  await clock.advance(0);
  failNext = true;
  await clock.advance(1000);
  expect(session.status()).toMatchObject({ state: 'PAUSED', position: 1, published: 1, lastError: 'redis down', currentTimestamp: TICKS[1]?.timestamp });
  expect(errors).toHaveLength(1);
  session.resume();
  await clock.advance(0);
  expect(log).toEqual([[0], [1, 2]]);
  expect(session.status().lastError).toBeNull();
});

test('the same script on the same tape gives the same publication log', async () => {
  const run = async () => {
    const { clock, log, session } = harness();
    session.start();
    await clock.advance(700);
    session.setSpeed(3);
    await clock.advance(200);
    session.pause();
    session.seek(T0 + 1000);
    session.resume();
    await clock.advance(5000);
    return log;
  };
  expect(await run()).toEqual(await run());
});

// Random tapes and random control scripts: without seeks, the concatenated batches are the tape, once,
// in order — however slow the publisher and however often the session is paused or re-speeded.
const operation = fc.oneof(
  fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({ op: fc.constant('pause' as const) }),
  fc.record({ op: fc.constant('resume' as const) }),
  fc.record({ op: fc.constant('speed' as const), speed: fc.oneof(fc.constant('max' as const), fc.double({ min: 0.1, max: 50, noNaN: true })) }),
);

test('property: exactly once, in order, under pauses, speed changes, failures and a slow publisher', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 0, maxLength: 40 }),
      fc.array(operation, { maxLength: 25 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 0, max: 300 }),
      fc.array(fc.boolean(), { maxLength: 20 }),
      async (gaps, script, batchSize, publishDelayMs, failures) => {
        let t = 0;
        const ticks = gaps.map((gap, i) => trade((t += gap), i, i % 2 ? 'MSFT' : 'AAPL'));
        const clock = new FakeClock();
        const seen: number[] = [];
        let inFlight = 0;
        let calls = 0;
        const session = new ReplaySession({
          ticks,
          clock,
          speed: 1,
          batchSize,
          publish: async (batch) => {
            inFlight++;
            expect(inFlight).toBe(1); // never two publishes at once
            if (publishDelayMs > 0) await clock.sleep(publishDelayMs);
            inFlight--;
            if (failures[calls++]) throw new Error('publish failed');
            seen.push(...batch.map((x) => x.seq ?? -1));
          },
        });
        session.start();
        for (const step of script) {
          const state = session.status().state;
          if (step.op === 'advance') await clock.advance(step.ms);
          else if (step.op === 'pause' && state === 'RUNNING') session.pause();
          else if (step.op === 'resume' && state === 'PAUSED') session.resume();
          else if (step.op === 'speed' && (state === 'RUNNING' || state === 'PAUSED')) session.setSpeed(step.speed);
        }
        for (let guard = 0; session.status().state !== 'FINISHED' && guard < 1000; guard++) {
          if (session.status().state === 'PAUSED') session.resume();
          if (session.status().state === 'RUNNING' && session.status().speed !== 'max') session.setSpeed('max');
          await clock.advance(1000);
        }
        expect(session.status().state).toBe('FINISHED');
        expect(seen).toEqual(ticks.map((x) => x.seq));
        expect(session.status().published).toBe(ticks.length);
      },
    ),
    { numRuns: 60 },
  );
});

test('orderTicksByTime sorts a parsed file (ordered only per symbol) stably and renumbers seq', () => {
  const ticks = [trade(2000, 0, 'AAPL'), trade(1000, 1, 'MSFT'), trade(2000, 2, 'MSFT'), trade(1000, 3, 'SPY')];
  expect(orderTicksByTime(ticks).map((t) => [t.symbol, t.seq, t.kind === 'trade' ? t.price : 0])).toEqual([
    ['MSFT', 0, 101],
    ['SPY', 1, 103],
    ['AAPL', 2, 100],
    ['MSFT', 3, 102],
  ]);
  expect(ticks[0]?.seq).toBe(0); // the input is not modified
});
