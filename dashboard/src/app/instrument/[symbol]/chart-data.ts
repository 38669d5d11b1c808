// Turns the instrument's query results into chart series: candles, the signals as markers on their
// candle, the sampled VWAP/Bollinger overlays and the forecast as a dashed continuation.
import { chartTime, type CandlePoint, type ChartMarker, type ChartSeries, type LinePoint } from '@/components/time-chart';
import type { CandleInterval, InstrumentCandlesQuery, InstrumentForecastQuery, InstrumentSignalsQuery } from '@/gql/graphql';
import type { IndicatorSample } from './use-indicator-trail';

export type Candle = InstrumentCandlesQuery['candles']['edges'][number]['node'];
export type Signal = InstrumentSignalsQuery['signals']['edges'][number]['node'];
export type Forecast = NonNullable<InstrumentForecastQuery['forecast']>;

/** Every candle interval of the API, with its length in seconds and its label. */
export const INTERVALS: readonly { value: CandleInterval; seconds: number; label: string }[] = [
  { value: 'S1', seconds: 1, label: '1s' },
  { value: 'M1', seconds: 60, label: '1m' },
  { value: 'M5', seconds: 300, label: '5m' },
  { value: 'M15', seconds: 900, label: '15m' },
  { value: 'H1', seconds: 3600, label: '1h' },
  { value: 'D1', seconds: 86_400, label: '1d' },
];

export const secondsOf = (interval: CandleInterval) => INTERVALS.find((i) => i.value === interval)?.seconds ?? 60;

/** Candles the chart shows; the query asks from a start that moves in quarter steps of this span. */
export const CANDLES_SHOWN = 200;

/**
 * The `from` of the candle query: CANDLES_SHOWN intervals before the latest tick, rounded down to a
 * quarter of that span so it changes rarely (the replay's clock is not the wall clock, so "now" will not do).
 */
export function candlesFrom(latestTick: string | null | undefined, interval: CandleInterval): string | null {
  if (!latestTick) return null;
  const at = new Date(latestTick).getTime();
  if (!Number.isFinite(at)) return null;
  const span = CANDLES_SHOWN * secondsOf(interval) * 1000;
  const step = span / 4;
  return new Date(Math.floor((at - span) / step) * step).toISOString();
}

export const candlePoints = (candles: Candle[]): CandlePoint[] =>
  candles.map((c) => ({ time: chartTime(c.openTime), open: c.open, high: c.high, low: c.low, close: c.close }));

/** The candle bucket a time falls in (candles open on multiples of their interval). */
const bucketOf = (seconds: number, interval: number) => Math.floor(seconds / interval) * interval;

/** One marker per candle: its strongest signal (arrow up when bullish), with how many others it hides. */
export function signalMarkers(signals: Signal[], candleTimes: Set<number>, interval: number): ChartMarker[] {
  const strongest = new Map<number, { signal: Signal; count: number }>();
  for (const s of signals) {
    const time = bucketOf(chartTime(s.timestamp), interval);
    if (!candleTimes.has(time)) continue;
    const held = strongest.get(time);
    if (!held) strongest.set(time, { signal: s, count: 1 });
    else strongest.set(time, { signal: Math.abs(s.score) > Math.abs(held.signal.score) ? s : held.signal, count: held.count + 1 });
  }
  return [...strongest.entries()].map(([time, { signal, count }]) => {
    const bullish = signal.score >= 0;
    return {
      time,
      position: bullish ? 'belowBar' : 'aboveBar',
      color: bullish ? '#3fb950' : '#f85149',
      shape: bullish ? 'arrowUp' : 'arrowDown',
      text: count > 1 ? `${signal.detector} +${count - 1}` : signal.detector,
    };
  });
}

/** Seconds between forecast steps: the indicator bar when it came from the signals' history, else a minute. */
export function forecastStepSeconds(forecast: Forecast, barMs: number | undefined): number {
  if (forecast.historySource === 'signals' && barMs) return Math.max(1, Math.round(barMs / 1000));
  return 60;
}

/** The forecast from the last candle on: its close, then points[i] at i+1 steps. */
export function forecastLine(forecast: Forecast, lastCandleTime: number, stepSeconds: number): LinePoint[] {
  return [{ time: lastCandleTime, value: forecast.lastPrice }, ...forecast.points.map((value, i) => ({ time: lastCandleTime + (i + 1) * stepSeconds, value }))];
}

type OverlayKey = 'vwap' | 'bollingerUpper' | 'bollingerMiddle' | 'bollingerLower';

const OVERLAYS: readonly { key: OverlayKey; name: string; color: string }[] = [
  { key: 'vwap', name: 'VWAP', color: '#d29922' },
  { key: 'bollingerUpper', name: 'Bollinger upper', color: '#a371f7' },
  { key: 'bollingerMiddle', name: 'Bollinger middle', color: '#6e7681' },
  { key: 'bollingerLower', name: 'Bollinger lower', color: '#a371f7' },
];

/** VWAP and Bollinger lines from the sampled indicators, each sample on its candle (the last one wins). */
export function overlaySeries(trail: IndicatorSample[], interval: number): ChartSeries[] {
  return OVERLAYS.map(({ key, name, color }) => ({
    kind: 'line' as const,
    name,
    color,
    data: trail.flatMap((s) => {
      const value = s[key];
      return value === null ? [] : [{ time: bucketOf(s.time, interval), value }];
    }),
  })).filter((s) => s.data.length > 0);
}
