// Clocks for the replay session: the real one for the service, and a hand-driven fake for tests (of
// this domain and of the layers above it) that wakes sleepers in time order as it is advanced.
import type { ReplayClock } from './replay';

/** Wall clock. The timer is unref'd so a sleeping replay never keeps the process alive on its own. */
export const systemClock: ReplayClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
};

interface Sleeper {
  until: number;
  order: number;
  wake: () => void;
}

export class FakeClock implements ReplayClock {
  private nowMs: number;
  private sleepers: Sleeper[] = [];
  private order = 0;

  constructor(startMs = 0) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ until: this.nowMs + Math.max(0, ms), order: this.order++, wake }));
  }

  /** Number of sleeps not yet woken. */
  get pendingSleeps(): number {
    return this.sleepers.length;
  }

  /**
   * Moves time forward by `ms`, stopping at each sleeper's wake-up time (earliest first) and letting the
   * code it wakes run to its next wait before going on.
   */
  async advance(ms: number): Promise<void> {
    const target = this.nowMs + ms;
    await settle();
    for (;;) {
      const next = this.sleepers.filter((s) => s.until <= target).sort((a, b) => a.until - b.until || a.order - b.order)[0];
      if (next === undefined) break;
      this.sleepers = this.sleepers.filter((s) => s !== next);
      this.nowMs = Math.max(this.nowMs, next.until);
      next.wake();
      await settle();
    }
    this.nowMs = target;
    await settle();
  }
}

/** Lets pending promise chains (and setImmediate-based yields) run to completion. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
