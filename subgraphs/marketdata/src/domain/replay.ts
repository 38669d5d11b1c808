// A replay session: publishes recorded ticks in order, paced against an injected clock at a chosen speed
// (or as fast as the publisher takes them), with pause, resume, seek, speed changes and stop.
//
// Pacing: tick i is due when (clock.now() - wallAnchor) * speed >= ts(i) - marketAnchor. Anchors are
// reset on start, resume, seek and speed change, so the market clock never jumps. Due ticks go out in
// batches of at most batchSize; 'max' ignores time and yields to the event loop between batches.
//
// Exactly once, in order: one publish is in flight at a time; a batch counts as published when its
// publish resolves. If publish rejects, the session pauses (lastError set) and resume retries that
// batch — so a publisher that can fail half-way through a batch should make each batch atomic.
import type { Tick } from '@aitrader/platform/messages';
import { ReplayError } from './errors';
import { formatTimestamp, parseTimestamp } from './timestamps';

export type ReplayState = 'IDLE' | 'RUNNING' | 'PAUSED' | 'STOPPED' | 'FINISHED';
export type ReplaySpeed = number | 'max';

export interface ReplayClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface ReplayOptions {
  /** Non-decreasing by timestamp (see orderTicksByTime). */
  ticks: readonly Tick[];
  publish: (batch: Tick[]) => Promise<void>;
  clock: ReplayClock;
  speed: ReplaySpeed;
  /** Most ticks per publish call (default 500). */
  batchSize?: number;
  /** Told about a failed publish (the session is then PAUSED). */
  onError?: (error: unknown) => void;
}

export interface ReplayStatus {
  state: ReplayState;
  speed: ReplaySpeed;
  /** Index of the next tick to publish. */
  position: number;
  total: number;
  /** Ticks whose publish resolved (seeking back and replaying counts them again). */
  published: number;
  /** Market time: the last tick handed to publish, the seek target just after a seek, or where a pause froze it. */
  currentTimestamp: string | null;
  startedAt: string | null;
  lastError: string | null;
}

export const MAX_REPLAY_SPEED = 10_000;
export const DEFAULT_BATCH_SIZE = 500;
/** Sleeps are cut into slices so a loop made stale by pause/seek/stop ends soon after. */
const MAX_SLEEP_MS = 1_000;

