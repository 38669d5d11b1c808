// Tick-file parsing: the layouts the header may take, what refuses a whole file, and the row rules
// (each rejected row keeps its line number and a reason).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tick } from '@aitrader/platform/messages';
import { TickFileError } from './errors';
import { isKnownSymbol } from './instruments';
import { parseTickFile } from './parse';

const options = { isKnownSymbol };
const csv = (text: string) => parseTickFile(text, 'csv', options);
const ndjson = (text: string) => parseTickFile(text, 'ndjson', options);
const T0 = '2025-09-26T13:30:00.000Z';

describe('CSV layouts', () => {
  test('trades, with columns in any order and mixed-case headers', () => {
    const r = csv('Size,PRICE,symbol,timestamp\n100,255.1,AAPL,2025-09-26T13:30:00Z\n');
    expect(r).toEqual({ ticks: [{ kind: 'trade', symbol: 'AAPL', timestamp: T0, price: 255.1, size: 100, seq: 0 }], rejected: [], total: 1 });
  });

  test('quotes, with snake_case or camelCase size columns', () => {
    const expected = { kind: 'quote', symbol: 'MSFT', timestamp: T0, bid: 511.1, ask: 511.12, bidSize: 200, askSize: 0, seq: 0 };
    expect(csv('timestamp,symbol,bid,ask,bid_size,ask_size\n2025-09-26T13:30:00Z,MSFT,511.10,511.12,200,0').ticks).toEqual([expected]);
    expect(csv('timestamp,symbol,bid,ask,bidSize,askSize\n2025-09-26T13:30:00Z,MSFT,511.10,511.12,200,0').ticks).toEqual([expected]);
  });

  test('depth, where size 0 (a deletion) is allowed', () => {
    const r = csv('timestamp,symbol,side,price,size\n2025-09-26T13:30:00Z,SPY,BID,661.5,0\n2025-09-26T13:30:00Z,SPY,ask,661.6,300\n');
    expect(r.ticks).toEqual([
      { kind: 'depth', symbol: 'SPY', timestamp: T0, side: 'bid', price: 661.5, size: 0, seq: 0 },
      { kind: 'depth', symbol: 'SPY', timestamp: T0, side: 'ask', price: 661.6, size: 300, seq: 1 },
    ]);
  });

  test('mixed, with a type column and empty cells where a column does not apply', () => {
    const text = [
      'type,timestamp,symbol,price,size,bid,ask,bid_size,ask_size,side',
      'quote,2025-09-26T13:30:00Z,AAPL,,,255.10,255.11,300,200,',
      'trade,2025-09-26T13:30:00.500Z,AAPL,255.11,100,,,,,',
      'depth,2025-09-26T13:30:01Z,AAPL,255.09,400,,,,,bid',
      'trade,2025-09-26T13:30:02Z,AAPL,255.11,100,255.10,,,,',
      'swap,2025-09-26T13:30:03Z,AAPL,255.11,100,,,,,',
    ].join('\n');
    const r = csv(text);
    expect(r.ticks.map((t) => t.kind)).toEqual(['quote', 'trade', 'depth']);
    expect(r.ticks.map((t) => t.seq)).toEqual([0, 1, 2]);
    expect(r.rejected).toEqual([
      { line: 5, reason: 'a trade row must leave bid empty' },
      { line: 6, reason: 'type must be trade, quote or depth, got "swap"' },
    ]);
    expect(r.total).toBe(5);
  });

  test('mixed files may carry only the columns of the types they use', () => {
    const r = csv('kind,timestamp,symbol,price,size\ntrade,2025-09-26T13:30:00Z,AAPL,255.1,5\nquote,2025-09-26T13:30:00Z,AAPL,255.1,5\n');
    expect(r.ticks).toHaveLength(1);
    expect(r.rejected).toEqual([{ line: 3, reason: 'a quote row needs column(s) bid, ask, bid_size, ask_size, which the header lacks' }]);
  });
});

