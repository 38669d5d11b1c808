// OHLCV candles from trades, per symbol and interval, in UTC-aligned buckets
// (openTime = floor(ts / length) * length, closeTime = openTime + length, exclusive).
//
// - A candle closes when a trade of the same symbol lands in a later bucket (addTrade returns it), when
//   closeBefore(watermark) says its time is over, or at flush(). Buckets with no trades make no candle.
// - A trade older than the open bucket (or in a bucket already closed) is counted as late and changes
//   nothing: closed candles are final, because they have already been published and stored.
// - Volume and VWAP are exact for inputs with up to 8 decimals: they are summed as BigInt in units of
//   1e-8, then converted once (VWAP rounded half-up to 8 decimals).
import type { TradeTick } from '@aitrader/platform/messages';
import { parseTimestamp } from './timestamps';

export const CANDLE_INTERVALS = ['1s', '1m', '5m', '15m', '1h', '1d'] as const;
export type CandleInterval = (typeof CANDLE_INTERVALS)[number];

export const INTERVAL_MS: Readonly<Record<CandleInterval, number>> = {
  '1s': 1_000,
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '1d': 86_400_000,
};

export interface Candle {
  symbol: string;
  interval: CandleInterval;
  /** Epoch ms, inclusive. */
  openTime: number;
  /** Epoch ms, exclusive: openTime + interval length. */
  closeTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  tradeCount: number;
  vwap: number;
}

export function isCandleInterval(value: string): value is CandleInterval {
  return (CANDLE_INTERVALS as readonly string[]).includes(value);
}

export function bucketOpenTime(epochMs: number, interval: CandleInterval): number {
  const length = INTERVAL_MS[interval];
  return Math.floor(epochMs / length) * length;
}

const SCALE = 100_000_000n; // 1e-8 units
const toUnits = (x: number): bigint => BigInt(Math.round(x * 1e8));
/** One correctly rounded division while the units fit a double exactly; split beyond that. */
const fromUnits = (units: bigint): number =>
  units <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(units) / 1e8 : Number(units / SCALE) + Number(units % SCALE) / 1e8;

interface OpenCandle {
  candle: Candle;
  volumeUnits: bigint;
  /** Σ price·size in 1e-16 units. */
  notionalUnits: bigint;
}

interface Series {
  open: OpenCandle | null;
  /** openTime of the last candle closed; trades at or before it are late. */
  lastClosedOpenTime: number;
  late: number;
}

export interface CandleAggregatorOptions {
  intervals?: readonly CandleInterval[];
}

export class CandleAggregator {
  readonly intervals: readonly CandleInterval[];
  private readonly series = new Map<string, Series>();

  constructor(options: CandleAggregatorOptions = {}) {
    this.intervals = options.intervals ?? CANDLE_INTERVALS;
    const bad = this.intervals.filter((i) => !isCandleInterval(i));
    if (bad.length > 0 || this.intervals.length === 0) throw new RangeError(`intervals must be some of ${CANDLE_INTERVALS.join(', ')}`);
  }

  /** Adds a trade to every interval; returns the candles this trade closed (shortest interval first). */
  addTrade(trade: TradeTick): Candle[] {
    const ts = parseTimestamp(trade.timestamp);
    const closed: Candle[] = [];
    for (const interval of this.intervals) {
      const series = this.seriesOf(trade.symbol, interval);
      const openTime = bucketOpenTime(ts, interval);
      const current = series.open;
      if (openTime <= series.lastClosedOpenTime || (current !== null && openTime < current.candle.openTime)) {
        series.late += 1;
        continue;
      }
      if (current !== null && openTime > current.candle.openTime) closed.push(this.close(series));
      if (series.open === null) series.open = this.start(trade, interval, openTime);
      else this.extend(series.open, trade);
    }
    return closed;
  }

  /** The open candle, if any (a copy). */
  current(symbol: string, interval: CandleInterval): Candle | undefined {
    const open = this.series.get(key(symbol, interval))?.open;
    return open ? { ...open.candle } : undefined;
  }

  /** Closes every open candle whose closeTime <= watermark (time has moved past it), oldest first. */
  closeBefore(watermarkMs: number): Candle[] {
    const closed: Candle[] = [];
    for (const series of this.series.values()) {
      if (series.open !== null && series.open.candle.closeTime <= watermarkMs) closed.push(this.close(series));
    }
    return closed.sort(byOpenTimeSymbolInterval);
  }

  /** Closes every open candle (end of a replay or file), ordered by openTime, symbol, interval. */
  flush(): Candle[] {
    return this.closeBefore(Number.POSITIVE_INFINITY);
  }

  /** Trades ignored as late, for one symbol/interval or in total. */
  lateCount(symbol?: string, interval?: CandleInterval): number {
    let total = 0;
    for (const [k, series] of this.series) {
      const [s, i] = k.split('|');
      if ((symbol === undefined || s === symbol) && (interval === undefined || i === interval)) total += series.late;
    }
    return total;
  }

  private seriesOf(symbol: string, interval: CandleInterval): Series {
    const k = key(symbol, interval);
    let series = this.series.get(k);
    if (series === undefined) {
      series = { open: null, lastClosedOpenTime: Number.NEGATIVE_INFINITY, late: 0 };
      this.series.set(k, series);
    }
    return series;
  }

  private start(trade: TradeTick, interval: CandleInterval, openTime: number): OpenCandle {
    const { price, size } = trade;
    const candle: Candle = {
      symbol: trade.symbol,
      interval,
      openTime,
      closeTime: openTime + INTERVAL_MS[interval],
      open: price,
      high: price,
      low: price,
      close: price,
      volume: size,
      tradeCount: 1,
      vwap: price,
    };
    return { candle, volumeUnits: toUnits(size), notionalUnits: toUnits(price) * toUnits(size) };
  }

  private extend(open: OpenCandle, trade: TradeTick): void {
    const { candle } = open;
    candle.high = Math.max(candle.high, trade.price);
    candle.low = Math.min(candle.low, trade.price);
    candle.close = trade.price;
    candle.tradeCount += 1;
    open.volumeUnits += toUnits(trade.size);
    open.notionalUnits += toUnits(trade.price) * toUnits(trade.size);
    candle.volume = fromUnits(open.volumeUnits);
    // vwap in 1e-8 units, rounded half-up: (2·N + V) / (2·V)
    candle.vwap = fromUnits((2n * open.notionalUnits + open.volumeUnits) / (2n * open.volumeUnits));
  }

  private close(series: Series): Candle {
    const open = series.open;
    if (open === null) throw new Error('no open candle to close');
    series.open = null;
    series.lastClosedOpenTime = open.candle.openTime;
    return open.candle;
  }
}

const key = (symbol: string, interval: CandleInterval): string => `${symbol}|${interval}`;

function byOpenTimeSymbolInterval(a: Candle, b: Candle): number {
  return a.openTime - b.openTime || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0) || INTERVAL_MS[a.interval] - INTERVAL_MS[b.interval];
}
