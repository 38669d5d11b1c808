'use client';
// The platform's health as the gateway's /health reports it, polled every few seconds: a banner when
// the gateway cannot be reached or any service is down (the page itself stays as it was).
import { useEffect, useState } from 'react';
import { useDashboard } from './providers';

export interface DependencyHealth {
  status: 'ok' | 'degraded' | 'down';
  latency_ms: number;
  error?: string;
}
export interface GatewayHealth {
  status: 'ok' | 'degraded' | 'down';
  dependencies: Record<string, DependencyHealth>;
}

export type HealthState = { reachable: true; health: GatewayHealth } | { reachable: false; error: string } | null;

const POLL_MS = 3000;

export function useGatewayHealth(): HealthState {
  const { origin } = useDashboard();
  const [state, setState] = useState<HealthState>(null);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const res = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(POLL_MS) });
        const health = (await res.json()) as GatewayHealth;
        if (!stopped) setState({ reachable: true, health });
      } catch (error) {
        if (!stopped) setState({ reachable: false, error: error instanceof Error ? error.message : String(error) });
      }
    };
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [origin]);
  return state;
}

export function HealthBanner({ state }: { state: HealthState }) {
  if (!state) return null;
  if (!state.reachable) {
    return (
      <div role="alert" className="banner down" data-testid="health-banner">
        The gateway cannot be reached ({state.error}); figures below may be stale.
      </div>
    );
  }
  // The dashboard itself is listed by the gateway too; the page being shown is its own proof of life.
  const down = Object.entries(state.health.dependencies).filter(([name, d]) => d.status === 'down' && name !== 'dashboard');
  if (down.length === 0) return null;
  return (
    <div role="alert" className="banner down" data-testid="health-banner">
      Down: {down.map(([name]) => name).join(', ')} — figures from {down.length === 1 ? 'it' : 'them'} may be missing or stale.
    </div>
  );
}
