// Tests for the final pure step before storage: symbols settled (given, else tagged), content hash
// attached, and repeats within a batch dropped.
import { newsContentHash } from './content-hash';
import type { NewsItem } from './news-item';
import { dedupeByContentHash, prepareNewsItem } from './prepare';
import { createSymbolTagger } from './symbols';

const tagger = createSymbolTagger([
  { symbol: 'AAPL', name: 'Apple Inc.' },
  { symbol: 'TSLA', name: 'Tesla, Inc.' },
]);
const item: NewsItem = { headline: 'Tesla recalls cars', body: '', source: 'AP', url: undefined, symbols: [], publishedAt: new Date('2025-01-02T14:00:00Z') };

describe('prepareNewsItem', () => {
  it('tags symbols when none were given and attaches the content hash', () => {
    expect(prepareNewsItem(item, tagger)).toEqual({ ...item, symbols: ['TSLA'], symbolOrigin: 'tagged', contentHash: newsContentHash(item) });
  });

  it('keeps given symbols', () => {
    expect(prepareNewsItem({ ...item, symbols: ['AAPL'] }, tagger)).toMatchObject({ symbols: ['AAPL'], symbolOrigin: 'given' });
  });
});

describe('dedupeByContentHash', () => {
  it('keeps the first of each story, in order', () => {
    const a = prepareNewsItem(item, tagger);
    const b = prepareNewsItem({ ...item, headline: 'Apple rises' }, tagger);
    const aAgain = prepareNewsItem({ ...item, headline: '  TESLA recalls   cars ', body: 'longer body' }, tagger);
    expect(dedupeByContentHash([a, b, aAgain])).toEqual([a, b]);
  });
});
