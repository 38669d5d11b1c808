// Tests for news item validation: normalisation of a good item, one typed error per problem (all of
// them, not the first), the future-timestamp bound, and the batch validator's indices and size cap.
import { SentimentInputError } from './errors';
import { NEWS_LIMITS, validateNewsBatch, validateNewsItem, type NewsValidationOptions } from './news-item';

const now = new Date('2025-01-02T15:00:00.000Z');
const knownSymbols = new Set(['AAPL', 'MSFT', 'NVDA', 'TSLA', 'SPY', 'AMZN', 'GOOGL', 'META']);
const options: NewsValidationOptions = { now, knownSymbols };

const good = {
  headline: '  Apple beats estimates  ',
  body: 'Revenue rose 8%.',
  source: 'Reuters',
  url: 'https://example.com/news/1',
  symbols: ['MSFT', 'aapl', 'AAPL'],
  published_at: '2025-01-02T14:30:00Z',
};

function errorsOf(input: unknown, opts: NewsValidationOptions = options) {
  const result = validateNewsItem(input, opts);
  if (result.ok) throw new Error('expected the item to be rejected');
  return result.errors.map((e) => ({ code: e.code, field: e.field }));
}

describe('validateNewsItem', () => {
  it('accepts a good item and normalises it', () => {
    const result = validateNewsItem(good, options);
    expect(result).toEqual({
      ok: true,
      item: {
        headline: 'Apple beats estimates',
        body: 'Revenue rose 8%.',
        source: 'Reuters',
        url: 'https://example.com/news/1',
        symbols: ['AAPL', 'MSFT'],
        publishedAt: new Date('2025-01-02T14:30:00Z'),
      },
    });
  });

  it('fills optional fields: no body → "", no/null/empty url → undefined, no symbols → []', () => {
    const result = validateNewsItem({ headline: 'h', source: 's', url: '', symbols: null, published_at: '2025-01-02T14:30:00+01:00' }, options);
    expect(result).toEqual({
      ok: true,
      item: { headline: 'h', body: '', source: 's', url: undefined, symbols: [], publishedAt: new Date('2025-01-02T13:30:00Z') },
    });
  });

  it('accepts camelCase publishedAt and a Date (what the GraphQL DateTime scalar hands over)', () => {
    const { published_at: _, ...rest } = good;
    const camel = validateNewsItem({ ...rest, publishedAt: '2025-01-02T14:30:00.000Z' }, options);
    const date = validateNewsItem({ ...rest, publishedAt: new Date('2025-01-02T14:30:00Z') }, options);
    expect(camel.ok && camel.item.publishedAt.toISOString()).toBe('2025-01-02T14:30:00.000Z');
    expect(date.ok && date.item.publishedAt.toISOString()).toBe('2025-01-02T14:30:00.000Z');
  });

  it('reports a missing or blank headline and source as EMPTY_TEXT', () => {
    expect(errorsOf({ ...good, headline: '   ' })).toEqual([{ code: 'EMPTY_TEXT', field: 'headline' }]);
    const { headline: _h, source: _s, ...missing } = good;
    expect(errorsOf(missing)).toEqual([
      { code: 'EMPTY_TEXT', field: 'headline' },
      { code: 'EMPTY_TEXT', field: 'source' },
    ]);
  });

  it('measures lengths after trimming and reports TEXT_TOO_LONG per field', () => {
    const max = NEWS_LIMITS.headlineMaxChars;
    expect(validateNewsItem({ ...good, headline: ` ${'x'.repeat(max)} ` }, options).ok).toBe(true);
    expect(errorsOf({ ...good, headline: 'x'.repeat(max + 1) })).toEqual([{ code: 'TEXT_TOO_LONG', field: 'headline' }]);
    expect(validateNewsItem({ ...good, body: 'x'.repeat(20_000) }, options).ok).toBe(true);
    expect(errorsOf({ ...good, body: 'x'.repeat(20_001) })).toEqual([{ code: 'TEXT_TOO_LONG', field: 'body' }]);
    expect(errorsOf({ ...good, source: 'x'.repeat(101) })).toEqual([{ code: 'TEXT_TOO_LONG', field: 'source' }]);
  });

  it('rejects malformed and non-web URLs as INVALID_URL', () => {
    expect(errorsOf({ ...good, url: 'not a url' })).toEqual([{ code: 'INVALID_URL', field: 'url' }]);
    expect(errorsOf({ ...good, url: 'javascript:alert(1)' })).toEqual([{ code: 'INVALID_URL', field: 'url' }]);
    expect(errorsOf({ ...good, url: 42 })).toEqual([{ code: 'INVALID_URL', field: 'url' }]);
  });

  it('reports each unknown or malformed symbol once as UNKNOWN_SYMBOL', () => {
    const result = validateNewsItem({ ...good, symbols: ['AAPL', 'XYZ', 'xyz', 'BAD TICKER'] }, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.field, e.message])).toEqual([
      ['UNKNOWN_SYMBOL', 'symbols', 'unknown symbol "XYZ"'],
      ['UNKNOWN_SYMBOL', 'symbols', 'unknown symbol "BAD TICKER"'],
    ]);
  });

  it('rejects timestamps without a zone, impossible dates and garbage as INVALID_TIMESTAMP', () => {
    for (const published_at of ['2025-01-02T14:30:00', '2025-01-02', '2024-02-30T00:00:00Z', '2025-01-02T24:00:00Z', 'yesterday', 1735828200000, undefined]) {
      expect(errorsOf({ ...good, published_at })).toEqual([{ code: 'INVALID_TIMESTAMP', field: 'published_at' }]);
    }
    expect(validateNewsItem({ ...good, published_at: '2024-02-29T23:59:59.123+0530' }, options).ok).toBe(true);
  });

  it('allows published_at up to 5 minutes after now and rejects anything later', () => {
    const at = (ms: number) => ({ ...good, published_at: new Date(now.getTime() + ms).toISOString() });
    expect(validateNewsItem(at(5 * 60_000), options).ok).toBe(true);
    expect(errorsOf(at(5 * 60_000 + 1))).toEqual([{ code: 'INVALID_TIMESTAMP', field: 'published_at' }]);
    expect(validateNewsItem(at(60 * 60_000), { ...options, maxFutureSkewMs: 2 * 60 * 60_000 }).ok).toBe(true);
  });

  it('reports shape problems as INVALID_ITEM', () => {
    expect(errorsOf('a string')).toEqual([{ code: 'INVALID_ITEM', field: undefined }]);
    expect(errorsOf(null)).toEqual([{ code: 'INVALID_ITEM', field: undefined }]);
    expect(errorsOf([good])).toEqual([{ code: 'INVALID_ITEM', field: undefined }]);
    expect(errorsOf({ ...good, headline: 7, symbols: 'AAPL' })).toEqual([
      { code: 'INVALID_ITEM', field: 'headline' },
      { code: 'INVALID_ITEM', field: 'symbols' },
    ]);
    expect(errorsOf({ ...good, symbols: Array.from({ length: 51 }, () => 'AAPL') })).toEqual([{ code: 'INVALID_ITEM', field: 'symbols' }]);
  });

  it('reports every problem of an item at once', () => {
    expect(errorsOf({ headline: '', body: 'x'.repeat(20_001), source: 'ok', url: 'ftp://x', symbols: ['NOPE'], published_at: 'soon' })).toEqual([
      { code: 'EMPTY_TEXT', field: 'headline' },
      { code: 'TEXT_TOO_LONG', field: 'body' },
      { code: 'INVALID_URL', field: 'url' },
      { code: 'UNKNOWN_SYMBOL', field: 'symbols' },
      { code: 'INVALID_TIMESTAMP', field: 'published_at' },
    ]);
  });
});

