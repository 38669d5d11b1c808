// onnxruntime-node sessions for the runners: which execution providers this machine offers (the build's
// listSupportedBackends() plus whether a GPU is present), and session creation that tries the planned
// providers in order (tensorrt → cuda → webgpu → cpu) and says which one actually created the session.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { InferenceSession, listSupportedBackends } from 'onnxruntime-node';
import { describeProvider, planProviders, type AvailableBackend, type ExecutionProvider, type ProviderAttempt, type ProviderOutcome, type ProviderPlan } from '../domain';

export interface GpuProbe {
  present: boolean;
  /** How it was decided, for /health and the start-up log. */
  evidence: string;
}

/** A GPU is present when an NVIDIA device node exists or `nvidia-smi -L` lists one (or a DirectX/WSL GPU node). */
export function detectGpu(): GpuProbe {
  for (const node of ['/dev/nvidia0', '/dev/dxg']) if (existsSync(node)) return { present: true, evidence: `${node} exists` };
  try {
    const out = execFileSync('nvidia-smi', ['-L'], { encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] });
    if (/GPU \d+:/.test(out)) return { present: true, evidence: `nvidia-smi: ${out.trim().split('\n')[0]}` };
    return { present: false, evidence: 'nvidia-smi lists no GPU' };
  } catch {
    return { present: false, evidence: 'no /dev/nvidia0 and no nvidia-smi' };
  }
}

export function availableBackends(): AvailableBackend[] {
  return listSupportedBackends().map((b) => ({ name: b.name, bundled: b.bundled }));
}

export interface ProviderSetup {
  plan: ProviderPlan;
  gpu: GpuProbe;
  available: AvailableBackend[];
}

/** The GPU runner's provider order: INFERENCE_PROVIDERS (if set) or tensorrt, cuda, webgpu, then cpu; GPU ones only with a GPU. */
export function gpuProviderSetup(preferred?: string): ProviderSetup {
  const available = availableBackends();
  const gpu = detectGpu();
  const plan = planProviders(available, { gpuPresent: gpu.present, preferred: preferred ? preferred.split(',') : undefined });
  return { plan, gpu, available };
}

/** The ONNX runner (:8001) is the seed's CPU runner. */
export function cpuProviderSetup(): ProviderSetup {
  return { plan: { providers: ['cpu'], skipped: [] }, gpu: { present: false, evidence: 'not probed (CPU runner)' }, available: [{ name: 'cpu', bundled: true }] };
}

export interface CreatedSession {
  session: InferenceSession;
  outcome: ProviderOutcome;
}

/** Tries each provider in order until one creates the session; throws with every failure when none does. */
export async function createSession(bytes: Uint8Array, providers: readonly ExecutionProvider[]): Promise<CreatedSession> {
  const attempts: ProviderAttempt[] = [];
  for (const provider of providers) {
    try {
      const session = await InferenceSession.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        executionProviders: [provider],
        graphOptimizationLevel: 'all',
        logSeverityLevel: 3,
      });
      attempts.push({ provider, ok: true });
      return { session, outcome: describeProvider(attempts) };
    } catch (err) {
      attempts.push({ provider, ok: false, error: (err as Error).message.split('\n')[0] });
    }
  }
  throw new Error(describeProvider(attempts).summary);
}
