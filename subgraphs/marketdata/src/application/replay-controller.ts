// Application layer of the tick replay: loads ticks from a source (a file under the data directory,
// inline content, the bundled sample or the seeded generator), runs one ReplaySession at a time that
// publishes them to the `ticks` stream, and turns domain errors into typed command errors.
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Logger, StreamPublisher, Tick } from '@aitrader/platform';
import {
  MarketDataError,
  ReplayError,
  ReplaySession,
  generateTicks,
  isKnownSymbol,
  orderTicksByTime,
  parseTickFile,
  type RejectedRow,
  type ReplayClock,
  type TickFileFormat,
} from '../domain';

export type ReplaySourceKind = 'SAMPLE' | 'FILE' | 'INLINE' | 'SYNTHETIC';

export interface StartReplayCommand {
  source: ReplaySourceKind;
  path?: string | null;
  content?: string | null;
  format?: TickFileFormat | null;
  speed?: number | null;
  asFastAsPossible?: boolean | null;
  /** Backtest mode: one tick at a time, each only after the platform has handled the one before. */
  lockstep?: boolean | null;
  seed?: number | null;
  symbols?: string[] | null;
  start?: Date | null;
  durationSeconds?: number | null;
  strict?: boolean | null;
}

/** A refused command, with a code the API exposes. */
export class ReplayCommandError extends Error {
  constructor(readonly code: string, message: string, readonly rejected: RejectedRow[] = []) {
    super(message);
    this.name = 'ReplayCommandError';
  }
}

export const SAMPLE_FILE = 'sample-ticks.ndjson';
const MAX_INLINE_BYTES = 20 * 1024 * 1024;
const MAX_SYNTHETIC_SECONDS = 7 * 24 * 3600;

export interface ReplayInfo {
  source: string | null;
  rejected: RejectedRow[];
  first: string | null;
  last: string | null;
  lockstep: boolean;
}

export type ReplayStatusModel = ReturnType<ReplayController['status']>;

export class ReplayController {
  private session?: ReplaySession;
  private info: ReplayInfo = { source: null, rejected: [], first: null, last: null, lockstep: false };

  constructor(
    private readonly publisher: StreamPublisher,
    private readonly dataDir: string,
    private readonly clock: ReplayClock,
    private readonly logger?: Logger,
    /** Resolves when every consumer downstream of `ticks` has handled what was published (lockstep). */
    private readonly drained: () => Promise<void> = async () => undefined,
  ) {}

  status() {
    const s = this.session?.status();
    return {
      state: s?.state ?? 'IDLE',
      speed: s && s.speed !== 'max' ? s.speed : null,
      asFastAsPossible: s?.speed === 'max',
      lockstep: this.info.lockstep,
      position: s?.position ?? 0,
      total: s?.total ?? 0,
      published: s?.published ?? 0,
      currentTimestamp: s?.currentTimestamp ?? null,
      source: this.info.source,
      rejected: this.info.rejected,
      firstTimestamp: this.info.first,
      lastTimestamp: this.info.last,
    };
  }

  async start(cmd: StartReplayCommand): Promise<void> {
    const speed = speedOf(cmd);
    const { ticks, rejected, label } = await this.load(cmd);
    if (rejected.length > 0 && cmd.strict) {
      throw new ReplayCommandError('REJECTED_ROWS', `${rejected.length} row(s) rejected; nothing was published (strict)`, rejected);
    }
    if (ticks.length === 0) throw new ReplayCommandError('EMPTY', `no valid ticks in ${label} (${rejected.length} rejected)`, rejected);
    await this.session?.stop();
    const publish = (batch: Tick[]) => this.publisher.publishMany('ticks', batch).then(() => undefined);
    // Lockstep: unpaced, one tick per publish, and the next only once the signals, decisions, orders and
    // fills of this one exist — so fills see the book of their own tick and a replay repeats exactly.
    // A drain that times out pauses the replay with the error (resume retries).
    const session = this.guard(() =>
      cmd.lockstep
        ? new ReplaySession({ ticks, speed: 'max', batchSize: 1, clock: this.clock, publish: async (batch) => { await publish(batch); await this.drained(); } })
        : new ReplaySession({ ticks, speed, clock: this.clock, publish }),
    );
    this.session = session;
    this.info = { source: label, rejected, first: ticks[0]!.timestamp, last: ticks[ticks.length - 1]!.timestamp, lockstep: Boolean(cmd.lockstep) };
    this.guard(() => session.start());
    void session.done.then(
      () => this.logger?.info({ source: label, ...session.status() }, 'replay ended'),
      (err: Error) => this.logger?.error({ err: err.message, source: label }, 'replay failed'),
    );
    this.logger?.info({ source: label, ticks: ticks.length, rejected: rejected.length, speed }, 'replay started');
  }

