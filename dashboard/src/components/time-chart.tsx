'use client';
// A TradingView Lightweight Charts™ chart of time series: lines and/or candles, with optional markers
// on the first series. Data is replaced on every render; the chart itself is created once.
import { useEffect, useRef } from 'react';
import {
  CandlestickSeries, ColorType, createChart, createSeriesMarkers, LineSeries,
  type IChartApi, type ISeriesApi, type SeriesMarker, type Time, type UTCTimestamp,
} from 'lightweight-charts';

export interface LinePoint { time: number; value: number }
export interface CandlePoint { time: number; open: number; high: number; low: number; close: number }
export interface ChartMarker { time: number; position: 'aboveBar' | 'belowBar'; color: string; shape: 'arrowUp' | 'arrowDown' | 'circle'; text: string }

export type ChartSeries =
  | { kind: 'line'; name: string; color: string; data: LinePoint[]; dashed?: boolean }
  | { kind: 'candles'; name: string; data: CandlePoint[] };

/** Seconds since the epoch, as the chart wants them, from an ISO time. */
export const chartTime = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** Points sorted by time with one value per second (the chart refuses duplicates and disorder). */
function ordered<T extends { time: number }>(points: T[]): T[] {
  const byTime = new Map<number, T>();
  for (const p of points) if (Number.isFinite(p.time)) byTime.set(p.time, p);
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

export function TimeChart({ series, markers = [], height = 260, label }: { series: ChartSeries[]; markers?: ChartMarker[]; height?: number; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const handles = useRef<ISeriesApi<'Line' | 'Candlestick'>[]>([]);

  useEffect(() => {
    if (!container.current) return;
    const created = createChart(container.current, {
      height,
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#c9d1d9', attributionLogo: false },
      grid: { vertLines: { color: '#21262d' }, horzLines: { color: '#21262d' } },
      timeScale: { timeVisible: true, secondsVisible: true },
    });
    chart.current = created;
    return () => {
      created.remove();
      chart.current = null;
      handles.current = [];
    };
  }, [height]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    for (const h of handles.current) c.removeSeries(h);
    handles.current = series.map((s) => {
      if (s.kind === 'candles') {
        const h = c.addSeries(CandlestickSeries, { upColor: '#3fb950', downColor: '#f85149', borderVisible: false, wickUpColor: '#3fb950', wickDownColor: '#f85149' });
        h.setData(ordered(s.data).map((p) => ({ ...p, time: p.time as UTCTimestamp })));
        return h;
      }
      const h = c.addSeries(LineSeries, { color: s.color, lineWidth: 2, lineStyle: s.dashed ? 2 : 0, priceLineVisible: false });
      h.setData(ordered(s.data).map((p) => ({ time: p.time as UTCTimestamp, value: p.value })));
      return h;
    });
    const first = handles.current[0];
    if (first && markers.length) createSeriesMarkers(first, ordered(markers).map((m) => ({ ...m, time: m.time as Time })) as SeriesMarker<Time>[]);
    c.timeScale().fitContent();
  }, [series, markers]);

  return <div ref={container} className="chart" role="img" aria-label={label} data-points={series.reduce((n, s) => n + s.data.length, 0)} />;
}
