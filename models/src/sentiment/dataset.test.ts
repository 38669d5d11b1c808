// The labelled data's promises: the held-out set is disjoint from the training set (else its accuracy
// would mean nothing), both are balanced across FinBERT's three labels, and negations are covered.
import { parseNdjson, readHeldoutSet, readTrainingSet } from './dataset';
import { FINANCE_LEXICON } from './finance-lexicon';
import { SENTIMENT_LABELS } from './labels';

const training = readTrainingSet();
const heldout = readHeldoutSet();
const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

describe('labelled finance headlines', () => {
  it('has several hundred training and a separate held-out set, with no text in both (or twice)', () => {
    expect(training.length).toBeGreaterThanOrEqual(600);
    expect(heldout.length).toBeGreaterThanOrEqual(150);
    const keys = [...training, ...heldout].map((r) => key(r.text));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is balanced across positive, negative and neutral', () => {
    for (const rows of [training, heldout]) {
      const counts = SENTIMENT_LABELS.map((l) => rows.filter((r) => r.label === l).length);
      expect(Math.min(...counts) / Math.max(...counts)).toBeGreaterThan(0.9);
    }
  });

  it('includes negated and missed expectations among the negatives', () => {
    const negatives = training.filter((r) => r.label === 'negative').map((r) => r.text.toLowerCase());
    for (const phrase of ['fails to beat', 'not expected to', 'misses', 'no longer expects', 'does not expect']) {
      expect([phrase, negatives.some((t) => t.includes(phrase))]).toEqual([phrase, true]);
    }
  });

  it('has lexicon entries that are lower-case and unique', () => {
    const entries = SENTIMENT_LABELS.flatMap((l) => FINANCE_LEXICON[l]);
    expect(entries.every((e) => e === e.toLowerCase())).toBe(true);
    expect(new Set(entries).size).toBe(entries.length);
  });

  it('rejects malformed lines with their line number', () => {
    expect(() => parseNdjson('{"text":"ok","label":"neutral"}\n{"text":"x","label":"bullish"}\n', 'f')).toThrow('f:2: bad label');
    expect(() => parseNdjson('{"label":"neutral"}', 'f')).toThrow('f:1: missing text');
  });
});
