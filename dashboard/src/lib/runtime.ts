// What the dashboard's pages need to reach the gateway, read by the server at request time and handed to
// the browser: the gateway's address as the browser sees it, a credential when the operator gave the
// dashboard one (npm start passes the local development key), and the account it shows.
export interface DashboardRuntime {
  /** The gateway's origin for the browser; null: the page's own host name on `gatewayPort`. */
  gatewayUrl: string | null;
  gatewayPort: number;
  /** A credential given to the dashboard process (development); null: the user signs in with a key. */
  apiKey: string | null;
  accountId: string;
}

export function readRuntime(env: NodeJS.ProcessEnv = process.env): DashboardRuntime {
  return {
    gatewayUrl: env.DASHBOARD_GATEWAY_URL || null,
    gatewayPort: Number(env.GATEWAY_PORT || 8000),
    // Set by the dashboard process (server.ts) from its config: Next sets NODE_ENV=production in any
    // production build, so whether this is a development machine is decided there, not here.
    apiKey: env.DASHBOARD_API_KEY || null,
    accountId: env.DEFAULT_ACCOUNT_ID || 'default',
  };
}

/** The gateway's HTTP origin for this page. */
export function gatewayOrigin(runtime: DashboardRuntime): string {
  if (runtime.gatewayUrl) return runtime.gatewayUrl.replace(/\/$/, '');
  return `${window.location.protocol}//${window.location.hostname}:${runtime.gatewayPort}`;
}