describe('whole-file refusals', () => {
  test.each([
    ['timestamp,symbol,price', /missing column\(s\) size/],
    ['timestamp,symbol,price,size,venue', /unexpected column\(s\) venue/],
    ['timestamp,symbol,bid,ask,bid_size', /quote rows: missing column\(s\) ask_size/],
    ['timestamp,symbol,price,price,size', /repeats column\(s\) price/],
    ['type,kind,timestamp,symbol,price,size', /repeats column\(s\) type/],
    ['type,timestamp,price,size', /missing column\(s\) symbol/],
    ['type,timestamp,symbol,foo', /unexpected column\(s\) foo.*no tick type/],
  ])('header %j', (header, message) => {
    const attempt = () => csv(`${header}\n1,2,3,4,5\n`);
    expect(attempt).toThrow(TickFileError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as TickFileError).code).toBe('BAD_COLUMNS');
    }
  });

  test('the error lists missing and unknown columns for the API', () => {
    try {
      csv('timestamp,symbol,price,qty\n');
      throw new Error('unreachable');
    } catch (error) {
      expect(error).toMatchObject({ code: 'BAD_COLUMNS', details: { missing: ['size'], unknown: ['qty'] } });
    }
  });

  test('CSV that cannot be tokenised (an unclosed quote) is refused as malformed', () => {
    expect(() => csv('timestamp,symbol,price,size\n"2025-09-26T13:30:00Z,AAPL,1,1\n')).toThrow(expect.objectContaining({ code: 'MALFORMED_CSV' }));
  });

  test('an unknown format is refused', () => {
    expect(() => parseTickFile('', 'xml' as 'csv', options)).toThrow(expect.objectContaining({ code: 'BAD_FORMAT' }));
  });

  test('empty input, or a header alone, is an empty result', () => {
    expect(csv('')).toEqual({ ticks: [], rejected: [], total: 0 });
    expect(csv('timestamp,symbol,price,size\n\n')).toEqual({ ticks: [], rejected: [], total: 0 });
    expect(ndjson('\n  \n')).toEqual({ ticks: [], rejected: [], total: 0 });
  });
});

describe('row rules', () => {
  const header = 'timestamp,symbol,price,size';
  test.each([
    ['2025-09-26T13:30:00Z,AAPL,NaN,1', 'price "NaN" is not a finite number'],
    ['2025-09-26T13:30:00Z,AAPL,,1', 'price is missing'],
    ['2025-09-26T13:30:00Z,AAPL,abc,1', 'price "abc" is not a finite number'],
    ['2025-09-26T13:30:00Z,AAPL,Infinity,1', 'price "Infinity" is not a finite number'],
    ['2025-09-26T13:30:00Z,AAPL,0x10,1', 'price "0x10" is not a finite number'],
    ['2025-09-26T13:30:00Z,AAPL,1e999,1', 'price "1e999" is not a finite number'],
    ['2025-09-26T13:30:00Z,AAPL,0,1', 'price must be greater than 0, got 0'],
    ['2025-09-26T13:30:00Z,AAPL,-5,1', 'price must be greater than 0, got -5'],
    ['2025-09-26T13:30:00Z,AAPL,1,0', 'size must be greater than 0, got 0'],
    ['2025-09-26T13:30:00Z,ZZZZ,1,1', 'unknown symbol "ZZZZ"'],
    ['2025-09-26T13:30:00,AAPL,1,1', expect.stringMatching(/has no time zone/)],
    ['soon,AAPL,1,1', expect.stringMatching(/neither ISO-8601/)],
    ['2025-09-26T13:30:00Z,AAPL,1', 'expected 4 fields, found 3'],
    ['2025-09-26T13:30:00Z,,x,-1', 'symbol is missing; price "x" is not a finite number; size must be greater than 0, got -1'],
  ])('trade row %j is rejected', (row, reason) => {
    expect(csv(`${header}\n${row}\n`)).toEqual({ ticks: [], rejected: [{ line: 2, reason }], total: 1 });
  });

  test('quotes: crossed is rejected, locked (bid = ask) and zero sizes are fine, negative sizes are not', () => {
    const r = csv(
      [
        'timestamp,symbol,bid,ask,bid_size,ask_size',
        '2025-09-26T13:30:00Z,AAPL,255.12,255.11,1,1',
        '2025-09-26T13:30:00Z,AAPL,255.11,255.11,0,0',
        '2025-09-26T13:30:00Z,AAPL,255.10,255.11,-1,1',
      ].join('\n'),
    );
    expect(r.ticks).toHaveLength(1);
    expect(r.rejected).toEqual([
      { line: 2, reason: 'crossed quote: bid 255.12 is above ask 255.11' },
      { line: 4, reason: 'bid_size must not be negative, got -1' },
    ]);
  });

  test('depth: side must be bid or ask', () => {
    const r = csv('timestamp,symbol,side,price,size\n2025-09-26T13:30:00Z,AAPL,buy,1,1\n');
    expect(r.rejected).toEqual([{ line: 2, reason: 'side must be "bid" or "ask", got "buy"' }]);
  });

  test('timestamps must not go backwards per symbol; other symbols and equal times are unaffected', () => {
    const r = csv(
      [
        header,
        '2025-09-26T13:30:02Z,AAPL,1,1',
        '2025-09-26T13:30:01Z,MSFT,1,1', // another symbol may be earlier
        '2025-09-26T13:30:01Z,AAPL,1,1', // older than AAPL's last accepted row
        '2025-09-26T13:30:02Z,AAPL,2,1', // equal is fine
        '',
        '2025-09-26T13:29:00Z,AAPL,-1,1', // rejected for price: does not move the per-symbol clock
        '2025-09-26T13:30:03Z,AAPL,3,1',
      ].join('\n'),
    );
    expect(r.ticks.map((t) => [t.symbol, t.timestamp, t.seq])).toEqual([
      ['AAPL', '2025-09-26T13:30:02.000Z', 0],
      ['MSFT', '2025-09-26T13:30:01.000Z', 1],
      ['AAPL', '2025-09-26T13:30:02.000Z', 2],
      ['AAPL', '2025-09-26T13:30:03.000Z', 3],
    ]);
    expect(r.rejected).toEqual([
      { line: 4, reason: 'out of order: 2025-09-26T13:30:01.000Z is earlier than the previous AAPL row (2025-09-26T13:30:02.000Z)' },
      { line: 7, reason: 'price must be greater than 0, got -1' },
    ]);
    expect(r.total).toBe(6); // the blank line is not a row
  });

  test('line numbers count blank lines and multi-line quoted cells, and CRLF files read the same', () => {
    const text = `${header}\r\n\r\n2025-09-26T13:30:00Z,"AA\r\nPL",1,1\r\n2025-09-26T13:30:00Z,AAPL,x,1\r\n,,,\r\n`;
    const r = csv(text);
    expect(r.rejected).toEqual([
      { line: 3, reason: 'unknown symbol "AA\nPL"' },
      { line: 5, reason: 'price "x" is not a finite number' },
    ]);
    expect(r.total).toBe(2); // ',,,' counts as blank
    const lf = csv(text.replace(/\r\n/g, '\n'));
    expect(lf.rejected.map((x) => x.line)).toEqual([3, 5]);
  });

  test('epoch ms, µs and ns timestamps and offsets all normalise to the canonical ISO form', () => {
    const rows = ['1758893400000', '1758893400000000', '1758893400000000000', '2025-09-26T09:30:00-04:00'];
    const r = csv(`${header}\n${rows.map((ts) => `${ts},AAPL,1,1`).join('\n')}`);
    expect(r.ticks.map((t) => t.timestamp)).toEqual([T0, T0, T0, T0]);
  });
});

