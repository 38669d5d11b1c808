// Tests for the aggregation windows and the read-request parser built on them.
import { SentimentInputError } from './errors';
import { parseSentimentQuery } from './query';
import { DEFAULT_WINDOW, parseSentimentWindow, parseWindow } from './window';

const knownSymbols = new Set(['AAPL', 'MSFT']);

describe('parseWindow', () => {
  it('maps 15m, 1h and 1d to milliseconds', () => {
    expect(parseWindow('15m')).toBe(900_000);
    expect(parseWindow('1h')).toBe(3_600_000);
    expect(parseWindow('1d')).toBe(86_400_000);
  });

  it('defaults to 1h when the argument is absent, and tolerates case and spaces', () => {
    expect(DEFAULT_WINDOW).toBe('1h');
    expect(parseWindow()).toBe(3_600_000);
    expect(parseWindow(null)).toBe(3_600_000);
    expect(parseSentimentWindow(' 1D ')).toBe('1d');
  });

  it('rejects anything else with UNKNOWN_WINDOW on field window', () => {
    for (const input of ['', '2h', '60m', '1w', 'hour']) {
      expect(() => parseWindow(input)).toThrow(SentimentInputError);
      try {
        parseWindow(input);
      } catch (e) {
        expect(e).toMatchObject({ code: 'UNKNOWN_WINDOW', field: 'window' });
      }
    }
  });
});

describe('parseSentimentQuery', () => {
  it('upper-cases the symbol and resolves the window', () => {
    expect(parseSentimentQuery({ symbol: ' aapl ', window: '15m' }, knownSymbols)).toEqual({ symbol: 'AAPL', window: '15m', windowMs: 900_000 });
    expect(parseSentimentQuery({ symbol: 'MSFT' }, knownSymbols)).toEqual({ symbol: 'MSFT', window: '1h', windowMs: 3_600_000 });
  });

  it('rejects a missing or unknown symbol and an unknown window', () => {
    expect(() => parseSentimentQuery({}, knownSymbols)).toThrow(expect.objectContaining({ code: 'UNKNOWN_SYMBOL', field: 'symbol' }));
    expect(() => parseSentimentQuery({ symbol: 'XYZ' }, knownSymbols)).toThrow(expect.objectContaining({ code: 'UNKNOWN_SYMBOL', message: 'unknown symbol "XYZ"' }));
    expect(() => parseSentimentQuery({ symbol: 'AAPL', window: '5m' }, knownSymbols)).toThrow(expect.objectContaining({ code: 'UNKNOWN_WINDOW' }));
  });
});
