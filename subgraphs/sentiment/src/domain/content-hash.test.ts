// Tests for the news content hash: stable across formatting noise, different for different stories,
// and pinned to a known value so a change of layout cannot slip in unnoticed.
import { newsContentHash, normaliseForHash } from './content-hash';

const story = { source: 'Reuters', headline: 'Apple beats estimates', publishedAt: '2025-01-02T14:30:00Z' };

describe('newsContentHash', () => {
  it('is 64 lower-case hex characters and pinned for the v1 layout', () => {
    const hash = newsContentHash(story);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // sha256 of ["news-v1","reuters","apple beats estimates","2025-01-02T14:30:00.000Z"] as JSON.
    expect(hash).toBe('e08dc2fa40df6a9726140d5b67559c5e73cb8e68040f9f652c28131a5f310bce');
  });

  it('ignores case, surrounding and repeated whitespace, Unicode width forms and how the instant is written', () => {
    const same = [
      { source: ' REUTERS ', headline: 'Apple   beats\testimates\n', publishedAt: '2025-01-02T14:30:00.000Z' },
      { source: 'reuters', headline: 'apple beats estimates', publishedAt: '2025-01-02T15:30:00+01:00' },
      { source: 'Ｒｅｕｔｅｒｓ', headline: 'Apple\u00a0beats estimates', publishedAt: new Date('2025-01-02T14:30:00Z') },
    ];
    for (const s of same) expect(newsContentHash(s)).toBe(newsContentHash(story));
  });

  it('differs when source, headline (punctuation included) or instant differ', () => {
    const base = newsContentHash(story);
    expect(newsContentHash({ ...story, source: 'Bloomberg' })).not.toBe(base);
    expect(newsContentHash({ ...story, headline: 'Apple beats estimates?' })).not.toBe(base);
    expect(newsContentHash({ ...story, publishedAt: '2025-01-02T14:30:01Z' })).not.toBe(base);
  });

  it('cannot be confused by moving text between fields', () => {
    expect(newsContentHash({ ...story, source: 'a b', headline: 'c' })).not.toBe(newsContentHash({ ...story, source: 'a', headline: 'b c' }));
  });

  it('normalises text for comparison only', () => {
    expect(normaliseForHash('  Ｔｅｓｌａ\u00a0 Q3\n')).toBe('tesla q3');
  });
});
