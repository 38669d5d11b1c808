'use client';
// The instrument's price chart: candles of the chosen interval with the signals as markers, the
// sampled VWAP/Bollinger overlays and the forecast as a dashed line after the last candle.
import { useMemo } from 'react';
import { TimeChart, type ChartSeries } from '@/components/time-chart';
import type { CandleInterval } from '@/gql/graphql';
import { formatPercent } from '@/lib/format';
import { candlePoints, forecastLine, forecastStepSeconds, INTERVALS, overlaySeries, secondsOf, signalMarkers, type Candle, type Forecast, type Signal } from './chart-data';
import type { IndicatorSample } from './use-indicator-trail';

interface PriceChartProps {
  symbol: string;
  interval: CandleInterval;
  onInterval: (interval: CandleInterval) => void;
  candles: Candle[];
  signals: Signal[];
  forecast: Forecast | null;
  barMs: number | undefined;
  trail: IndicatorSample[];
  loading: boolean;
}

export function PriceChart({ symbol, interval, onInterval, candles, signals, forecast, barMs, trail, loading }: PriceChartProps) {
  const seconds = secondsOf(interval);
  const { series, markers } = useMemo(() => {
    const points = candlePoints(candles);
    const lastTime = points.at(-1)?.time;
    const all: ChartSeries[] = [{ kind: 'candles', name: 'candles', data: points }, ...overlaySeries(trail, seconds)];
    if (forecast && lastTime !== undefined) {
      all.push({ kind: 'line', name: 'forecast', color: '#58a6ff', dashed: true, data: forecastLine(forecast, lastTime, forecastStepSeconds(forecast, barMs)) });
    }
    return { series: all, markers: signalMarkers(signals, new Set(points.map((p) => p.time)), seconds) };
  }, [candles, trail, seconds, forecast, barMs, signals]);

  return (
    <section className="panel wide" aria-labelledby="chart-h">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="chart-h">{symbol} candles</h2>
        <div role="group" aria-label="Candle interval" className="row" data-testid="interval-switch">
          {INTERVALS.map((i) => (
            <button key={i.value} type="button" aria-pressed={i.value === interval} className={i.value === interval ? 'primary' : ''} onClick={() => onInterval(i.value)}>
              {i.label}
            </button>
          ))}
        </div>
      </div>
      {candles.length ? (
        <>
          <TimeChart series={series} markers={markers} height={320} label={`${symbol} ${interval} candles with signals, overlays and forecast`} />
          <p className="hint" data-testid="chart-legend">
            {markers.length} signal marker{markers.length === 1 ? '' : 's'} · {series.filter((s) => s.kind === 'line' && s.name !== 'forecast').map((s) => s.name).join(', ') || 'no overlays yet'}
            {forecast ? ` · dashed: forecast ${forecast.modelVersion}, confidence ${formatPercent(forecast.confidence[0])} (step 1) to ${formatPercent(forecast.confidence.at(-1))} (step ${forecast.horizon})` : ' · no forecast'}
          </p>
        </>
      ) : (
        <p className="empty">{loading ? 'Loading…' : `No ${INTERVALS.find((i) => i.value === interval)?.label ?? interval} candles for ${symbol} yet.`}</p>
      )}
    </section>
  );
}
