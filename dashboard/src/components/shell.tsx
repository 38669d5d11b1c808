'use client';
// The frame of every page: navigation, the health banner and the content.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { HealthBanner, useGatewayHealth } from './health-banner';

const PAGES = [
  { href: '/', label: 'Overview' },
  { href: '/instrument/AAPL', label: 'Instrument' },
  { href: '/blotter', label: 'Blotter' },
  { href: '/strategy', label: 'Strategy' },
  { href: '/models', label: 'Models' },
  { href: '/replay', label: 'Replay' },
];

export function Shell({ children }: { children: ReactNode }) {
  const path = usePathname();
  const health = useGatewayHealth();
  const active = (href: string) => (href === '/' ? path === '/' : path.startsWith(href.split('/').slice(0, 2).join('/')));
  return (
    <>
      <header className="top">
        <span className="brand">AITrader</span>
        <nav aria-label="Pages">
          {PAGES.map((p) => (
            <Link key={p.href} href={p.href} aria-current={active(p.href) ? 'page' : undefined}>
              {p.label}
            </Link>
          ))}
        </nav>
      </header>
      <HealthBanner state={health} />
      <main className="content">{children}</main>
      <footer className="foot">
        Paper trading only. Charts by <a href="https://www.tradingview.com/">TradingView</a> Lightweight Charts™.
      </footer>
    </>
  );
}
