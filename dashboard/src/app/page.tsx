'use client';
// Overview: the account's equity curve and P&L, cash and buying power, open positions with live marks,
// the latest fills, every service's health and the replay's state. A fill arriving by subscription
// refreshes the account and its positions.
import { useMemo } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useDashboard } from '@/components/providers';
import { useGatewayHealth } from '@/components/health-banner';
import { TimeChart, chartTime } from '@/components/time-chart';
import { AccountFillsDocument, OverviewDocument } from '@/gql/graphql';
import { formatMoney, formatQuantity, formatSigned, formatTime, pnlClass } from '@/lib/format';

export default function OverviewPage() {
  const { runtime } = useDashboard();
  const [{ data, error }, refresh] = useQuery({ query: OverviewDocument, variables: { accountId: runtime.accountId } });
  useSubscription({ query: AccountFillsDocument, variables: { accountId: runtime.accountId } }, (_previous, event) => {
    refresh({ requestPolicy: 'network-only' });
    return event;
  });
  const account = data?.account;
  const equity = useMemo(
    () => [{ kind: 'line' as const, name: 'equity', color: '#58a6ff', data: (account?.equityHistory ?? []).map((p) => ({ time: chartTime(p.at), value: p.equity })) }],
    [account?.equityHistory],
  );
  const fills = data?.fills.edges.map((e) => e.node) ?? [];
  const today = account ? account.equity - account.startingCash : null;

  return (
    <div className="grid">
      {error && !data ? <p role="alert" className="field-error wide">Could not load the account: {error.message}</p> : null}
      <section className="panel wide" aria-labelledby="account-h">
        <h2 id="account-h">Account {account?.name ?? runtime.accountId}</h2>
        {account ? (
          <div className="figures" data-testid="account-figures">
            <Figure label="Equity" value={formatMoney(account.equity)} testId="equity" />
            <Figure label="Cash" value={formatMoney(account.cash)} testId="cash" />
            <Figure label="Buying power" value={formatMoney(account.buyingPower)} />
            <Figure label="Realized P&L" value={formatSigned(account.realizedPnl)} className={pnlClass(account.realizedPnl)} />
            <Figure label="Unrealized P&L" value={formatSigned(account.unrealizedPnl)} className={pnlClass(account.unrealizedPnl)} />
            <Figure label="P&L since start" value={formatSigned(today)} className={pnlClass(today)} />
          </div>
        ) : (
          <p className="empty">{data ? `No account ${runtime.accountId}.` : 'Loading…'}</p>
        )}
      </section>
      <section className="panel wide" aria-labelledby="equity-h">
        <h2 id="equity-h">Equity curve</h2>
        {equity[0]!.data.length ? <TimeChart series={equity} label="Equity over time" /> : <p className="empty">No equity history yet.</p>}
      </section>
      <section className="panel" aria-labelledby="positions-h">
        <h2 id="positions-h">Open positions</h2>
        {account?.positions.length ? (
          <div className="table-scroll">
            <table data-testid="positions">
              <thead>
                <tr><th>Symbol</th><th className="num">Qty</th><th className="num">Avg price</th><th className="num">Mark</th><th className="num">Value</th><th className="num">Unrealized</th></tr>
              </thead>
              <tbody>
                {account.positions.map((p) => (
                  <tr key={p.symbol} data-symbol={p.symbol}>
                    <td><a href={`/instrument/${p.symbol}`}>{p.symbol}</a></td>
                    <td className="num" data-testid={`position-qty-${p.symbol}`}>{formatQuantity(p.quantity)}</td>
                    <td className="num">{formatMoney(p.averagePrice)}</td>
                    <td className="num">{formatMoney(p.marketPrice)}</td>
                    <td className="num">{formatMoney(p.marketValue)}</td>
                    <td className={`num ${pnlClass(p.unrealizedPnl)}`}>{formatSigned(p.unrealizedPnl)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">No open positions.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="fills-h">
        <h2 id="fills-h">Latest fills</h2>
        {fills.length ? (
          <div className="table-scroll">
            <table data-testid="latest-fills">
              <thead>
                <tr><th>Time</th><th>Symbol</th><th>Side</th><th className="num">Qty</th><th className="num">Price</th></tr>
              </thead>
              <tbody>
                {fills.map((f) => (
                  <tr key={f.tradeId}>
                    <td>{formatTime(f.executedAt)}</td>
                    <td>{f.symbol}</td>
                    <td className={f.side === 'BUY' ? 'up' : 'down'}>{f.side}</td>
                    <td className="num">{formatQuantity(f.qty)}</td>
                    <td className="num">{formatMoney(f.price)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">No fills yet.</p>
        )}
      </section>
      <ServicesPanel />
      <section className="panel" aria-labelledby="replay-h">
        <h2 id="replay-h">Replay</h2>
        {data?.replay ? (
          <p data-testid="replay-state">
            <span className="status">{data.replay.state}</span> {data.replay.source ?? 'no source'} — {data.replay.position} / {data.replay.total} rows
            {data.replay.currentTimestamp ? ` at ${formatTime(data.replay.currentTimestamp)}` : ''}
          </p>
        ) : (
          <p className="empty">Replay state unavailable.</p>
        )}
      </section>
    </div>
  );
}

function Figure({ label, value, className = '', testId }: { label: string; value: string; className?: string; testId?: string }) {
  return (
    <div className="figure">
      <div className="label">{label}</div>
      <div className={`value ${className}`} data-testid={testId}>{value}</div>
    </div>
  );
}

function ServicesPanel() {
  const health = useGatewayHealth();
  return (
    <section className="panel" aria-labelledby="services-h">
      <h2 id="services-h">Services</h2>
      {!health ? (
        <p className="empty">Checking…</p>
      ) : !health.reachable ? (
        <p className="field-error">Gateway unreachable.</p>
      ) : (
        <table data-testid="services">
          <tbody>
            {Object.entries(health.health.dependencies).map(([name, dep]) => (
              <tr key={name}>
                <td>{name}</td>
                <td><span className={`status ${dep.status}`}>{dep.status}</span></td>
                <td className="num">{dep.latency_ms} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
