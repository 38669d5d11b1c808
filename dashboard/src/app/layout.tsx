// The root layout: reads the runtime (gateway address, credential, account) at request time on the
// server and gives it to the client providers; every page is rendered inside the shell.
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { Shell } from '@/components/shell';
import { readRuntime } from '@/lib/runtime';
import './globals.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'AITrader', description: 'AI-assisted paper trading, live' };
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers runtime={readRuntime()}>
          <Shell>{children}</Shell>
        </Providers>
      </body>
    </html>
  );
}
