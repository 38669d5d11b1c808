// Tests for the model router: the A/B split (~20% of 10k keys at weight 0.2), stable routing, hot
// swap that releases the old model only after its in-flight requests finish, and per-version metrics.
import { ModelRouterError } from './errors';
import { bucketOf, stableHash32 } from './hash';
import { createModelRouter, type ModelHandle } from './router';

type Runner = (x: number) => Promise<number>;
const model = (version: string): ModelHandle<Runner> => ({ version, runner: async (x) => x });
const keys = (n: number, prefix = 'AAPL') => Array.from({ length: n }, (_, i) => `${prefix}:${i}`);

describe('stable hash', () => {
  it('is pinned, so routing does not change between releases', () => {
    // Values cross-checked with an independent Python FNV-1a + fmix32.
    expect([stableHash32('AAPL:0'), stableHash32('nbeats-v3\u0000req-1')]).toEqual([4219703443, 3206105557]);
    expect(stableHash32('AAPL:1')).not.toBe(stableHash32('AAPL:2'));
  });

  it('spreads sequential keys evenly over [0, 1)', () => {
    const deciles = new Array<number>(10).fill(0);
    for (const k of keys(10_000)) deciles[Math.floor(bucketOf(k) * 10)]! += 1;
    for (const d of deciles) expect(Math.abs(d - 1000)).toBeLessThan(120);
  });
});

describe('createModelRouter', () => {
  it('sends ~20% of 10k keys to a candidate weighted 0.2', () => {
    const router = createModelRouter({ promoted: model('nbeats-v1'), candidate: { model: model('nbeats-v2'), weight: 0.2 } });
    for (const prefix of ['AAPL', 'req']) {
      const share = keys(10_000, prefix).filter((k) => router.route(k).version === 'nbeats-v2').length / 10_000;
      expect(share).toBeGreaterThanOrEqual(0.18);
      expect(share).toBeLessThanOrEqual(0.22);
    }
  });

  it('routes the same key to the same version every time', () => {
    const router = createModelRouter({ promoted: model('nbeats-v1'), candidate: { model: model('nbeats-v2'), weight: 0.5 } });
    for (const k of keys(200)) expect(router.route(k)).toEqual(router.route(k));
  });

  it('weight 0 sends nothing to the candidate, weight 1 everything', () => {
    const router = createModelRouter({ promoted: model('nbeats-v1'), candidate: { model: model('nbeats-v2'), weight: 0 } });
    expect(keys(1000).every((k) => router.route(k).arm === 'promoted')).toBe(true);
    router.setWeight(1);
    expect(keys(1000).every((k) => router.route(k).arm === 'candidate')).toBe(true);
  });

  it('promote during in-flight requests: old model released only after they complete, exactly once', async () => {
    const released: string[] = [];
    const v1 = model('nbeats-v1');
    const v2 = model('nbeats-v2');
    const router = createModelRouter<Runner>({ promoted: v1, onRelease: (m) => released.push(m.version) });
    const leases = [router.acquire('a'), router.acquire('b'), router.acquire('c')];
    expect(leases.every((l) => l.runner === v1.runner)).toBe(true);

    expect(router.promote(v2)).toEqual({ promoted: 'nbeats-v2' });
    expect(router.acquire('d').version).toBe('nbeats-v2'); // new requests never wait or go without a model
    expect(router.draining()).toEqual(['nbeats-v1']);

    leases[0]!.release();
    leases[1]!.release({ ok: false });
    expect(released).toEqual([]);
    leases[2]!.release();
    leases[2]!.release(); // idempotent
    expect(released).toEqual(['nbeats-v1']);
    expect(router.draining()).toEqual([]);
    expect(() => router.promote(v1)).toThrow(ModelRouterError); // its session is gone
  });

  it('an idle model is released at once on swap; the promoted one never is', () => {
    const released: string[] = [];
    const v1 = model('nbeats-v1');
    const router = createModelRouter<Runner>({ promoted: v1, onRelease: (m) => released.push(m.version) });
    router.promote(v1);
    expect(released).toEqual([]);
    router.promote(model('nbeats-v2'));
    expect(released).toEqual(['nbeats-v1']);
  });

  it('promoting the candidate ends the test without releasing it; replacing a candidate releases the old one', async () => {
    const released: string[] = [];
    const v2 = model('nbeats-v2');
    const onRelease = (m: ModelHandle<Runner>) => released.push(m.version);
    const router = createModelRouter<Runner>({ promoted: model('nbeats-v1'), candidate: { model: v2, weight: 0.3 }, onRelease });
    router.setCandidate(model('nbeats-v3'), 0.1);
    expect(released).toEqual(['nbeats-v2']);
    const v4 = model('nbeats-v4');
    router.setCandidate(v4, 0.5);
    expect(router.promote(v4)).toEqual({ promoted: 'nbeats-v4' });
    expect(released).toEqual(['nbeats-v2', 'nbeats-v3', 'nbeats-v1']);
  });

  it('run() records requests, errors and latency per version, and releases on failure too', async () => {
    let t = 0;
    const router = createModelRouter<Runner>({ promoted: model('nbeats-v1'), now: () => t });
    await router.run('a', async (runner) => {
      t += 4;
      return runner(1);
    });
    await expect(
      router.run('b', async () => {
        t += 6;
        throw new Error('bad');
      }),
    ).rejects.toThrow('bad');
    expect(router.metrics()).toEqual([
      { version: 'nbeats-v1', requests: 2, errors: 1, inFlight: 0, latencyMsSum: 10, latencyCount: 2, meanLatencyMs: 5 },
    ]);
  });

  it('metrics list promoted, candidate, then retired versions', () => {
    const router = createModelRouter({ promoted: model('nbeats-v1'), candidate: { model: model('nbeats-v2'), weight: 0 } });
    router.acquire('x').release({ ok: true, latencyMs: 3 }); // weight 0: served by nbeats-v1
    router.promote(model('nbeats-v3'));
    expect(router.metrics().map((m) => m.version)).toEqual(['nbeats-v3', 'nbeats-v2', 'nbeats-v1']);
    expect(router.metrics()[0]?.meanLatencyMs).toBeNull();
  });

  it('refuses bad weights, weighting without a candidate, and a candidate equal to the promoted version', () => {
    const router = createModelRouter({ promoted: model('nbeats-v1') });
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
        return 'OK';
      } catch (e) {
        return (e as ModelRouterError).code;
      }
    };
    for (const w of [-0.1, 1.1, Number.NaN]) expect(codeOf(() => router.setCandidate(model('nbeats-v2'), w))).toBe('BAD_WEIGHT');
    expect(codeOf(() => router.setWeight(0.5))).toBe('NO_CANDIDATE');
    expect(codeOf(() => router.setCandidate(model('nbeats-v1'), 0.5))).toBe('CANDIDATE_IS_PROMOTED');
    expect(router.clearCandidate()).toEqual({ promoted: 'nbeats-v1' });
  });

  it('an onRelease that throws is reported and does not break the request that triggered it', () => {
    const errors: unknown[] = [];
    const router = createModelRouter<Runner>({
      promoted: model('nbeats-v1'),
      onRelease: () => {
        throw new Error('dispose failed');
      },
      onReleaseError: (e) => errors.push(e),
    });
    const lease = router.acquire('k');
    router.promote(model('nbeats-v2'));
    expect(() => lease.release()).not.toThrow();
    expect(errors).toHaveLength(1);
  });
});
