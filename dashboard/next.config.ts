// Next.js configuration of the dashboard: a client of the gateway only, everything bundled (no CDN, no
// remote fonts), no telemetry, no framework banner.
import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  devIndicators: false,
  typescript: { tsconfigPath: './tsconfig.json' },
};

export default config;
