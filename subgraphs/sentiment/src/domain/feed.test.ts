// Tests for the NDJSON news feed parser: good lines become items, blank lines are skipped, and bad
// JSON or invalid items are rejected with their line number without stopping the rest.
import { parseNewsFeed } from './feed';

const options = { now: new Date('2025-01-02T15:00:00.000Z'), knownSymbols: new Set(['AAPL', 'MSFT']) };

describe('parseNewsFeed', () => {
  it('parses items, skips blank lines and reports bad lines by number', () => {
    const text = [
      '{"headline":"Apple beats","body":"b","source":"Reuters","symbols":["AAPL"],"published_at":"2025-01-02T14:00:00Z"}',
      '',
      '   ',
      '{"headline":"Microsoft slips","source":"AP","publishedAt":"2025-01-02T14:05:00+00:00"}',
      '{"headline":"broken"',
      '{"headline":"","source":"AP","symbols":["XYZ"],"published_at":"2025-01-02T14:05:00Z"}',
      '[1,2]',
      '',
    ].join('\n');
    const { items, rejected } = parseNewsFeed(text, options);
    expect(items).toEqual([
      { headline: 'Apple beats', body: 'b', source: 'Reuters', url: undefined, symbols: ['AAPL'], publishedAt: new Date('2025-01-02T14:00:00Z') },
      { headline: 'Microsoft slips', body: '', source: 'AP', url: undefined, symbols: [], publishedAt: new Date('2025-01-02T14:05:00Z') },
    ]);
    expect(rejected.map((r) => [r.line, r.errors.map((e) => e.code)])).toEqual([
      [5, ['INVALID_ITEM']],
      [6, ['EMPTY_TEXT', 'UNKNOWN_SYMBOL']],
      [7, ['INVALID_ITEM']],
    ]);
    expect(rejected[0]?.reason).toMatch(/^invalid JSON: /);
    expect(rejected[1]?.reason).toBe('headline must not be blank; unknown symbol "XYZ"');
  });

  it('tolerates a byte-order mark and CRLF line ends', () => {
    const line = '{"headline":"h","source":"s","published_at":"2025-01-02T14:00:00Z"}';
    const { items, rejected } = parseNewsFeed(`\uFEFF${line}\r\n\r\n${line}\r\n`, options);
    expect(items).toHaveLength(2);
    expect(rejected).toEqual([]);
  });

  it('returns nothing for an empty feed', () => {
    expect(parseNewsFeed('', options)).toEqual({ items: [], rejected: [] });
  });
});
