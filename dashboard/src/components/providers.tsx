'use client';
// Gives every page the gateway client and the runtime. Without a credential from the server (production)
// the user signs in with an API key, kept in this browser's localStorage.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createGatewayClient } from '@/lib/client';
import { gatewayOrigin, type DashboardRuntime } from '@/lib/runtime';

const KEY_STORAGE = 'aitrader.apiKey';

interface DashboardContext {
  runtime: DashboardRuntime;
  origin: string;
  signOut: () => void;
}

const Context = createContext<DashboardContext | null>(null);

export function useDashboard(): DashboardContext {
  const value = useContext(Context);
  if (!value) throw new Error('useDashboard outside <Providers>');
  return value;
}

export function Providers({ runtime, children }: { runtime: DashboardRuntime; children: ReactNode }) {
  const [origin, setOrigin] = useState<string | null>(null);
  const [apiKey, setApiKey] = useState<string | null>(runtime.apiKey);
  useEffect(() => {
    setOrigin(gatewayOrigin(runtime));
    if (!runtime.apiKey) setApiKey(window.localStorage.getItem(KEY_STORAGE));
  }, [runtime]);
  const gateway = useMemo(() => (origin && apiKey ? createGatewayClient(origin, apiKey) : null), [origin, apiKey]);
  useEffect(() => () => void gateway?.ws.dispose(), [gateway]);

  if (!origin) return <p className="empty">Loading…</p>;
  if (!gateway) {
    return (
      <SignIn
        onKey={(key) => {
          window.localStorage.setItem(KEY_STORAGE, key);
          setApiKey(key);
        }}
      />
    );
  }
  const signOut = () => {
    window.localStorage.removeItem(KEY_STORAGE);
    setApiKey(runtime.apiKey);
  };
  return (
    <Context.Provider value={{ runtime, origin, signOut }}>
      <Provider value={gateway.client}>{children}</Provider>
    </Context.Provider>
  );
}

function SignIn({ onKey }: { onKey: (key: string) => void }) {
  const [key, setKey] = useState('');
  return (
    <main className="sign-in">
      <h1>AITrader</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (key.trim()) onKey(key.trim());
        }}
      >
        <label htmlFor="api-key">API key</label>
        <input id="api-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} placeholder="ait_…" />
        <button type="submit">Sign in</button>
        <p className="hint">Make one with <code>npm run keys -- create --scope read</code>.</p>
      </form>
    </main>
  );
}