export class ReplaySession {
  /** Resolves with the final status when the session is stopped or finishes. */
  readonly done: Promise<ReplayStatus>;
  private resolveDone!: (status: ReplayStatus) => void;
  private readonly ticks: readonly Tick[];
  private readonly times: number[];
  private readonly batchSize: number;
  private state: ReplayState = 'IDLE';
  private speed: ReplaySpeed;
  private position = 0;
  private published = 0;
  private wallAnchor = 0;
  private marketAnchor = 0;
  /**
   * Market time: the last tick handed to publish, the seek target, or where a pause froze the clock.
   * Shown in status; pacing restarts from it after a pause or a switch away from 'max'.
   */
  private marketCursor: number | null = null;
  private startedAtMs: number | null = null;
  private lastError: string | null = null;
  /** Bumped by every transition: a pacing loop from an older generation stops at its next check. */
  private generation = 0;
  /** Bumped by seek: a batch in flight must not move the position a seek has set. */
  private seekVersion = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly options: ReplayOptions) {
    this.ticks = options.ticks;
    this.times = options.ticks.map((t) => parseTimestamp(t.timestamp));
    const unsorted = this.times.findIndex((t, i) => i > 0 && t < (this.times[i - 1] as number));
    if (unsorted >= 0) throw new ReplayError('UNSORTED_TICKS', `ticks must be in time order: tick ${unsorted} is earlier than tick ${unsorted - 1}`);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > 100_000) {
      throw new ReplayError('INVALID_OPTIONS', `batchSize must be an integer from 1 to 100000, got ${options.batchSize}`);
    }
    this.speed = validSpeed(options.speed);
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  start(): void {
    this.expectState('start', ['IDLE']);
    this.state = 'RUNNING';
    this.startedAtMs = this.options.clock.now();
    this.anchor(this.marketCursor ?? this.times[this.position] ?? 0);
    this.kick();
  }

  pause(): void {
    this.expectState('pause', ['RUNNING']);
    this.marketCursor = this.marketNow();
    this.state = 'PAUSED';
    this.generation++;
  }

  resume(): void {
    this.expectState('resume', ['PAUSED']);
    this.state = 'RUNNING';
    this.lastError = null;
    this.anchor(this.marketCursor ?? this.times[this.position] ?? 0);
    this.kick();
  }

  /** Idempotent: stopping a session that already stopped or finished changes nothing. */
  stop(): void {
    if (this.state === 'STOPPED' || this.state === 'FINISHED') return;
    this.end('STOPPED');
  }

  /** The next tick becomes the first with timestamp >= target (which must lie within the data). */
  seek(timestampMs: number): void {
    this.expectState('seek', ['IDLE', 'RUNNING', 'PAUSED']);
    const [first, last] = [this.times[0], this.times[this.times.length - 1]];
    if (first === undefined || last === undefined || !(timestampMs >= first && timestampMs <= last)) {
      const range = first === undefined || last === undefined ? 'there is no data' : `data covers ${formatTimestamp(first)} .. ${formatTimestamp(last)}`;
      throw new ReplayError('OUT_OF_RANGE', `cannot seek to ${Number.isFinite(timestampMs) ? formatTimestamp(timestampMs) : timestampMs}: ${range}`);
    }
    this.position = lowerBound(this.times, timestampMs);
    this.marketCursor = timestampMs;
    this.seekVersion++;
    if (this.state === 'RUNNING') {
      this.anchor(timestampMs);
      this.kick();
    }
  }

  setSpeed(speed: ReplaySpeed): void {
    const next = validSpeed(speed);
    this.expectState('setSpeed', ['IDLE', 'RUNNING', 'PAUSED']);
    if (this.state !== 'RUNNING') {
      this.speed = next;
      return;
    }
    const marketNow = this.marketNow();
    this.speed = next;
    this.anchor(marketNow);
    this.kick();
  }

  status(): ReplayStatus {
    return {
      state: this.state,
      speed: this.speed,
      position: this.position,
      total: this.ticks.length,
      published: this.published,
      currentTimestamp: this.marketCursor === null ? null : formatTimestamp(this.marketCursor),
      startedAt: this.startedAtMs === null ? null : formatTimestamp(this.startedAtMs),
      lastError: this.lastError,
    };
  }

  private expectState(action: string, allowed: ReplayState[]): void {
    if (!allowed.includes(this.state)) {
      throw new ReplayError('INVALID_STATE', `cannot ${action} a replay that is ${this.state} (allowed when ${allowed.join(' or ')})`);
    }
  }

  private anchor(marketMs: number): void {
    this.wallAnchor = this.options.clock.now();
    this.marketAnchor = marketMs;
  }

  /** Where the market clock stands now: paced time, or under 'max' the last published tick. */
  private marketNow(): number {
    if (this.speed === 'max') return this.marketCursor ?? this.times[this.position] ?? 0;
    return this.marketAnchor + (this.options.clock.now() - this.wallAnchor) * this.speed;
  }

  private end(state: 'STOPPED' | 'FINISHED'): void {
    this.state = state;
    this.generation++;
    this.resolveDone(this.status());
  }

  private kick(): void {
    const generation = ++this.generation;
    void this.run(generation);
  }

  private isCurrent(generation: number): boolean {
    return generation === this.generation && this.state === 'RUNNING';
  }

  private async run(generation: number): Promise<void> {
    await this.inFlight; // a batch from an older loop lands first: publishes never overlap
    while (this.isCurrent(generation)) {
      if (this.position >= this.ticks.length) {
        this.end('FINISHED');
        return;
      }
      const count = this.dueCount();
      if (count === 0) {
        await this.options.clock.sleep(this.msUntilNextDue());
        continue;
      }
      await this.publishBatch(count);
      if (this.speed === 'max') await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private dueCount(): number {
    const end = Math.min(this.ticks.length, this.position + this.batchSize);
    if (this.speed === 'max') return end - this.position;
    const marketNow = this.marketNow();
    let i = this.position;
    while (i < end && (this.times[i] as number) <= marketNow) i++;
    return i - this.position;
  }

  private msUntilNextDue(): number {
    const speed = this.speed === 'max' ? 1 : this.speed;
    const wallDue = ((this.times[this.position] as number) - this.marketAnchor) / speed;
    const wait = Math.ceil(wallDue - (this.options.clock.now() - this.wallAnchor));
    return Math.min(MAX_SLEEP_MS, Math.max(1, wait));
  }

  private async publishBatch(count: number): Promise<void> {
    const from = this.position;
    const batch = this.ticks.slice(from, from + count);
    const seekVersion = this.seekVersion;
    // Claimed now, so no other loop can take the same ticks; the market clock stands at the last of them.
    this.position = from + count;
    this.marketCursor = this.times[from + count - 1] ?? null;
    this.inFlight = this.options.publish(batch).then(
      () => {
        this.published += count;
      },
      (error: unknown) => {
        this.lastError = error instanceof Error ? error.message : String(error);
        if (this.seekVersion === seekVersion) this.position = from; // not published: retried on resume
        if (this.state === 'RUNNING') {
          // Pause where the failed batch was due, so resume sends it straight away.
          if (this.seekVersion === seekVersion) this.marketCursor = this.times[from] ?? null;
          this.state = 'PAUSED';
          this.generation++;
        }
        this.options.onError?.(error);
      },
    );
    await this.inFlight;
  }
}

/** Stable sort by timestamp with seq renumbered to the new order: parsed files are only ordered per symbol. */
export function orderTicksByTime(ticks: readonly Tick[]): Tick[] {
  return ticks
    .map((tick, index) => ({ tick, index, ms: parseTimestamp(tick.timestamp) }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map(({ tick }, seq) => ({ ...tick, seq }));
}

function validSpeed(speed: ReplaySpeed): ReplaySpeed {
  if (speed === 'max') return speed;
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || speed > MAX_REPLAY_SPEED) {
    throw new ReplayError('INVALID_SPEED', `speed must be a number in (0, ${MAX_REPLAY_SPEED}] or 'max', got ${String(speed)}`);
  }
  return speed;
}

/** First index whose time is >= target. */
function lowerBound(times: number[], target: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
