// Real price files: the OHLCV reader gives the trainer's series (closes, oldest first) and refuses what a
// forecaster must not train on; trades aggregate into gap-free minute bars; the bundled Bitstamp file is
// what its README says and is exactly what make-bitstamp-bars.ts writes from bars of its own; and it trains.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BITSTAMP_BARS_FILE } from './data/make-bitstamp-bars';
import { NBeatsInputError } from './errors';
import { formatOhlcvCsv, parseBarTime, parseOhlcvCsv, parseTradesCsv, readOhlcvCsv, tradesToBars } from './ohlcv';
import { train } from './train';

const CSV = ['timestamp,open,high,low,close,volume', '2024-01-02T14:30:00Z,10,11,9,10.5,100', '2024-01-02T14:31:00Z,10.5,10.8,10.1,10.2,50', '2024-01-02T14:32:00Z,10.2,10.4,10,10.3,0', ''].join('\n');

const refusal = (content: string) => {
  try {
    parseOhlcvCsv(content, { source: 'f.csv' });
  } catch (err) {
    return err instanceof NBeatsInputError ? `${err.code}: ${err.message}` : `not an NBeatsInputError: ${String(err)}`;
  }
  return 'accepted';
};

describe('parseOhlcvCsv', () => {
  it('reads bars and gives the closes as the series, oldest first, with the bar interval', () => {
    const { bars, series, intervalMs } = parseOhlcvCsv(CSV);
    expect(Array.from(series)).toEqual([10.5, 10.2, 10.3]);
    expect(series).toBeInstanceOf(Float64Array);
    expect(intervalMs).toBe(60_000);
    expect(bars[0]).toEqual({ time: Date.parse('2024-01-02T14:30:00Z'), open: 10, high: 11, low: 9, close: 10.5, volume: 100 });
    expect(Array.from(parseOhlcvCsv(CSV, { field: 'open' }).series)).toEqual([10, 10.5, 10.2]);
  });

  it('takes columns in any order and case, epoch times, no volume, comments and CRLF', () => {
    const csv = '# exported\r\nClose,Low,High,Open,Time\r\n2,1,2,1.5,1704205800\r\n3,2,3,2,1704205860\r\n';
    const { series, bars, intervalMs } = parseOhlcvCsv(csv);
    expect(Array.from(series)).toEqual([2, 3]);
    expect(bars.map((b) => b.volume)).toEqual([0, 0]);
    expect(intervalMs).toBe(60_000);
  });

  it('refuses, with the file and line, bad prices, inconsistent bars, unordered or zone-less times', () => {
    const head = 'timestamp,open,high,low,close\n';
    expect(refusal(`${head}2024-01-02T14:30:00Z,1,1,1,abc\n`)).toMatch(/^NOT_FINITE: f\.csv:2: close "abc"/);
    expect(refusal(`${head}2024-01-02T14:30:00Z,1,1,1,0\n`)).toMatch(/^NON_POSITIVE: f\.csv:2: close 0/);
    expect(refusal(`${head}2024-01-02T14:30:00Z,1,1,1.2,1.1\n`)).toMatch(/^BAD_OPTION: f\.csv:2: high 1 \/ low 1\.2/);
    expect(refusal(`${head}2024-01-02T14:31:00Z,1,1,1,1\n2024-01-02T14:30:00Z,1,1,1,1\n`)).toMatch(/^BAD_OPTION: f\.csv:3: time .* is not after/);
    expect(refusal(`${head}2024-01-02 14:30:00,1,1,1,1\n`)).toMatch(/^NOT_FINITE: f\.csv:2: bad time/);
    expect(refusal('date,close\n2024-01-02T14:30:00Z,1\n')).toMatch(/^BAD_OPTION: f\.csv: the header needs/);
    expect(refusal(head)).toMatch(/^BAD_LENGTH: f\.csv: no bars/);
  });

  it('reads epoch seconds, milliseconds, microseconds and nanoseconds alike', () => {
    const t = Date.parse('2013-11-25T00:00:00Z');
    expect([parseBarTime('1385337600'), parseBarTime(String(t)), parseBarTime(`${t}000`), parseBarTime(`${t}000000`)]).toEqual([t, t, t, t]);
  });
});

