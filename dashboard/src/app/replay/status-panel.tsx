// The replay's state and progress: the state, the source and pacing, position / total as a progress
// bar, the replay clock between the first and last tick, and the rows the file had rejected.
import { Figure } from '@/components/figure';
import { ProgressBar } from '@/components/progress-bar';
import type { ReplayStatusFieldsFragment } from '@/gql/graphql';
import { formatPercent, formatQuantity, formatTime } from '@/lib/format';

const stateClass = (state: ReplayStatusFieldsFragment['state']) => (state === 'RUNNING' ? 'ok' : state === 'PAUSED' ? 'degraded' : state === 'FINISHED' ? 'ok' : '');

export function ReplayStatusPanel({ status }: { status: ReplayStatusFieldsFragment | undefined }) {
  return (
    <section className="panel wide" aria-labelledby="replay-status-h">
      <h2 id="replay-status-h">Replay</h2>
      {status ? (
        <>
          <p>
            <span className={`status ${stateClass(status.state)}`} data-testid="replay-state" aria-live="polite">{status.state}</span>{' '}
            {status.source ?? 'no source'} ·{' '}
            {status.lockstep ? 'lockstep (backtest)' : status.asFastAsPossible ? 'as fast as possible' : `${formatQuantity(status.speed)}× real time`}
          </p>
          <ProgressBar fraction={status.total ? status.position / status.total : 0} label="Replay progress" testId="replay-progress" />
          <div className="figures" style={{ marginTop: '.6rem' }}>
            <Figure label="Position" value={`${formatQuantity(status.position)} / ${formatQuantity(status.total)}`} testId="replay-position" />
            <Figure label="Done" value={formatPercent(status.total ? status.position / status.total : 0)} />
            <Figure label="Published" value={formatQuantity(status.published)} />
            <Figure label="Rejected rows" value={formatQuantity(status.rejectedCount)} className={status.rejectedCount ? 'down' : ''} />
          </div>
          <p className="hint">
            Replay clock {formatTime(status.currentTimestamp)} (from {formatTime(status.firstTimestamp)} to {formatTime(status.lastTimestamp)})
          </p>
          {status.rejectedRows.length ? <RejectedRows rows={status.rejectedRows} /> : null}
        </>
      ) : (
        <p className="empty">Replay state unavailable.</p>
      )}
    </section>
  );
}

export function RejectedRows({ rows }: { rows: { line: number; reason: string }[] }) {
  return (
    <details>
      <summary>{rows.length} rejected row{rows.length === 1 ? '' : 's'}</summary>
      <div className="table-scroll">
        <table data-testid="rejected-rows">
          <thead>
            <tr><th className="num">Line</th><th>Reason</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line}><td className="num">{r.line}</td><td style={{ whiteSpace: 'normal' }}>{r.reason}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
