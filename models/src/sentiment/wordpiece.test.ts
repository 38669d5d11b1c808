// The builder tokenizes training text with wordpiece.ts; the model is served with transformers.js's
// tokenizer reading our tokenizer.json. These tests check the two give the same ids (else the weights
// would be trained on different features than the ones served), and the vocabulary's promises.
import fc from 'fast-check';
import { join } from 'node:path';
import { readHeldoutSet, readRealEvaluationSet, readRealTrainingSet, readTrainingSet } from './dataset';
import { DEFAULT_TRAINING_CONFIG, lexiconExamples } from './train';
import { env, AutoTokenizer } from './transformers';
import { buildVocab } from './vocab-builder';
import { SPECIAL_TOKEN_ORDER, WordPieceVocab } from './wordpiece';

const SHIPPED_MODEL_DIR = join(__dirname, '..', '..', 'finance-sentiment');
// What the shipped vocabulary is built from: the real training split and the lexicon phrases.
const trainingTexts = [...readRealTrainingSet(), ...lexiconExamples()].map((r) => r.text);

type Tokenizer = Awaited<ReturnType<typeof AutoTokenizer.from_pretrained>>;
let served: Tokenizer;
let ours: WordPieceVocab;

beforeAll(async () => {
  env.allowRemoteModels = false;
  // A path that is not a Hub model id is read as is (no env.localModelPath prefix).
  served = await AutoTokenizer.from_pretrained(SHIPPED_MODEL_DIR);
  ours = buildVocab(trainingTexts, { collapseNumbers: DEFAULT_TRAINING_CONFIG.collapseNumbers ?? false });
});

const oursEncode = (text: string) => ours.encode(text);
const servedEncode = (text: string) => served.encode(text);

describe('wordpiece.ts agrees with transformers.js on our tokenizer.json', () => {
  it('gives the same ids for every training, held-out (real and hand-written) and lexicon text', () => {
    const texts = [...trainingTexts, ...[...readRealEvaluationSet(), ...readTrainingSet(), ...readHeldoutSet()].map((r) => r.text)];
    for (const text of texts) expect([text, oursEncode(text)]).toEqual([text, servedEncode(text)]);
  });

  it('gives the same ids for awkward text: accents, symbols, odd spacing, CJK, long words', () => {
    const texts = [
      '',
      '   ',
      'Nestlé’s Q3 EPS: $1.23 (vs. $1.10 est.) — up 12%!!',
      'L’Oréal  \t raises\nguidance',
      'Société Générale, Crédit Agricole & BNP Paribas',
      '日本 stocks rise 2%',
      'x'.repeat(101),
      'supercalifragilisticexpialidociousnessly',
      'S&P/TSX ~ -0.5% #earnings @CNBC',
    ];
    for (const text of texts) expect([text, oursEncode(text)]).toEqual([text, servedEncode(text)]);
  });

  it('gives the same ids for arbitrary strings', () => {
    const chars = fc.constantFrom(...'abcXYZ éüñ’ 019$%.,-!?()&/\t\n日'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 40 }), (text) => {
        expect(oursEncode(text)).toEqual(servedEncode(text));
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('vocabulary', () => {
  it('is the one shipped, with the specials first and [PAD] = 0', () => {
    expect(ours.tokens.slice(0, 5)).toEqual([...SPECIAL_TOKEN_ORDER]);
    expect(served.pad_token_id).toBe(0);
    expect(served.model_max_length).toBe(512);
    expect(served.get_vocab().size).toBe(ours.size);
    expect(served.convert_tokens_to_ids([...ours.tokens])).toEqual(ours.tokens.map((_, id) => id));
  });

  it('splits any ASCII word into pieces rather than [UNK]', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,30}$/), (word) => {
        expect(ours.pieces(word)).not.toContain('[UNK]');
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('shares a stem between inflections that both occur ("raise" / "raises")', () => {
    const vocab = buildVocab(['Company to raise prices', 'Company raises guidance', 'Company raised outlook']);
    expect(vocab.pieces('raises')).toEqual(['raise', '##s']);
    expect(vocab.pieces('raised')).toEqual(['raise', '##d']);
    expect(vocab.idOf('raises')).toBeUndefined();
  });

  it('does not memorise numbers as words', () => {
    const vocab = buildVocab(['Profit rises 15% in 2024']);
    expect(vocab.pieces('2024')).toEqual(['2', '##0', '##2', '##4']);
  });

  it('is the same whatever order the texts come in', () => {
    const reversed = buildVocab([...trainingTexts].reverse(), { collapseNumbers: DEFAULT_TRAINING_CONFIG.collapseNumbers ?? false });
    expect(reversed.tokens).toEqual(ours.tokens);
  });
});
