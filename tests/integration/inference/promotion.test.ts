// Hot reload and A/B on the real stack: promoting a version while 8 request loops hammer the ONNX runner
// switches serving with zero failed requests, every replica (the GPU runner too) follows through Redis
// pub/sub, a candidate weight splits traffic with per-version counters, and a retired version can be
// promoted back (rollback).
import { gql } from '../support/env';
import { waitFor } from '../support/env';
import { postForecast, pricePath, registerTrainedVersion, startInferenceStack, type InferenceStack } from './support';

let stack: InferenceStack;
beforeAll(async () => {
  stack = await startInferenceStack('promo');
  await registerTrainedVersion(stack, 'nbeats-v1', 11);
  await registerTrainedVersion(stack, 'nbeats-v2', 12);
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const history = pricePath(60, 5, 180, 0.001);
const PROMOTE = `mutation($n: String!, $v: String!) { promoteModel(name: $n, version: $v) {
  model { version status promotedAt } serving { promoted candidate } error { code message field } } }`;

test('promoting under concurrent load switches serving with zero failed requests', async () => {
  const seen: { version: string; startedAt: number }[] = [];
  const failures: unknown[] = [];
  let promotedAt = Infinity;
  const deadline = Date.now() + 1500;
  const loop = async (worker: number) => {
    for (let i = 0; Date.now() < deadline; i++) {
      try {
        const startedAt = Date.now();
        const res = await postForecast(stack.onnx, { symbol: `L${worker}X${i % 7}`, history, horizon: 10 });
        if (res.status !== 200 || res.body.forecast?.length !== 10) failures.push(res);
        else seen.push({ version: res.body.model_version, startedAt });
      } catch (err) {
        failures.push(err);
      }
    }
  };
  const loops = Array.from({ length: 8 }, (_, w) => loop(w));
  await new Promise((r) => setTimeout(r, 500));
  const promoted = await gql(stack.onnx, PROMOTE, { n: stack.modelName, v: 'nbeats-v1' });
  promotedAt = Date.now();
  await Promise.all(loops);

  expect(promoted.errors).toBeUndefined();
  expect(promoted.data!.promoteModel).toMatchObject({ model: { version: 'nbeats-v1', status: 'PROMOTED' }, serving: { promoted: 'nbeats-v1' }, error: null });
  expect(failures).toEqual([]);
  expect(seen.length).toBeGreaterThan(100);
  expect(new Set(seen.map((s) => s.version))).toEqual(new Set(['nbeats-bootstrap', 'nbeats-v1']));
  // Every request sent after the mutation returned was served by the new version.
  const after = seen.filter((s) => s.startedAt > promotedAt);
  expect(after.length).toBeGreaterThan(10);
  expect(after.every((s) => s.version === 'nbeats-v1')).toBe(true);

  // The registry retired the bootstrap; the GPU runner (another replica) hot-reloaded through pub/sub.
  const models = await gql(stack.onnx, 'query($n: String) { models(name: $n) { version status } }', { n: stack.modelName });
  const status = Object.fromEntries(models.data!.models.map((m: { version: string; status: string }) => [m.version, m.status]));
  expect(status).toEqual({ 'nbeats-bootstrap': 'RETIRED', 'nbeats-v1': 'PROMOTED', 'nbeats-v2': 'READY' });
  await waitFor(async () => (await postForecast(stack.gpu, { symbol: 'GPU', history })).body.model_version === 'nbeats-v1', 5000, 'GPU runner on nbeats-v1');
  const health = (await (await fetch(`${stack.onnx}/health`)).json()) as { dependencies: { model: { loaded: string[] } } };
  expect(health.dependencies.model.loaded).toEqual(['nbeats-v1']);

  // The old session drained and was released: its counters stay, it is no longer loaded.
  const metrics = await gql(stack.onnx, '{ modelMetrics { promoted versions { version arm requests errors inFlight } } }');
  const byVersion = Object.fromEntries(metrics.data!.modelMetrics.versions.map((v: { version: string }) => [v.version, v]));
  expect(byVersion['nbeats-v1']).toMatchObject({ arm: 'PROMOTED', errors: 0, inFlight: 0 });
  expect(byVersion['nbeats-bootstrap']).toMatchObject({ arm: 'RETIRED', errors: 0, inFlight: 0 });
}, 30_000);

test('promotion errors are typed and change nothing', async () => {
  const missing = await gql(stack.onnx, PROMOTE, { n: stack.modelName, v: 'nbeats-v99' });
  expect(missing.data!.promoteModel).toMatchObject({ model: null, error: { code: 'NOT_FOUND', field: 'version' } });
  const again = await gql(stack.onnx, PROMOTE, { n: stack.modelName, v: 'nbeats-v1' });
  expect(again.data!.promoteModel).toMatchObject({ model: { version: 'nbeats-v1', status: 'PROMOTED' }, error: null });
  expect((await postForecast(stack.onnx, { symbol: 'AAPL', history })).body.model_version).toBe('nbeats-v1');
});

test('an A/B candidate gets its share of routing keys, counted per version; clearing it ends the split', async () => {
  const SET = `mutation($n: String!, $v: String!, $w: Float!) { setModelCandidate(name: $n, version: $v, weight: $w) {
    serving { promoted candidate candidateWeight } error { code field } } }`;
  expect((await gql(stack.onnx, SET, { n: stack.modelName, v: 'nbeats-v2', w: 1.5 })).data!.setModelCandidate.error).toEqual({ code: 'BAD_WEIGHT', field: 'weight' });
  expect((await gql(stack.onnx, SET, { n: stack.modelName, v: 'nbeats-v1', w: 0.5 })).data!.setModelCandidate.error).toEqual({ code: 'CANDIDATE_IS_PROMOTED', field: 'version' });
  expect((await gql(stack.onnx, SET, { n: 'other-model', v: 'nbeats-v2', w: 0.5 })).data!.setModelCandidate.error).toEqual({ code: 'NOT_SERVED', field: 'name' });

  const set = await gql(stack.onnx, SET, { n: stack.modelName, v: 'nbeats-v2', w: 0.3 });
  expect(set.data!.setModelCandidate).toMatchObject({ serving: { promoted: 'nbeats-v1', candidate: 'nbeats-v2', candidateWeight: 0.3 }, error: null });
  const before = await gql(stack.onnx, '{ modelMetrics { versions { version requests } } }');
  const count = (m: typeof before, v: string) => m.data!.modelMetrics.versions.find((x: { version: string }) => x.version === v)?.requests ?? 0;

  const arms: Record<string, number> = {};
  for (let batch = 0; batch < 10; batch++) {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => postForecast(stack.onnx, { symbol: 'AB', history }, { 'x-routing-key': `client-${batch * 40 + i}` })));
    for (const a of answers) {
      expect(a.status).toBe(200);
      arms[a.body.model_version] = (arms[a.body.model_version] ?? 0) + 1;
      expect(a.body.arm).toBe(a.body.model_version === 'nbeats-v2' ? 'candidate' : 'promoted');
    }
  }
  expect(arms['nbeats-v1']! + arms['nbeats-v2']!).toBe(400);
  expect(arms['nbeats-v2']!).toBeGreaterThan(400 * 0.3 - 45);
  expect(arms['nbeats-v2']!).toBeLessThan(400 * 0.3 + 45);
  // The same key always goes to the same arm.
  const sticky = await Promise.all([1, 2, 3].map(() => postForecast(stack.onnx, { symbol: 'AB', history }, { 'x-routing-key': 'client-7' })));
  expect(new Set(sticky.map((s) => s.body.model_version)).size).toBe(1);

  const after = await gql(stack.onnx, '{ modelMetrics { candidate candidateWeight versions { version arm requests errors } } }');
  expect(after.data!.modelMetrics).toMatchObject({ candidate: 'nbeats-v2', candidateWeight: 0.3 });
  expect(count(after, 'nbeats-v2') - count(before, 'nbeats-v2')).toBe(arms['nbeats-v2']! + sticky.filter((s) => s.body.model_version === 'nbeats-v2').length);
  expect(count(after, 'nbeats-v1') - count(before, 'nbeats-v1')).toBe(arms['nbeats-v1']! + sticky.filter((s) => s.body.model_version === 'nbeats-v1').length);

  // The GPU runner applies the same split (the candidate is stored in Redis and announced).
  await waitFor(async () => {
    const h = (await (await fetch(`${stack.gpu}/health`)).json()) as { dependencies: { model: { candidate: string | null } } };
    return h.dependencies.model.candidate === 'nbeats-v2';
  }, 5000, 'GPU runner candidate');

  const cleared = await gql(stack.onnx, `mutation($n: String!) { clearModelCandidate(name: $n) { serving { promoted candidate } error { code } } }`, { n: stack.modelName });
  expect(cleared.data!.clearModelCandidate).toMatchObject({ serving: { promoted: 'nbeats-v1', candidate: null }, error: null });
  const plain = await Promise.all(Array.from({ length: 20 }, (_, i) => postForecast(stack.onnx, { symbol: 'AB', history }, { 'x-routing-key': `client-${i}` })));
  expect(plain.every((p) => p.body.model_version === 'nbeats-v1')).toBe(true);
}, 30_000);

test('a retired version can be promoted back (rollback)', async () => {
  const back = await gql(stack.onnx, PROMOTE, { n: stack.modelName, v: 'nbeats-bootstrap' });
  expect(back.data!.promoteModel).toMatchObject({ model: { version: 'nbeats-bootstrap', status: 'PROMOTED' }, error: null });
  expect((await postForecast(stack.onnx, { symbol: 'AAPL', history })).body.model_version).toBe('nbeats-bootstrap');
  await waitFor(async () => (await postForecast(stack.gpu, { symbol: 'GPU', history })).body.model_version === 'nbeats-bootstrap', 5000, 'GPU runner rollback');
});
