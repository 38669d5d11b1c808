// Execution-provider choice for the GPU runner: which onnxruntime providers to try, in what order, and
// an account of which one actually created the session after the runner tried them in turn.

/** The providers this service knows how to configure, best first. */
export const PROVIDER_PREFERENCE = ['tensorrt', 'cuda', 'webgpu', 'cpu'] as const;
export type ExecutionProvider = (typeof PROVIDER_PREFERENCE)[number];

/** One entry of onnxruntime-node's listSupportedBackends(). */
export interface AvailableBackend {
  name: string;
  /**
   * true: the provider's libraries ship inside the npm package. false: compiled in, but its libraries
   * (CUDA, TensorRT) are installed separately, so creating a session may still fail and fall through.
   */
  bundled: boolean;
}

export interface ProviderOptions {
  /** Operator override of the order (e.g. from an env var); names are case-insensitive. cpu is still appended. */
  preferred?: readonly string[];
  /** Whether a GPU was detected; without one, GPU providers are not even tried. */
  gpuPresent: boolean;
}

export interface ProviderPlan {
  providers: ExecutionProvider[];
  /** Why each named provider was left out, for the startup log. */
  skipped: { name: string; reason: string }[];
}

const GPU_PROVIDERS: ReadonlySet<ExecutionProvider> = new Set(['tensorrt', 'cuda', 'webgpu']);
const isKnown = (name: string): name is ExecutionProvider => (PROVIDER_PREFERENCE as readonly string[]).includes(name);

/** The order to try plus the reasons for what was dropped. cpu is always last: it is bundled everywhere. */
export function planProviders(available: readonly AvailableBackend[], opts: ProviderOptions): ProviderPlan {
  const availableNames = new Set(available.map((b) => b.name.toLowerCase()));
  const wanted = opts.preferred ? opts.preferred.map((n) => n.trim().toLowerCase()).filter((n) => n !== '') : [...PROVIDER_PREFERENCE];
  const providers: ExecutionProvider[] = [];
  const skipped: ProviderPlan['skipped'] = [];
  for (const name of new Set(wanted)) {
    if (name === 'cpu') continue;
    if (!isKnown(name)) skipped.push({ name, reason: `unknown provider (known: ${PROVIDER_PREFERENCE.join(', ')})` });
    else if (!availableNames.has(name)) skipped.push({ name, reason: 'not in this onnxruntime build' });
    else if (GPU_PROVIDERS.has(name) && !opts.gpuPresent) skipped.push({ name, reason: 'no GPU present' });
    else providers.push(name);
  }
  providers.push('cpu');
  return { providers, skipped };
}

/** Providers to try, in order: the preference order (or opts.preferred) filtered to what can run, then cpu. */
export function chooseProviders(available: readonly AvailableBackend[], opts: ProviderOptions): ExecutionProvider[] {
  return planProviders(available, opts).providers;
}

export interface ProviderAttempt {
  provider: string;
  ok: boolean;
  error?: string;
}

export interface ProviderOutcome {
  /** The provider whose session creation succeeded first; null when none did. */
  provider: string | null;
  /** true when an earlier-preferred provider failed before this one worked. */
  fellBack: boolean;
  failures: { provider: string; error: string }[];
  /** One line for logs and the service's health info, e.g. "cuda (tensorrt failed: libnvinfer.so.10 not found)". */
  summary: string;
}

/** Reads the runner's attempts (in the order made) and says which provider actually runs the model. */
export function describeProvider(attempts: readonly ProviderAttempt[]): ProviderOutcome {
  const firstOk = attempts.findIndex((a) => a.ok);
  const tried = firstOk === -1 ? attempts : attempts.slice(0, firstOk);
  const failures = tried.map((a) => ({ provider: a.provider, error: a.error ?? 'unknown error' }));
  const failed = failures.map((f) => `${f.provider} failed: ${f.error}`).join('; ');
  const winner = firstOk === -1 ? undefined : attempts[firstOk];
  if (!winner) {
    const summary = attempts.length === 0 ? 'no execution provider was tried' : `no execution provider could create a session (${failed})`;
    return { provider: null, fellBack: false, failures, summary };
  }
  return {
    provider: winner.provider,
    fellBack: failures.length > 0,
    failures,
    summary: failures.length > 0 ? `${winner.provider} (${failed})` : winner.provider,
  };
}
