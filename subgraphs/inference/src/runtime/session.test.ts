// Execution providers on this machine: the GPU runner's plan skips GPU providers without a GPU, and
// session creation falls through a provider that cannot load (CUDA here) to the next one, saying so.
import { readFileSync } from 'node:fs';
import { BOOTSTRAP_FILE } from '../storage/artifacts';
import { availableBackends, cpuProviderSetup, createSession, detectGpu, gpuProviderSetup } from './session';

const bytes = new Uint8Array(readFileSync(BOOTSTRAP_FILE));

test('the onnxruntime-node build lists its backends; cpu is always there', () => {
  expect(availableBackends()).toEqual(expect.arrayContaining([{ name: 'cpu', bundled: true }]));
  expect(cpuProviderSetup().plan.providers).toEqual(['cpu']);
});

test('the GPU runner plans GPU providers only when a GPU is present, cpu always last', () => {
  const setup = gpuProviderSetup();
  expect(setup.plan.providers.at(-1)).toBe('cpu');
  if (!detectGpu().present) {
    expect(setup.plan.providers).toEqual(['cpu']);
    expect(setup.plan.skipped.filter((s) => s.reason === 'no GPU present').map((s) => s.name)).toEqual(
      expect.arrayContaining(setup.available.filter((b) => b.name !== 'cpu').map((b) => b.name)),
    );
  }
  expect(gpuProviderSetup('bogus, cpu').plan.skipped).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'bogus' })]));
});

test('a provider that cannot create the session is skipped and reported; the next one runs the model', async () => {
  const { session, outcome } = await createSession(bytes, detectGpu().present ? ['cpu'] : ['cuda', 'cpu']);
  try {
    expect(outcome.provider).toBe('cpu');
    if (!detectGpu().present) {
      expect(outcome.fellBack).toBe(true);
      expect(outcome.failures.map((f) => f.provider)).toEqual(['cuda']);
      expect(outcome.summary).toMatch(/^cpu \(cuda failed: /);
    }
  } finally {
    await session.release();
  }
});

test('when no provider can create the session, the error lists every failure', async () => {
  await expect(createSession(new Uint8Array([1, 2, 3]), ['cpu'])).rejects.toThrow(/no execution provider could create a session \(cpu failed: /);
});
