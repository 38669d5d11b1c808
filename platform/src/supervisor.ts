// The process supervisor behind `npm start` (and the chaos suite): runs each service as one Node process
// (TypeScript through tsx's loader, no wrapper process that could be orphaned), restarts a process that
// dies with exponential backoff and tells it how often it was restarted (AITRADER_RESTARTS, shown in its
// /health and the gateway's), and stops everything only when asked. Every child holds an IPC channel to
// the supervisor and exits when it closes, so a supervisor killed with -9 leaves no service behind.
// Node built-ins only: scripts/start.mjs loads it through tsx before the platform's own modules.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ProcessSpec {
  name: string;
  /** The process's TypeScript entry (its main.ts), absolute. */
  entry: string;
  env?: Record<string, string>;
  /** Extra Node options before the entry (e.g. --cpu-prof). */
  nodeArgs?: string[];
}

export interface Backoff {
  initialMs?: number;
  maxMs?: number;
  /** A process that ran this long before dying starts the backoff over. */
  resetAfterMs?: number;
}

export interface SupervisorOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
  backoff?: Backoff;
  /** 'inherit' (npm start) or 'ignore' (tests). */
  stdio?: 'inherit' | 'ignore';
}

export interface Supervisor {
  /** How often the supervisor restarted `name`. */
  restarts(name: string): number;
  /** The live process id of `name` (undefined while it is down). */
  pid(name: string): number | undefined;
  /** Sends a signal to one process, as a fault would (SIGKILL = kill -9); it is restarted. */
  kill(name: string, signal?: NodeJS.Signals): boolean;
  /** Stops every process: SIGTERM, then SIGKILL after `graceMs`; resolves when all have exited. */
  stop(graceMs?: number): Promise<void>;
}

interface Supervised {
  spec: ProcessSpec;
  child?: ChildProcess;
  restarts: number;
  consecutive: number;
  startedAt: number;
  timer?: NodeJS.Timeout;
}

/** Delay before the n-th consecutive restart (1-based): initial · 2^(n-1), capped. */
export function backoffDelay(consecutive: number, { initialMs = 500, maxMs = 15_000 }: Backoff = {}): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, consecutive - 1));
}

/** Starts every process and keeps it running until stop(). */
export function supervise(specs: readonly ProcessSpec[], { cwd, env, log, backoff = {}, stdio = 'inherit' }: SupervisorOptions): Supervisor {
  const { resetAfterMs = 60_000 } = backoff;
  const state = new Map<string, Supervised>(specs.map((spec) => [spec.name, { spec, restarts: 0, consecutive: 0, startedAt: 0 }]));
  let stopping = false;

  function launch(entry: Supervised): void {
    const { spec } = entry;
    entry.startedAt = Date.now();
    const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), '--import', 'tsx', spec.entry], {
      cwd,
      env: { ...env, ...spec.env, AITRADER_RESTARTS: String(entry.restarts) },
      stdio: [stdio === 'inherit' ? 'inherit' : 'ignore', stdio, stdio, 'ipc'],
    });
    entry.child = child;
    child.on('exit', (code, signal) => {
      if (entry.child === child) entry.child = undefined;
      if (stopping) return;
      // A process that ran for a while before dying starts the backoff over.
      if (Date.now() - entry.startedAt >= resetAfterMs) entry.consecutive = 0;
      entry.consecutive += 1;
      const delay = backoffDelay(entry.consecutive, backoff);
      log(`${spec.name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms (restart ${entry.restarts + 1})`);
      entry.timer = setTimeout(() => {
        entry.timer = undefined;
        if (stopping) return;
        entry.restarts += 1;
        launch(entry);
      }, delay);
    });
  }

  for (const entry of state.values()) launch(entry);

  return {
    restarts: (name) => state.get(name)?.restarts ?? 0,
    pid: (name) => state.get(name)?.child?.pid,
    kill: (name, signal = 'SIGKILL') => state.get(name)?.child?.kill(signal) ?? false,
    async stop(graceMs = 5_000) {
      stopping = true;
      const alive: Promise<unknown>[] = [];
      for (const entry of state.values()) {
        clearTimeout(entry.timer);
        const child = entry.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) continue;
        alive.push(new Promise((resolve) => child.once('exit', resolve)));
        child.kill('SIGTERM');
      }
      const force = setTimeout(() => {
        for (const entry of state.values()) entry.child?.kill('SIGKILL');
      }, graceMs);
      await Promise.all(alive).finally(() => clearTimeout(force));
    },
  };
}
