// The labelled data's promises: the held-out sets are disjoint from the training sets (else their scores
// would mean nothing); the real set is what its README says (rows, label codes → FinBERT's labels, its
// license next to it); the hand-written sets are balanced and cover negations; the CSV reader copes with
// quoted fields.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, parseLabelledCsv, parseNdjson, readHeldoutSet, readRealEvaluationSet, readRealTrainingSet, readTrainingSet, REAL_DATA_DIR } from './dataset';
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

describe('real labelled finance text (financial-news-sentiment)', () => {
  const realTraining = readRealTrainingSet();
  const realEvaluation = readRealEvaluationSet();

  it('holds every record of train.csv and valid.csv, with FinBERT labels, and no text in both', () => {
    // 9,938 / 2,486 lines; some texts span lines inside quotes, so there are fewer records.
    expect(realTraining.length).toBe(9543);
    expect(realEvaluation.length).toBe(2388);
    const count = (rows: typeof realTraining, label: string) => rows.filter((r) => r.label === label).length;
    expect([count(realTraining, 'negative'), count(realTraining, 'positive'), count(realTraining, 'neutral')]).toEqual([1442, 1923, 6178]);
    expect([count(realEvaluation, 'negative'), count(realEvaluation, 'positive'), count(realEvaluation, 'neutral')]).toEqual([347, 475, 1566]);
    const trainingTexts = new Set(realTraining.map((r) => r.text));
    expect(realEvaluation.filter((r) => trainingTexts.has(r.text))).toEqual([]);
  });

  it('maps the codes as its README says: 0 bearish → negative, 1 bullish → positive, 2 neutral', () => {
    expect(realTraining[0]).toEqual({ text: '$BYND - JPMorgan reels in expectations on Beyond Meat https://t.co/bd0xbFGjkT', label: 'negative' });
    expect(parseLabelledCsv('text,label\nup,1\ndown,0\nflat,2\n', 't')).toEqual([
      { text: 'up', label: 'positive' },
      { text: 'down', label: 'negative' },
      { text: 'flat', label: 'neutral' },
    ]);
  });

  it('keeps its attribution (source, MIT license) next to the files', () => {
    const readme = join(REAL_DATA_DIR, 'README.md');
    expect(existsSync(readme)).toBe(true);
    expect(readFileSync(readme, 'utf8')).toMatch(/MIT/);
    expect(readFileSync(readme, 'utf8')).toMatch(/twitter-financial-news-sentiment/);
  });

  it('reads quoted CSV fields with commas, doubled quotes and line breaks, and refuses bad rows', () => {
    expect(parseCsv('a,b\r\n"x, ""y""\nz",2\n')).toEqual([['a', 'b'], ['x, "y"\nz', '2']]);
    expect(() => parseLabelledCsv('text,label\nok,3\n', 'f')).toThrow('f: row 1: bad label');
    expect(() => parseLabelledCsv('label,text\n1,ok\n', 'f')).toThrow('expected the header text,label');
    expect(() => parseCsv('a\n"open')).toThrow('inside a quoted field');
  });
});