  pause(): void {
    this.guard(() => this.current().pause());
  }

  resume(): void {
    this.guard(() => this.current().resume());
  }

  async stop(): Promise<void> {
    const session = this.current();
    this.guard(() => session.stop());
    await session.done.catch(() => undefined);
  }

  seek(to: Date): void {
    this.guard(() => this.current().seek(to.getTime()));
  }

  setSpeed(speed: number | null | undefined, asFastAsPossible: boolean | null | undefined): void {
    const value = speedOf({ speed, asFastAsPossible });
    this.guard(() => this.current().setSpeed(value));
  }

  /** Stops any running session (service shutdown). */
  async close(): Promise<void> {
    const s = this.session?.status().state;
    if (s === 'RUNNING' || s === 'PAUSED') await this.stop();
  }

  private current(): ReplaySession {
    if (!this.session) throw new ReplayCommandError('INVALID_STATE', 'no replay has been started');
    return this.session;
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err: unknown) {
      if (err instanceof MarketDataError) throw new ReplayCommandError(err.code === 'UNSORTED_TICKS' || err.code === 'INVALID_OPTIONS' ? 'INVALID_INPUT' : err.code, err.message);
      throw err;
    }
  }

  private async load(cmd: StartReplayCommand): Promise<{ ticks: Tick[]; rejected: RejectedRow[]; label: string }> {
    switch (cmd.source) {
      case 'SAMPLE':
        return this.loadFile(SAMPLE_FILE, 'ndjson');
      case 'FILE': {
        if (!cmd.path) throw new ReplayCommandError('INVALID_INPUT', 'path is required for source FILE');
        return this.loadFile(cmd.path, cmd.format ?? formatFromName(cmd.path));
      }
      case 'INLINE': {
        if (!cmd.content) throw new ReplayCommandError('INVALID_INPUT', 'content is required for source INLINE');
        if (!cmd.format) throw new ReplayCommandError('INVALID_INPUT', 'format is required for source INLINE');
        if (Buffer.byteLength(cmd.content) > MAX_INLINE_BYTES) throw new ReplayCommandError('INVALID_INPUT', `content is larger than ${MAX_INLINE_BYTES} bytes`);
        return { ...this.parse(cmd.content, cmd.format), label: 'inline' };
      }
      case 'SYNTHETIC': {
        const seconds = cmd.durationSeconds ?? 600;
        if (!Number.isInteger(seconds) || seconds <= 0 || seconds > MAX_SYNTHETIC_SECONDS) {
          throw new ReplayCommandError('INVALID_INPUT', `durationSeconds must be an integer in 1..${MAX_SYNTHETIC_SECONDS}`);
        }
        const symbols = cmd.symbols ?? ['AAPL', 'MSFT', 'NVDA', 'TSLA', 'SPY'];
        const unknown = symbols.filter((s) => !isKnownSymbol(s));
        if (unknown.length > 0 || symbols.length === 0) throw new ReplayCommandError('INVALID_INPUT', `unknown symbols: ${unknown.join(', ') || '(none given)'}`);
        const seed = cmd.seed ?? 42;
        const start = (cmd.start ?? new Date(this.clock.now())).toISOString();
        const ticks = this.guard(() => generateTicks({ seed, symbols, start, durationMs: seconds * 1000 }));
        return { ticks, rejected: [], label: `synthetic(seed=${seed})` };
      }
    }
  }

  private async loadFile(path: string, format: TickFileFormat): Promise<{ ticks: Tick[]; rejected: RejectedRow[]; label: string }> {
    const root = resolve(this.dataDir);
    const full = resolve(root, path);
    if (full !== root && !full.startsWith(root + sep)) throw new ReplayCommandError('INVALID_INPUT', 'path must stay inside the replay data directory');
    let content: string;
    try {
      content = await readFile(full, 'utf8');
    } catch {
      throw new ReplayCommandError('FILE_NOT_FOUND', `no such replay file: ${path}`);
    }
    return { ...this.parse(content, format), label: join('data', path) };
  }

  private parse(content: string, format: TickFileFormat) {
    const parsed = this.guard(() => parseTickFile(content, format, { isKnownSymbol }));
    // Files are ordered per symbol; the replay publishes in global time order.
    return { ticks: orderTicksByTime(parsed.ticks), rejected: parsed.rejected };
  }
}

function formatFromName(path: string): TickFileFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  throw new ReplayCommandError('INVALID_INPUT', `cannot infer the format of ${path}: give format CSV or NDJSON`);
}

function speedOf(cmd: { speed?: number | null; asFastAsPossible?: boolean | null }): number | 'max' {
  if (cmd.asFastAsPossible) return 'max';
  return cmd.speed ?? 1;
}

export { ReplayError };
