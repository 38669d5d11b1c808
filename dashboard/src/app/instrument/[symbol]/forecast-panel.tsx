// The N-BEATS forecast of the symbol: which model version and arm served it, and each step's price
// with its confidence (how likely the price lands on the forecast side of the last price).
import { Figure } from '@/components/figure';
import { ProgressBar } from '@/components/progress-bar';
import { formatMoney, formatPercent, formatTime } from '@/lib/format';
import type { Forecast } from './chart-data';

export function ForecastPanel({ forecast, problem, loading }: { forecast: Forecast | null; problem: string | null; loading: boolean }) {
  return (
    <section className="panel" aria-labelledby="forecast-h">
      <h2 id="forecast-h">Forecast</h2>
      {forecast ? (
        <>
          <div className="figures">
            <Figure label="Last price" value={formatMoney(forecast.lastPrice)} />
            <Figure label={`Step ${forecast.horizon}`} value={formatMoney(forecast.points.at(-1))} className={(forecast.points.at(-1) ?? 0) >= forecast.lastPrice ? 'up' : 'down'} testId="forecast-last" />
            <Figure label="Model" value={forecast.modelVersion} />
            <Figure label="Arm" value={forecast.arm} />
          </div>
          <p className="hint">
            {forecast.provider} · from {forecast.historySource} · {formatTime(forecast.generatedAt)}
          </p>
          <div className="table-scroll">
            <table data-testid="forecast">
              <thead>
                <tr><th className="num">Step</th><th className="num">Price</th><th>Confidence</th></tr>
              </thead>
              <tbody>
                {forecast.points.map((price, i) => (
                  <tr key={i}>
                    <td className="num">{i + 1}</td>
                    <td className="num">{formatMoney(price)}</td>
                    <td>
                      <div className="row" style={{ alignItems: 'center', flexWrap: 'nowrap' }}>
                        <span style={{ minWidth: '4.5em', textAlign: 'right' }}>{formatPercent(forecast.confidence[i])}</span>
                        <div style={{ flex: 1, minWidth: 60 }}><ProgressBar fraction={forecast.confidence[i] ?? 0} label={`Confidence of step ${i + 1}`} /></div>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="empty">{loading ? 'Loading…' : `No forecast${problem ? `: ${problem}` : ' yet.'}`}</p>
      )}
    </section>
  );
}
