// Builds the WordPiece vocabulary from the training text (never the held-out set):
//  - the five specials at ids 0..4 ([PAD] first, since padding fills with pad_token_id),
//  - every character as a word start and as a "##" continuation, so any unseen word still splits into
//    pieces instead of becoming [UNK] (its pieces carry ~zero weight: no evidence, not noise),
//  - whole words, except that an inflection whose stem is also a word ("raises" next to "raise") is left
//    out so greedy WordPiece splits it into stem + "##s": inflections then share the stem's weight,
//  - words with digits are left out: numbers split into digit pieces rather than being memorised.
import { collapseNumbers, isPunctuation, SPECIAL_TOKEN_ORDER, CONTINUING_PREFIX, WordPieceOptions, WordPieceVocab, wordsOf } from './wordpiece';

/** Suffixes tried longest first; a stem must be at least MIN_STEM_LENGTH characters and itself a word. */
export const INFLECTION_SUFFIXES = ['ing', 'es', 'ed', 's', 'd'] as const;
export const MIN_STEM_LENGTH = 3;

const ASCII_LETTERS_AND_DIGITS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
const ASCII_PUNCTUATION = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i)).filter(isPunctuation);

// Code-unit order, independent of the machine's locale, so the vocabulary (and ids) never move.
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function stemOf(word: string, words: ReadonlySet<string>): { stem: string; suffix: string } | null {
  for (const suffix of INFLECTION_SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if ([...stem].length >= MIN_STEM_LENGTH && words.has(stem)) return { stem, suffix };
  }
  return null;
}

export function buildVocab(texts: readonly string[], options: WordPieceOptions = {}): WordPieceVocab {
  const frequency = new Map<string, number>();
  const startChars = new Set<string>(ASCII_LETTERS_AND_DIGITS.concat(ASCII_PUNCTUATION));
  const innerChars = new Set<string>(ASCII_LETTERS_AND_DIGITS);
  for (const text of texts) {
    for (const word of wordsOf(options.collapseNumbers ? collapseNumbers(text) : text)) {
      frequency.set(word, (frequency.get(word) ?? 0) + 1);
      [...word].forEach((char, i) => (i === 0 ? startChars : innerChars).add(char));
    }
  }
  const candidates = new Set([...frequency.keys()].filter((w) => [...w].length > 1 && !/\d/.test(w)));
  const suffixPieces = new Set<string>();
  const wholeWords: string[] = [];
  for (const word of candidates) {
    const split = stemOf(word, candidates);
    if (split) suffixPieces.add(CONTINUING_PREFIX + split.suffix);
    else wholeWords.push(word);
  }
  // Frequent words first (as in BERT vocabularies), ties in code-unit order.
  wholeWords.sort((a, b) => (frequency.get(b) ?? 0) - (frequency.get(a) ?? 0) || byCodeUnits(a, b));
  const pieces = [
    ...[...startChars].sort(byCodeUnits),
    ...[...innerChars].sort(byCodeUnits).map((c) => CONTINUING_PREFIX + c),
    ...[...suffixPieces].sort(byCodeUnits),
    ...wholeWords,
  ];
  const seen = new Set<string>(SPECIAL_TOKEN_ORDER);
  const tokens: string[] = [...SPECIAL_TOKEN_ORDER];
  for (const piece of pieces) {
    if (!seen.has(piece)) {
      seen.add(piece);
      tokens.push(piece);
    }
  }
  return new WordPieceVocab(tokens, options);
}
