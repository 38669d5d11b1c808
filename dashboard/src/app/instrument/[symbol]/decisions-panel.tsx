'use client';
// The strategy's latest decisions for the symbol (taken or not, with risk rejections), refreshed as
// decisions are made; the Strategy page has their factors.
import Link from 'next/link';
import { useQuery, useSubscription } from 'urql';
import { InstrumentDecisionMadeDocument, InstrumentDecisionsDocument } from '@/gql/graphql';
import { formatQuantity, formatSigned, formatTime, pnlClass } from '@/lib/format';
import { useThrottledRefresh } from '@/lib/use-throttled-refresh';

export function DecisionsPanel({ symbol }: { symbol: string }) {
  const [{ data, error }, reexecute] = useQuery({ query: InstrumentDecisionsDocument, variables: { symbol } });
  const refresh = useThrottledRefresh(() => reexecute({ requestPolicy: 'network-only' }));
  useSubscription({ query: InstrumentDecisionMadeDocument, variables: { symbol } }, (_previous, event) => {
    refresh();
    return event;
  });
  const decisions = data?.decisions ?? [];

  return (
    <section className="panel wide" aria-labelledby="decisions-h">
      <h2 id="decisions-h">Recent decisions</h2>
      {decisions.length ? (
        <div className="table-scroll">
          <table data-testid="decisions">
            <thead>
              <tr><th>Time</th><th>Action</th><th className="num">Score</th><th className="num">Qty</th><th>Reason</th><th>Risk</th></tr>
            </thead>
            <tbody>
              {decisions.map((d) => (
                <tr key={d.id} data-decision-id={d.id}>
                  <td>{formatTime(d.decidedAt)}</td>
                  <td className={d.action === 'BUY' ? 'up' : d.action === 'SELL' ? 'down' : ''}>{d.action}</td>
                  <td className={`num ${pnlClass(d.combinedScore)}`}>{formatSigned(d.combinedScore)}</td>
                  <td className="num">{formatQuantity(d.quantity)}</td>
                  <td style={{ whiteSpace: 'normal', minWidth: 200 }}>{d.reason}</td>
                  <td>{d.riskRejected ? <span className="status down">rejected: {d.riskReason ?? 'no reason given'}</span> : <span className="status ok">passed</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">{error && !data ? `Decisions unavailable: ${error.message}` : `No decisions for ${symbol} yet.`}</p>
      )}
      <p className="hint"><Link href="/strategy">Factors of every decision</Link></p>
    </section>
  );
}
