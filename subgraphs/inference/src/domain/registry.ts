// Model registry lifecycle: one transition table for a version's states (TRAINING → READY → PROMOTED →
// RETIRED, FAILED on the way), the promotion rule, and the next version's name.
import type { VersionRef } from './model';

export type VersionState = 'TRAINING' | 'READY' | 'PROMOTED' | 'RETIRED' | 'FAILED';
export type VersionEvent = 'TRAINED' | 'PROMOTE' | 'RETIRE' | 'FAIL' | 'RESTORE';

export const VERSION_STATES: readonly VersionState[] = ['TRAINING', 'READY', 'PROMOTED', 'RETIRED', 'FAILED'];
export const VERSION_EVENTS: readonly VersionEvent[] = ['TRAINED', 'PROMOTE', 'RETIRE', 'FAIL', 'RESTORE'];

/**
 * Every allowed move; anything not listed is refused.
 *   TRAINING: TRAINED → READY (metrics stored), FAIL → FAILED.
 *   READY:    PROMOTE → PROMOTED, RETIRE → RETIRED (never served), FAIL → FAILED (e.g. will not load).
 *   PROMOTED: RETIRE → RETIRED (normally via promoting a successor, see promoteVersion).
 *   RETIRED:  RESTORE → READY, the rollback path: a retired artifact can be promoted again.
 *   FAILED:   terminal.
 */
export const TRANSITIONS: Readonly<Record<VersionState, Readonly<Partial<Record<VersionEvent, VersionState>>>>> = {
  TRAINING: { TRAINED: 'READY', FAIL: 'FAILED' },
  READY: { PROMOTE: 'PROMOTED', RETIRE: 'RETIRED', FAIL: 'FAILED' },
  PROMOTED: { RETIRE: 'RETIRED' },
  RETIRED: { RESTORE: 'READY' },
  FAILED: {},
};

export type TransitionResult = { ok: true; state: VersionState } | { ok: false; code: 'INVALID_TRANSITION'; reason: string };

export function transition(state: VersionState, event: VersionEvent): TransitionResult {
  const next = TRANSITIONS[state][event];
  if (next === undefined) return { ok: false, code: 'INVALID_TRANSITION', reason: `${event} is not allowed from ${state}` };
  return { ok: true, state: next };
}

export interface VersionRecord {
  name: VersionRef;
  state: VersionState;
}

export interface StateChange {
  name: VersionRef;
  from: VersionState;
  to: VersionState;
}

export type PromotionCode = 'UNKNOWN_VERSION' | 'NOT_READY';
export type PromotionResult = { ok: true; changes: StateChange[] } | { ok: false; code: PromotionCode; reason: string };

/**
 * Only a READY version can be promoted. Promoting it retires whichever version is PROMOTED now (all of
 * them, should bad data hold several), so the returned changes leave exactly one PROMOTED version;
 * the caller applies them in one transaction. The promoted version's change comes first.
 */
export function promoteVersion(versions: readonly VersionRecord[], name: VersionRef): PromotionResult {
  const target = versions.find((v) => v.name === name);
  if (!target) return { ok: false, code: 'UNKNOWN_VERSION', reason: `no model version named ${name}` };
  if (target.state !== 'READY') {
    return { ok: false, code: 'NOT_READY', reason: `${name} is ${target.state}; only READY versions can be promoted` };
  }
  const changes: StateChange[] = [{ name, from: 'READY', to: 'PROMOTED' }];
  for (const v of versions) {
    if (v.state === 'PROMOTED') changes.push({ name: v.name, from: 'PROMOTED', to: 'RETIRED' });
  }
  return { ok: true, changes };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "nbeats-v3" after nbeats-v1 and nbeats-v2: one past the highest number, names in other forms ignored. */
export function nextVersionName(existing: readonly string[], prefix = 'nbeats'): VersionRef {
  const pattern = new RegExp(`^${escapeRegExp(prefix)}-v(\\d+)$`);
  // BigInt so an absurdly long number still yields a name that is new, not a rounded duplicate.
  let highest = 0n;
  for (const name of existing) {
    const digits = pattern.exec(name)?.[1];
    if (digits !== undefined && BigInt(digits) > highest) highest = BigInt(digits);
  }
  return `${prefix}-v${highest + 1n}`;
}
