// Real price files for the forecaster: reads an OHLCV CSV (one bar per line, oldest first) into the
// price series the trainer and the evaluation use (a Float64Array of closes, as `train({ series })`
// takes it), and aggregates raw trades (timestamp, price, amount) into 1-minute bars, which is how the
// bundled file data/bitstamp-btcusd-1m.csv was made. Pure functions over strings plus two file helpers.
import { readFileSync } from 'node:fs';
import { NBeatsInputError } from './errors';

export interface OhlcvBar {
  /** Bar open time, epoch milliseconds (UTC). */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface OhlcvSeries {
  bars: OhlcvBar[];
  /** The chosen price column (close by default), oldest first: what `train({ series })` takes. */
  series: Float64Array;
  /** Step between bars in ms when every bar is one step after the previous one; null when steps vary. */
  intervalMs: number | null;
}

export interface ReadOhlcvOptions {
  /** Price column the series is made of. Default 'close'. */
  field?: 'open' | 'high' | 'low' | 'close';
  /** Name used in error messages (the file's path). */
  source?: string;
}

const TIME_COLUMNS = ['timestamp', 'time', 'date', 'datetime', 'open_time', 'opentime'];
const PRICE_COLUMNS = ['open', 'high', 'low', 'close'] as const;

/** ISO-8601 with a zone, or epoch seconds / milliseconds / microseconds / nanoseconds by magnitude. */
export function parseBarTime(raw: string): number {
  const text = raw.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    if (n < 1e11) return Math.round(n * 1000); // seconds (until the year 5138)
    if (n < 1e14) return Math.round(n); // milliseconds
    if (n < 1e17) return Math.round(n / 1000); // microseconds
    return Math.round(n / 1e6); // nanoseconds
  }
  if (!/(Z|[+-]\d\d:?\d\d)$/i.test(text)) return Number.NaN; // a time without a zone is ambiguous
  return Date.parse(text);
}

/**
 * Parses an OHLCV CSV: a header naming a time column (timestamp, time, date, datetime or open_time) and
 * open, high, low, close (volume optional), any order, any case; comma-separated, no quoted fields.
 * Refuses, with the line number, anything a forecaster must not train on: non-finite or non-positive
 * prices, high below open/close or low above them, negative volume, times out of order or repeated.
 */
export function parseOhlcvCsv(content: string, options: ReadOhlcvOptions = {}): OhlcvSeries {
  const source = options.source ?? 'OHLCV CSV';
  const field = options.field ?? 'close';
  const lines = content.replace(/^\ufeff/, '').split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim() !== '' && !l.startsWith('#'));
  if (headerAt < 0) throw new NBeatsInputError('BAD_LENGTH', `${source}: no header line`);
  const header = lines[headerAt]!.split(',').map((h) => h.trim().toLowerCase());
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const timeCol = col(TIME_COLUMNS);
  const priceCols = PRICE_COLUMNS.map((name) => col([name]));
  const volumeCol = col(['volume', 'vol']);
  if (timeCol < 0 || priceCols.some((c) => c < 0)) {
    throw new NBeatsInputError('BAD_OPTION', `${source}: the header needs a time column (${TIME_COLUMNS.join('/')}) and open, high, low, close; got ${header.join(',')}`);
  }
  const bars: OhlcvBar[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = line.split(',');
    const where = `${source}:${i + 1}`;
    const time = parseBarTime(cells[timeCol] ?? '');
    if (!Number.isFinite(time)) throw new NBeatsInputError('NOT_FINITE', `${where}: bad time ${JSON.stringify(cells[timeCol])} (ISO-8601 with a zone, or epoch s/ms/µs/ns)`);
    const [open, high, low, close] = priceCols.map((c) => Number(cells[c]?.trim() === '' ? Number.NaN : cells[c])) as [number, number, number, number];
    for (const [name, value] of [['open', open], ['high', high], ['low', low], ['close', close]] as const) {
      if (!Number.isFinite(value)) throw new NBeatsInputError('NOT_FINITE', `${where}: ${name} ${JSON.stringify(cells[priceCols[PRICE_COLUMNS.indexOf(name)]!])} is not a number`);
      if (!(value > 0)) throw new NBeatsInputError('NON_POSITIVE', `${where}: ${name} ${value} is not > 0`);
    }
    if (high < Math.max(open, close, low) || low > Math.min(open, close)) {
      throw new NBeatsInputError('BAD_OPTION', `${where}: high ${high} / low ${low} do not bound open ${open} and close ${close}`);
    }
    const volume = volumeCol < 0 ? 0 : Number(cells[volumeCol]);
    if (!Number.isFinite(volume) || volume < 0) throw new NBeatsInputError('NOT_FINITE', `${where}: volume ${JSON.stringify(cells[volumeCol])} is not a number ≥ 0`);
    const previous = bars[bars.length - 1];
    if (previous && time <= previous.time) {
      throw new NBeatsInputError('BAD_OPTION', `${where}: time ${new Date(time).toISOString()} is not after the previous bar's ${new Date(previous.time).toISOString()}`);
    }
    bars.push({ time, open, high, low, close, volume });
  }
  if (bars.length === 0) throw new NBeatsInputError('BAD_LENGTH', `${source}: no bars`);
  const steps = new Set(bars.slice(1).map((b, i) => b.time - bars[i]!.time));
  return {
    bars,
    series: Float64Array.from(bars, (b) => b[field]),
    intervalMs: steps.size === 1 ? [...steps][0]! : null,
  };
}