describe('tradesToBars', () => {
  const m = (minute: number, second = 0) => Date.UTC(2024, 0, 2, 14, minute, second);

  it('aggregates trades into UTC-minute OHLCV bars and forward-fills minutes without a trade', () => {
    const bars = tradesToBars([
      { time: m(0, 5), price: 10, amount: 1 },
      { time: m(0, 30), price: 12, amount: 2 },
      { time: m(0, 59), price: 11, amount: 1 },
      { time: m(3, 1), price: 9, amount: 4 },
    ]);
    expect(bars).toEqual([
      { time: m(0), open: 10, high: 12, low: 10, close: 11, volume: 4 },
      { time: m(1), open: 11, high: 11, low: 11, close: 11, volume: 0 },
      { time: m(2), open: 11, high: 11, low: 11, close: 11, volume: 0 },
      { time: m(3), open: 9, high: 9, low: 9, close: 9, volume: 4 },
    ]);
    expect(tradesToBars([])).toEqual([]);
  });

  it('refuses trades out of time order or with a bad price', () => {
    expect(() => tradesToBars([{ time: m(1), price: 1, amount: 1 }, { time: m(0), price: 1, amount: 1 }])).toThrow('out of time order');
    expect(() => tradesToBars([{ time: m(0), price: 0, amount: 1 }])).toThrow(NBeatsInputError);
  });

  it('round-trips through formatOhlcvCsv and parseOhlcvCsv (volumes to 8 decimals)', () => {
    const bars = tradesToBars(parseTradesCsv('timestamp,price,amount\n1385337600,800.01,0.1\n1385337613,800.05,0.27838049\n1385337725,801,1\n'));
    const csv = formatOhlcvCsv(bars);
    expect(csv.split('\n')[1]).toBe('2013-11-25T00:00:00.000Z,800.01,800.05,800.01,800.05,0.37838049');
    const back = parseOhlcvCsv(csv).bars;
    expect(back.map(({ volume, ...rest }) => rest)).toEqual(bars.map(({ volume, ...rest }) => rest));
    expect(formatOhlcvCsv(back)).toBe(csv);
  });
});

describe('the bundled real file (Bitstamp BTC/USD, 1-minute)', () => {
  const file = readOhlcvCsv(BITSTAMP_BARS_FILE);

  it('holds 9,603 gap-free one-minute bars from 2013-11-25 to 2013-12-01, with its source and license named', () => {
    expect(file.series.length).toBe(9603);
    expect(file.intervalMs).toBe(60_000);
    expect(new Date(file.bars[0]!.time).toISOString()).toBe('2013-11-25T00:00:00.000Z');
    expect(new Date(file.bars[file.bars.length - 1]!.time).toISOString()).toBe('2013-12-01T16:02:00.000Z');
    expect(file.bars.filter((b) => b.volume === 0)).toHaveLength(204);
    const readme = readFileSync(join(__dirname, 'data', 'README.md'), 'utf8');
    expect(readme).toMatch(/org\.ta4j:ta4j-examples:0\.15/);
    expect(readme).toMatch(/MIT License/);
  });

  it('is exactly what formatOhlcvCsv writes for its bars (the format make-bitstamp-bars.ts uses)', () => {
    expect(formatOhlcvCsv(file.bars)).toBe(readFileSync(BITSTAMP_BARS_FILE, 'utf8'));
  });

  it('is a series the trainer takes as it is', () => {
    const result = train({ series: file.series.subarray(0, 1500), lookback: 60, horizon: 10, blocks: 1, layersPerBlock: 1, hiddenSize: 8, epochs: 1, seed: 1 });
    expect(result.metrics.validation.count).toBeGreaterThan(0);
    expect(Number.isFinite(result.metrics.validation.relativeToNaive)).toBe(true);
  });
});
