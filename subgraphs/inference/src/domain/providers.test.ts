// Tests for execution-provider choice: preference order filtered to the build and the GPU, operator
// overrides, cpu always last, and the account of which provider actually created the session.
import fc from 'fast-check';
import { chooseProviders, describeProvider, planProviders, PROVIDER_PREFERENCE } from './providers';

const cpuOnly = [{ name: 'cpu', bundled: true }];
const gpuBuild = [
  { name: 'cpu', bundled: true },
  { name: 'webgpu', bundled: true },
  { name: 'cuda', bundled: false },
  { name: 'tensorrt', bundled: false },
];

describe('chooseProviders', () => {
  it('tensorrt → cuda → webgpu → cpu on a GPU build with a GPU', () => {
    expect(chooseProviders(gpuBuild, { gpuPresent: true })).toEqual(['tensorrt', 'cuda', 'webgpu', 'cpu']);
  });

  it('only cpu without a GPU, or with the CPU-only package', () => {
    expect(chooseProviders(gpuBuild, { gpuPresent: false })).toEqual(['cpu']);
    expect(chooseProviders(cpuOnly, { gpuPresent: true })).toEqual(['cpu']);
    expect(chooseProviders([], { gpuPresent: true })).toEqual(['cpu']);
  });

  it('keeps providers that are compiled in but not bundled: the runner tries them and falls back', () => {
    expect(chooseProviders([{ name: 'cuda', bundled: false }, ...cpuOnly], { gpuPresent: true })).toEqual(['cuda', 'cpu']);
  });

  it('follows an operator order, case-insensitively, and still ends with cpu', () => {
    expect(chooseProviders(gpuBuild, { gpuPresent: true, preferred: ['CUDA', ' tensorrt '] })).toEqual(['cuda', 'tensorrt', 'cpu']);
    expect(chooseProviders(gpuBuild, { gpuPresent: true, preferred: ['cpu', 'cuda'] })).toEqual(['cuda', 'cpu']);
    expect(chooseProviders(gpuBuild, { gpuPresent: true, preferred: [] })).toEqual(['cpu']);
  });

  it('says why a provider was left out', () => {
    const plan = planProviders([...cpuOnly, { name: 'cuda', bundled: false }], { gpuPresent: false, preferred: ['tensorrt', 'cuda', 'dml'] });
    expect(plan).toEqual({
      providers: ['cpu'],
      skipped: [
        { name: 'tensorrt', reason: 'not in this onnxruntime build' },
        { name: 'cuda', reason: 'no GPU present' },
        { name: 'dml', reason: 'unknown provider (known: tensorrt, cuda, webgpu, cpu)' },
      ],
    });
  });

  it('property: cpu exactly once and last, no duplicates, only available known providers, in preference order by default', () => {
    const backend = fc.record({ name: fc.constantFrom('cpu', 'cuda', 'tensorrt', 'webgpu', 'dml', 'coreml'), bundled: fc.boolean() });
    fc.assert(
      fc.property(fc.array(backend), fc.boolean(), (available, gpuPresent) => {
        const order = chooseProviders(available, { gpuPresent });
        expect(order[order.length - 1]).toBe('cpu');
        expect(order.filter((p) => p === 'cpu')).toHaveLength(1);
        expect(new Set(order).size).toBe(order.length);
        for (const p of order.slice(0, -1)) expect(available.some((b) => b.name === p)).toBe(true);
        if (!gpuPresent) expect(order).toEqual(['cpu']);
        const ranks = order.map((p) => PROVIDER_PREFERENCE.indexOf(p));
        expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
      }),
    );
  });
});

describe('describeProvider', () => {
  it('the first provider that worked, with the failures before it', () => {
    const outcome = describeProvider([
      { provider: 'tensorrt', ok: false, error: 'libnvinfer.so.10: cannot open shared object file' },
      { provider: 'cuda', ok: true },
      { provider: 'cpu', ok: true },
    ]);
    expect(outcome).toEqual({
      provider: 'cuda',
      fellBack: true,
      failures: [{ provider: 'tensorrt', error: 'libnvinfer.so.10: cannot open shared object file' }],
      summary: 'cuda (tensorrt failed: libnvinfer.so.10: cannot open shared object file)',
    });
  });

  it('the first choice working is not a fallback', () => {
    expect(describeProvider([{ provider: 'cpu', ok: true }])).toEqual({ provider: 'cpu', fellBack: false, failures: [], summary: 'cpu' });
  });

  it('null when nothing worked or nothing was tried', () => {
    const none = describeProvider([{ provider: 'cuda', ok: false, error: 'no device' }, { provider: 'cpu', ok: false }]);
    expect(none.provider).toBeNull();
    expect(none.summary).toBe('no execution provider could create a session (cuda failed: no device; cpu failed: unknown error)');
    expect(describeProvider([]).summary).toBe('no execution provider was tried');
  });
});
