// The strategy's decisions: action and combined score, each factor's weighted contribution as a bar
// (scaled so a factor at full strength under the largest weight fills it), which inputs were
// available, the risk check's outcome and the reason, with the raw factors on request.
import { SignedBar } from '@/components/signed-bar';
import type { StrategyQuery } from '@/gql/graphql';
import { FACTOR_NAMES, parseDecisionFactors, SOURCE_NAMES, type DecisionFactorsView } from '@/lib/decision-factors';
import { formatQuantity, formatSigned, formatTime } from '@/lib/format';

type Decision = StrategyQuery['decisions'][number];

const FACTOR_LABELS: Record<(typeof FACTOR_NAMES)[number], string> = { signal: 'Signal', forecast: 'Forecast', sentiment: 'Sentiment', rsi: 'RSI' };

export function DecisionsTable({ decisions, barScale, filtered }: { decisions: Decision[]; barScale: number; filtered: boolean }) {
  if (decisions.length === 0) return <p className="empty">{filtered ? 'No decisions match the filters.' : 'No decisions yet.'}</p>;
  return (
    <div className="table-scroll">
      <table data-testid="decisions">
        <thead>
          <tr>
            <th>Time</th><th>Symbol</th><th>Action</th><th>Combined</th>
            {FACTOR_NAMES.map((f) => <th key={f}>{FACTOR_LABELS[f]}</th>)}
            <th>Inputs</th><th>Risk</th><th>Reason</th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((d) => <DecisionRow key={d.id} decision={d} barScale={barScale} />)}
        </tbody>
      </table>
    </div>
  );
}

function DecisionRow({ decision: d, barScale }: { decision: Decision; barScale: number }) {
  const factors = parseDecisionFactors(d.factors);
  return (
    <tr data-decision-id={d.id} data-action={d.action} data-risk-rejected={d.riskRejected}>
      <td>{formatTime(d.decidedAt)}</td>
      <td><a href={`/instrument/${d.symbol}`}>{d.symbol}</a></td>
      <td className={d.action === 'BUY' ? 'up' : d.action === 'SELL' ? 'down' : ''}>
        {d.action}{d.quantity ? ` ${formatQuantity(d.quantity)}` : ''}{factors.skipped ? ' (skipped)' : ''}
      </td>
      <td><SignedBar value={d.combinedScore} testId="combined" /></td>
      {FACTOR_NAMES.map((f) => (
        <td key={f}><SignedBar value={factors.contributions[f]} scale={barScale} testId={`contribution-${f}`} /></td>
      ))}
      <td><Sources factors={factors} /></td>
      <td>
        {d.riskRejected ? <span className="status down" data-testid="risk-rejected">rejected: {d.riskReason ?? 'no reason given'}</span> : <span className="status ok">passed</span>}
      </td>
      <td style={{ whiteSpace: 'normal', minWidth: 220 }}>
        {d.reason}
        <RawFactors factors={factors} />
      </td>
    </tr>
  );
}

function Sources({ factors }: { factors: DecisionFactorsView }) {
  return (
    <span className="row" style={{ gap: '.25rem' }}>
      {SOURCE_NAMES.map((name) => {
        const source = factors.sources[name];
        const available = source !== null && source !== 'unavailable';
        return (
          <span key={name} className={`status ${source === null ? '' : available ? 'ok' : 'down'}`} data-testid={`source-${name}`} title={source ?? 'not recorded'}>
            {name}{available ? '' : source === null ? ' ?' : ' ✕'}
          </span>
        );
      })}
    </span>
  );
}

function RawFactors({ factors }: { factors: DecisionFactorsView }) {
  const { raw } = factors;
  return (
    <details>
      <summary className="hint">Raw factors</summary>
      <span className="hint">
        signal {formatSigned(raw.signalScore)} · forecast direction {formatSigned(raw.forecastDirection)} × confidence {formatSigned(raw.forecastConfidence)} ·
        sentiment {formatSigned(raw.sentiment)} · RSI filter {formatSigned(raw.rsiFilter)} · volatility {formatSigned(raw.volatility)}
        {factors.forecastRule ? ` · rule ${factors.forecastRule}` : ''}
      </span>
    </details>
  );
}
