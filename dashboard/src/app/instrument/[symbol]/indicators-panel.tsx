// The signal engine's indicators at its last closed bar (RSI, ATR, VWAP, Bollinger bands) and the RSI
// as sampled since the page opened, against the oversold/overbought zones the detectors use.
import { useMemo } from 'react';
import { Figure } from '@/components/figure';
import { TimeChart, type ChartSeries } from '@/components/time-chart';
import type { InstrumentMarketQuery } from '@/gql/graphql';
import { formatMoney, formatQuantity } from '@/lib/format';
import type { IndicatorSample } from './use-indicator-trail';

type Indicators = InstrumentMarketQuery['indicators'];
type DetectorConfig = InstrumentMarketQuery['detectorConfig'];

export function IndicatorsPanel({ indicators, config, trail }: { indicators: Indicators | undefined; config: DetectorConfig | undefined; trail: IndicatorSample[] }) {
  const rsiSeries = useMemo<ChartSeries[]>(() => {
    const rsi = trail.flatMap((s) => (s.rsi === null ? [] : [{ time: s.time, value: s.rsi }]));
    if (rsi.length < 2) return [];
    const band = (value: number) => [{ time: rsi[0]!.time, value }, { time: rsi.at(-1)!.time, value }];
    return [
      { kind: 'line', name: 'RSI', color: '#58a6ff', data: rsi },
      ...(config ? ([
        { kind: 'line', name: 'overbought', color: '#f85149', dashed: true, data: band(config.rsiOverbought) },
        { kind: 'line', name: 'oversold', color: '#3fb950', dashed: true, data: band(config.rsiOversold) },
      ] as ChartSeries[]) : []),
    ];
  }, [trail, config]);
  const rsiClass = indicators?.rsi == null || !config ? '' : indicators.rsi >= config.rsiOverbought ? 'down' : indicators.rsi <= config.rsiOversold ? 'up' : '';

  return (
    <section className="panel" aria-labelledby="indicators-h">
      <h2 id="indicators-h">Indicators</h2>
      {indicators ? (
        <>
          <div className="figures" data-testid="indicators">
            <Figure label="RSI" value={formatQuantity(indicators.rsi)} className={rsiClass} testId="rsi" />
            <Figure label="ATR" value={formatMoney(indicators.atr)} testId="atr" />
            <Figure label="VWAP" value={formatMoney(indicators.vwap)} testId="vwap" />
            <Figure label="Bollinger upper" value={formatMoney(indicators.bollingerUpper)} />
            <Figure label="Bollinger middle" value={formatMoney(indicators.bollingerMiddle)} />
            <Figure label="Bollinger lower" value={formatMoney(indicators.bollingerLower)} />
          </div>
          <p className="hint">
            {indicators.barsClosed} bars closed ({indicators.backend}); null values are still warming up.
          </p>
          {rsiSeries.length ? <TimeChart series={rsiSeries} height={140} label="RSI since this page opened" /> : <p className="empty">The RSI line starts once two readings have arrived.</p>}
        </>
      ) : (
        <p className="empty">No indicators yet (none before the symbol&apos;s first trade).</p>
      )}
    </section>
  );
}
