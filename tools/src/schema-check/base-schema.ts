// Reads the committed supergraph of the base revision (`git show <base>:gateway/supergraph.graphql`).
// The base is `--base <rev>`, else SCHEMA_CHECK_BASE, else origin/main when it exists, else HEAD (so a
// local uncommitted change is checked against the last commit).
import { spawnSync } from 'node:child_process';

export const SUPERGRAPH_PATH = 'gateway/supergraph.graphql';

function git(root: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') || (r.error ? String(r.error) : '') };
}

function revisionExists(root: string, rev: string): boolean {
  return git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).ok;
}

/** The base revision: explicit (flag or env) wins; otherwise origin/main if the clone has it, else HEAD. */
export function resolveBase(root: string, explicit: string | undefined): string {
  if (explicit) return explicit;
  return revisionExists(root, 'origin/main') ? 'origin/main' : 'HEAD';
}

export interface BaseSupergraph {
  base: string;
  /** The committed supergraph SDL of the base, or null when the base has no such file. */
  sdl: string | null;
  /** Why sdl is null (for the report). */
  note?: string;
}

/** Throws when the base revision itself is unknown; a base without the file is "no previous schema". */
export function readBaseSupergraph(root: string, base: string): BaseSupergraph {
  if (!revisionExists(root, base)) throw new Error(`schema check: unknown base revision '${base}'`);
  const r = git(root, ['show', `${base}:${SUPERGRAPH_PATH}`]);
  if (!r.ok) return { base, sdl: null, note: `${base} has no ${SUPERGRAPH_PATH}: treating it as no previous schema` };
  return { base, sdl: r.stdout };
}
