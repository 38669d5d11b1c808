// Runs a command-line tool of the repository as a child process without blocking the test's event loop.
// Why not spawnSync: while it blocks, the in-process servers of a test stack cannot run their keep-alive
// timers; they fire all at once when it returns and close pooled sockets under the next fetch
// (ECONNRESET, seen in CI). An asynchronous child keeps every server's timers on time.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node_modules/.bin/tsx <script> ...args` from the repository root; killed after `timeoutMs`. */
export function runTsx(script: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 40_000): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, script), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
