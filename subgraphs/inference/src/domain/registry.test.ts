// Tests for the model registry lifecycle: every (state, event) pair of the transition table, the
// promotion rule (READY only, retires the current PROMOTED), and version naming.
import fc from 'fast-check';
import { nextVersionName, promoteVersion, transition, VERSION_EVENTS, VERSION_STATES, type VersionEvent, type VersionState } from './registry';

/** The lifecycle written out pair by pair; "—" marks a refused event. */
const EXPECTED: Record<VersionState, Record<VersionEvent, VersionState | '—'>> = {
  TRAINING: { TRAINED: 'READY', PROMOTE: '—', RETIRE: '—', FAIL: 'FAILED', RESTORE: '—' },
  READY: { TRAINED: '—', PROMOTE: 'PROMOTED', RETIRE: 'RETIRED', FAIL: 'FAILED', RESTORE: '—' },
  PROMOTED: { TRAINED: '—', PROMOTE: '—', RETIRE: 'RETIRED', FAIL: '—', RESTORE: '—' },
  RETIRED: { TRAINED: '—', PROMOTE: '—', RETIRE: '—', FAIL: '—', RESTORE: 'READY' },
  FAILED: { TRAINED: '—', PROMOTE: '—', RETIRE: '—', FAIL: '—', RESTORE: '—' },
};

describe('transition', () => {
  for (const state of VERSION_STATES) {
    for (const event of VERSION_EVENTS) {
      const expected = EXPECTED[state][event];
      it(`${state} + ${event} → ${expected === '—' ? 'refused' : expected}`, () => {
        const r = transition(state, event);
        if (expected === '—') expect(r).toEqual({ ok: false, code: 'INVALID_TRANSITION', reason: `${event} is not allowed from ${state}` });
        else expect(r).toEqual({ ok: true, state: expected });
      });
    }
  }

  it('only a READY version can ever reach PROMOTED, and FAILED is terminal', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VERSION_EVENTS), { maxLength: 20 }), (events) => {
        let state: VersionState = 'TRAINING';
        for (const event of events) {
          const r = transition(state, event);
          if (!r.ok) continue;
          if (r.state === 'PROMOTED') expect(state).toBe('READY');
          expect(state).not.toBe('FAILED');
          state = r.state;
        }
      }),
    );
  });
});

describe('promoteVersion', () => {
  const versions = [
    { name: 'nbeats-v1', state: 'RETIRED' as const },
    { name: 'nbeats-v2', state: 'PROMOTED' as const },
    { name: 'nbeats-v3', state: 'READY' as const },
    { name: 'nbeats-v4', state: 'TRAINING' as const },
  ];

  it('promotes a READY version and retires the promoted one, both changes returned', () => {
    expect(promoteVersion(versions, 'nbeats-v3')).toEqual({
      ok: true,
      changes: [
        { name: 'nbeats-v3', from: 'READY', to: 'PROMOTED' },
        { name: 'nbeats-v2', from: 'PROMOTED', to: 'RETIRED' },
      ],
    });
  });

  it('the first promotion retires nothing', () => {
    expect(promoteVersion([{ name: 'nbeats-v1', state: 'READY' }], 'nbeats-v1')).toEqual({
      ok: true,
      changes: [{ name: 'nbeats-v1', from: 'READY', to: 'PROMOTED' }],
    });
  });

  it('refuses versions that are not READY or do not exist', () => {
    for (const name of ['nbeats-v1', 'nbeats-v2', 'nbeats-v4']) expect(promoteVersion(versions, name)).toMatchObject({ ok: false, code: 'NOT_READY' });
    expect(promoteVersion(versions, 'nbeats-v9')).toEqual({ ok: false, code: 'UNKNOWN_VERSION', reason: 'no model version named nbeats-v9' });
  });

  it('property: after applying the changes exactly one version is PROMOTED, and every change is a legal transition', () => {
    const states = fc.array(fc.constantFrom(...VERSION_STATES), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(states, fc.nat(), (list, pick) => {
        const vs = list.map((state, i) => ({ name: `nbeats-v${i + 1}`, state }));
        const target = vs[pick % vs.length]!;
        const r = promoteVersion(vs, target.name);
        if (target.state !== 'READY') return expect(r.ok).toBe(false);
        if (!r.ok) throw new Error(r.reason);
        const after = new Map(vs.map((v) => [v.name, v.state]));
        for (const c of r.changes) {
          expect(after.get(c.name)).toBe(c.from);
          expect(transition(c.from, c.to === 'PROMOTED' ? 'PROMOTE' : 'RETIRE')).toEqual({ ok: true, state: c.to });
          after.set(c.name, c.to);
        }
        expect([...after.values()].filter((s) => s === 'PROMOTED')).toHaveLength(1);
        expect(after.get(target.name)).toBe('PROMOTED');
      }),
    );
  });
});

describe('nextVersionName', () => {
  it('one past the highest number, compared as numbers, other names ignored', () => {
    expect(nextVersionName([])).toBe('nbeats-v1');
    expect(nextVersionName(['nbeats-v1', 'nbeats-v2'])).toBe('nbeats-v3');
    expect(nextVersionName(['nbeats-v9', 'nbeats-v10', 'nbeats-v2'])).toBe('nbeats-v11');
    expect(nextVersionName(['nbeats-v3', 'nbeats-v3-rc', 'other-v40', 'nbeats-vX', 'xnbeats-v50'])).toBe('nbeats-v4');
    expect(nextVersionName(['sentiment-v2'], 'sentiment')).toBe('sentiment-v3');
    expect(nextVersionName(['a.b-v1', 'aXb-v7'], 'a.b')).toBe('a.b-v2');
    expect(nextVersionName(['nbeats-v99999999999999999999'])).toBe('nbeats-v100000000000000000000');
  });

  it('property: the result is new and sorts numerically after every existing version', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000 })), (ns) => {
        const existing = ns.map((n) => `nbeats-v${n}`);
        const next = nextVersionName(existing);
        expect(existing).not.toContain(next);
        expect(Number(next.slice('nbeats-v'.length))).toBe(Math.max(0, ...ns) + 1);
      }),
    );
  });
});
