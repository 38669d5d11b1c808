// Property tests for the model router: under any interleaving of requests and swaps no request is left
// without a live model, and every swapped-out model is released exactly once, after its last request;
// routing is deterministic and a key in the candidate's share stays there when the weight goes up.
import fc from 'fast-check';
import { createModelRouter, type ModelHandle, type ModelLease } from './router';

type Op =
  | { kind: 'acquire'; key: string }
  | { kind: 'release'; pick: number; ok: boolean }
  | { kind: 'promote'; fromCandidate: boolean }
  | { kind: 'candidate'; weight: number }
  | { kind: 'weight'; weight: number }
  | { kind: 'clear' };

const weight = fc.double({ min: 0, max: 1, noNaN: true });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('acquire' as const), key: fc.string({ maxLength: 6 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat(), ok: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('promote' as const), fromCandidate: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('candidate' as const), weight }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('weight' as const), weight }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const) }) },
);

describe('model router properties', () => {
  it('no request goes without a live model; swapped-out models are released once, after their last request', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        let next = 1;
        const make = (): ModelHandle<number> => ({ version: `nbeats-v${next}`, runner: next++ });
        const outstanding = new Map<ModelHandle<number>, number>();
        const releases: ModelHandle<number>[] = [];
        const models: ModelHandle<number>[] = [];
        const first = make();
        models.push(first);
        const byVersion = (v: string) => models.find((m) => m.version === v);
        const router = createModelRouter<number>({
          promoted: first,
          onRelease: (m) => {
            expect(outstanding.get(m) ?? 0).toBe(0); // nothing still running on it
            const s = router.state();
            expect([s.promoted, s.candidate?.version]).not.toContain(m.version); // not live
            releases.push(m);
          },
        });
        const leases: { lease: ModelLease<number>; model: ModelHandle<number> }[] = [];

        for (const o of ops) {
          if (o.kind === 'acquire') {
            const lease = router.acquire(o.key);
            const model = byVersion(lease.version)!;
            expect(lease.runner).toBe(model.runner);
            expect(releases).not.toContain(model);
            outstanding.set(model, (outstanding.get(model) ?? 0) + 1);
            leases.push({ lease, model });
          } else if (o.kind === 'release' && leases.length > 0) {
            const [entry] = leases.splice(o.pick % leases.length, 1);
            outstanding.set(entry!.model, (outstanding.get(entry!.model) ?? 1) - 1);
            entry!.lease.release({ ok: o.ok });
          } else if (o.kind === 'promote') {
            const candidate = router.state().candidate;
            const target = o.fromCandidate && candidate ? byVersion(candidate.version)! : make();
            if (!models.includes(target)) models.push(target);
            router.promote(target);
          } else if (o.kind === 'candidate') {
            const m = make();
            models.push(m);
            router.setCandidate(m, o.weight);
          } else if (o.kind === 'weight' && router.state().candidate) {
            router.setWeight(o.weight);
          } else if (o.kind === 'clear') {
            router.clearCandidate();
          }
        }
        for (const { lease, model } of leases.splice(0)) {
          outstanding.set(model, (outstanding.get(model) ?? 1) - 1);
          lease.release();
        }

        const s = router.state();
        const live = new Set([s.promoted, s.candidate?.version]);
        expect(new Set(releases).size).toBe(releases.length); // at most once each
        expect(releases.map((m) => m.version).sort()).toEqual(models.filter((m) => !live.has(m.version)).map((m) => m.version).sort());
        expect(router.draining()).toEqual([]);
        const totals = router.metrics().reduce((sum, m) => sum + m.inFlight, 0);
        expect(totals).toBe(0);
      }),
    );
  });

  it('routing is deterministic and monotone in the candidate weight', () => {
    fc.assert(
      fc.property(fc.string(), weight, weight, (key, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const candidate = { model: { version: 'nbeats-v2', runner: 2 }, weight: lo };
        const router = createModelRouter({ promoted: { version: 'nbeats-v1', runner: 1 }, candidate });
        const atLo = router.route(key);
        expect(router.route(key)).toEqual(atLo);
        router.setWeight(hi);
        if (atLo.arm === 'candidate') expect(router.route(key).arm).toBe('candidate');
      }),
    );
  });
});
