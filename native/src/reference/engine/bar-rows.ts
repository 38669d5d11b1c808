// Growable per-bar columns for `runBatch(..., withIndicators = true)`, turned into the
// Float64Array columns of `BarSeries` at the end.

import type { BarSeries } from '../../types';
import type { Bar } from '../bars';
import type { IndicatorValues } from './symbol-state';

const COLUMNS = [
  'closeIndex',
  'start',
  'open',
  'high',
  'low',
  'close',
  'volume',
  'bidSize',
  'askSize',
  'smaFast',
  'smaSlow',
  'ema',
  'rsi',
  'atr',
  'vwap',
  'bollingerUpper',
  'bollingerMiddle',
  'bollingerLower',
  'zscore',
] as const satisfies ReadonlyArray<keyof BarSeries>;

export class BarRows {
  private readonly columns: Record<keyof BarSeries, number[]> = Object.fromEntries(
    COLUMNS.map((name) => [name, []]),
  ) as unknown as Record<keyof BarSeries, number[]>;

  push(closeIndex: number, bar: Bar, v: IndicatorValues, vwapAtClose: number): void {
    const c = this.columns;
    c.closeIndex.push(closeIndex);
    c.start.push(bar.start);
    c.open.push(bar.open);
    c.high.push(bar.high);
    c.low.push(bar.low);
    c.close.push(bar.close);
    c.volume.push(bar.volume);
    c.bidSize.push(bar.bidSize);
    c.askSize.push(bar.askSize);
    c.smaFast.push(v.smaFast ?? NaN);
    c.smaSlow.push(v.smaSlow ?? NaN);
    c.ema.push(v.ema ?? NaN);
    c.rsi.push(v.rsi ?? NaN);
    c.atr.push(v.atr ?? NaN);
    c.vwap.push(vwapAtClose);
    c.bollingerUpper.push(v.bollingerUpper ?? NaN);
    c.bollingerMiddle.push(v.bollingerMiddle ?? NaN);
    c.bollingerLower.push(v.bollingerLower ?? NaN);
    c.zscore.push(v.zscore ?? NaN);
  }

  toSeries(): BarSeries {
    return Object.fromEntries(COLUMNS.map((name) => [name, Float64Array.from(this.columns[name])])) as unknown as BarSeries;
  }
}