describe('validateNewsBatch', () => {
  it('returns every item when all are valid', () => {
    const result = validateNewsBatch([good, { ...good, headline: 'Second' }], options);
    expect(result.ok && result.items.map((i) => i.headline)).toEqual(['Apple beats estimates', 'Second']);
  });

  it('reports every bad item with its index and ingests nothing', () => {
    const result = validateNewsBatch([good, { ...good, headline: '' }, good, { ...good, symbols: ['XYZ'], url: 'nope' }], options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.every((e) => e instanceof SentimentInputError)).toBe(true);
    expect(result.errors.map((e) => e.toJSON())).toEqual([
      { code: 'EMPTY_TEXT', message: 'headline must not be blank', field: 'headline', index: 1 },
      { code: 'INVALID_URL', message: 'url is not a valid absolute URL: "nope"', field: 'url', index: 3 },
      { code: 'UNKNOWN_SYMBOL', message: 'unknown symbol "XYZ"', field: 'symbols', index: 3 },
    ]);
  });

  it('caps the batch size (default 500, configurable) with TOO_MANY_ITEMS', () => {
    expect(validateNewsBatch(Array.from({ length: 500 }, () => good), options).ok).toBe(true);
    const tooMany = validateNewsBatch(Array.from({ length: 501 }, () => good), options);
    expect(!tooMany.ok && tooMany.errors.map((e) => e.toJSON())).toEqual([
      { code: 'TOO_MANY_ITEMS', message: 'at most 500 items per batch, got 501', field: 'items' },
    ]);
    const custom = validateNewsBatch([good, good, good], { ...options, maxItems: 2 });
    expect(!custom.ok && custom.errors[0]?.code).toBe('TOO_MANY_ITEMS');
  });

  it('accepts an empty batch and rejects a non-array', () => {
    expect(validateNewsBatch([], options)).toEqual({ ok: true, items: [] });
    const result = validateNewsBatch({ items: [] }, options);
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual([['INVALID_ITEM', 'items']]);
  });
});