describe('NDJSON', () => {
  test('type or kind, camelCase or snake_case, numbers as JSON numbers or decimal strings; extra fields ignored', () => {
    const lines = [
      `{"type":"trade","timestamp":"${T0}","symbol":"AAPL","price":255.1,"size":"100","venue":"XNAS","seq":99}`,
      `{"kind":"quote","timestamp":1758893400000,"symbol":"AAPL","bid":255.1,"ask":"255.11","bidSize":5,"ask_size":7}`,
      '',
      `{"type":"depth","timestamp":"${T0}","symbol":"AAPL","side":"ask","price":255.12,"size":0}`,
    ];
    const r = ndjson(lines.join('\n'));
    expect(r.rejected).toEqual([]);
    expect(r.total).toBe(3);
    expect(r.ticks).toEqual([
      { kind: 'trade', symbol: 'AAPL', timestamp: T0, price: 255.1, size: 100, seq: 0 },
      { kind: 'quote', symbol: 'AAPL', timestamp: T0, bid: 255.1, ask: 255.11, bidSize: 5, askSize: 7, seq: 1 },
      { kind: 'depth', symbol: 'AAPL', timestamp: T0, side: 'ask', price: 255.12, size: 0, seq: 2 },
    ]);
  });

  test.each([
    ['{"type":"trade"', expect.stringMatching(/^not valid JSON/)],
    ['[1,2]', 'line is not a JSON object'],
    ['"trade"', 'line is not a JSON object'],
    ['{"type":"order"}', 'type (or kind) must be trade, quote or depth, got "order"'],
    ['{"symbol":"AAPL"}', 'type (or kind) must be trade, quote or depth, got null'],
    ['{"type":"trade","kind":"quote"}', 'conflicting values for type'],
    [`{"type":"quote","timestamp":"${T0}","symbol":"AAPL","bid":1,"ask":2,"bidSize":1,"bid_size":2,"askSize":1}`, 'conflicting values for bid_size'],
    [`{"type":"trade","timestamp":"${T0}","symbol":"AAPL","price":null,"size":true}`, 'price is missing; size true is not a finite number'],
    [`{"type":"trade","timestamp":{},"symbol":"AAPL","price":1,"size":1}`, 'timestamp must be a string or a number'],
  ])('%s is rejected', (line, reason) => {
    expect(ndjson(`\n${line}\n`)).toEqual({ ticks: [], rejected: [{ line: 2, reason }], total: 1 });
  });
});

test('every accepted tick passes the platform schema, and ticks + rejected = total', () => {
  const content = readFileSync(join(__dirname, '../../data/sample-trades.csv'), 'utf8');
  const r = csv(content);
  expect(r.total).toBe(12);
  expect(r.rejected).toEqual([]);
  for (const tick of r.ticks) expect(Tick.safeParse(tick).success).toBe(true);
});