/** Reads an OHLCV CSV file into bars and the price series the trainer uses (see parseOhlcvCsv). */
export function readOhlcvCsv(path: string, options: Omit<ReadOhlcvOptions, 'source'> = {}): OhlcvSeries {
  return parseOhlcvCsv(readFileSync(path, 'utf8'), { ...options, source: path });
}

export interface Trade {
  /** Epoch milliseconds. */
  time: number;
  price: number;
  amount: number;
}

/**
 * Trades → bars of `intervalMs` aligned to the epoch (UTC minutes for 60 000), from the first trade's bar
 * to the last one's. A bar with no trade repeats the previous close as open/high/low/close with volume 0
 * (the usual forward fill), so the series has one price per step. Trades must be in time order.
 */
export function tradesToBars(trades: readonly Trade[], intervalMs = 60_000): OhlcvBar[] {
  if (trades.length === 0) return [];
  const bars: OhlcvBar[] = [];
  const bucket = (t: number) => Math.floor(t / intervalMs) * intervalMs;
  let current: OhlcvBar | null = null;
  let previousTime = -Infinity;
  for (const trade of trades) {
    if (!(trade.price > 0) || !Number.isFinite(trade.price) || !(trade.amount >= 0)) throw new NBeatsInputError('NON_POSITIVE', `bad trade ${JSON.stringify(trade)}`);
    if (trade.time < previousTime) throw new NBeatsInputError('BAD_OPTION', `trades out of time order at ${new Date(trade.time).toISOString()}`);
    previousTime = trade.time;
    const start = bucket(trade.time);
    while (current && current.time < start) {
      bars.push(current);
      const next: number = current.time + intervalMs;
      current = next < start ? { time: next, open: current.close, high: current.close, low: current.close, close: current.close, volume: 0 } : null;
    }
    if (!current) current = { time: start, open: trade.price, high: trade.price, low: trade.price, close: trade.price, volume: 0 };
    current.high = Math.max(current.high, trade.price);
    current.low = Math.min(current.low, trade.price);
    current.close = trade.price;
    current.volume += trade.amount;
  }
  if (current) bars.push(current);
  return bars;
}

/** A `timestamp,price,amount` trades CSV (epoch seconds), as in ta4j's bitstamp_trades_from_20131125_usd.csv. */
export function parseTradesCsv(content: string): Trade[] {
  return content
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [t, p, a] = line.split(',');
      return { time: parseBarTime(t ?? ''), price: Number(p), amount: Number(a) };
    });
}

/** Bars as CSV (ISO UTC times; prices and volumes as given, trailing zeros dropped). */
export function formatOhlcvCsv(bars: readonly OhlcvBar[]): string {
  const num = (x: number) => String(Number(x.toFixed(8)));
  return `timestamp,open,high,low,close,volume\n${bars.map((b) => [new Date(b.time).toISOString(), num(b.open), num(b.high), num(b.low), num(b.close), num(b.volume)].join(',')).join('\n')}\n`;
}
