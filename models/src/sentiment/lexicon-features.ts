// Lexicon features of the vocabulary: which word pieces the finance lexicon (finance-lexicon.ts) lists as
// positive / negative / neutral, and which the VADER lexicon (the vader-sentiment package's
// vader_lexicon.txt, Hutto & Gilbert 2014, MIT / Apache-2.0) rates clearly positive or negative. Each is
// one shared weight row per class, learned from the training set (linear-model.ts) and folded into the
// words' unigram rows at export, so a word the training set has seldom seen still gets its lexicon's say.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isInformativeToken } from './features';
import { FINANCE_LEXICON } from './finance-lexicon';
import { SENTIMENT_LABELS } from './labels';
import { WordPieceVocab } from './wordpiece';

/** Lexicon feature ids: 0-2 finance lexicon positive/negative/neutral, 3-4 VADER positive/negative. */
export const LEXICON_FEATURES = ['finance:positive', 'finance:negative', 'finance:neutral', 'vader:positive', 'vader:negative'] as const;
/** |valence| at least this (VADER's scale is −4…4) counts as a polar word. */
export const VADER_POLARITY_THRESHOLD = 0.5;

let vaderCache: ReadonlyMap<string, number> | null = null;

/** VADER's word → mean valence, from the installed vader-sentiment package (a pinned dependency). */
export function vaderLexicon(): ReadonlyMap<string, number> {
  if (!vaderCache) {
    const file = join(dirname(require.resolve('vader-sentiment/package.json')), 'vader_lexicon.txt');
    const entries = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((cells) => cells.length >= 2 && cells[0] !== '')
      .map(([word, valence]) => [word ?? '', Number(valence)] as [string, number]);
    vaderCache = new Map(entries.filter(([, v]) => Number.isFinite(v)));
  }
  return vaderCache;
}

/** For every token id, the lexicon feature ids of that token (whole-word pieces only). */
export function lexiconFeatureTable(vocab: WordPieceVocab, useVader = true): number[][] {
  const finance = new Map<string, number>();
  SENTIMENT_LABELS.forEach((label, k) => FINANCE_LEXICON[label].forEach((entry) => !entry.includes(' ') && finance.set(entry, k)));
  const vader = useVader ? vaderLexicon() : new Map<string, number>();
  return vocab.tokens.map((token) => {
    if (token.startsWith('##') || token.startsWith('[') || !isInformativeToken(token)) return [];
    const out: number[] = [];
    const f = finance.get(token);
    if (f !== undefined) out.push(f);
    const v = vader.get(token);
    if (v !== undefined && Math.abs(v) >= VADER_POLARITY_THRESHOLD) out.push(v > 0 ? 3 : 4);
    return out;
  });
}

/** Character n-grams of whole-word tokens, hashed into shared rows (fastText-style subword features). */
export interface CharNgramOptions {
  /** Shortest and longest n-gram, over the word wrapped in "<" and ">". */
  min: number;
  max: number;
  /** Hash buckets (rows of the shared table). */
  buckets: number;
}

/** 32-bit FNV-1a over UTF-16 code units: the same on every machine. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * For every token id, the char n-gram feature ids (offset by `offset`) of a whole-word, informative token;
 * distinct n-grams only. Like the lexicon features they are shared rows that fold into the unigram rows at
 * export: a word seldom seen in training gets what its spelling shares with words seen more often
 * ("downgrad" of "downgrade", "downgrading", "downgrades").
 */
export function charNgramFeatureTable(vocab: WordPieceVocab, options: CharNgramOptions, offset: number): number[][] {
  return vocab.tokens.map((token) => {
    if (token.startsWith('##') || token.startsWith('[') || !isInformativeToken(token)) return [];
    const chars = [...`<${token}>`];
    const ids = new Set<number>();
    for (let n = options.min; n <= options.max; n++) {
      for (let i = 0; i + n <= chars.length; i++) {
        const gram = chars.slice(i, i + n).join('');
        // The whole wrapped word is the unigram row itself.
        if (gram.length === chars.length) continue;
        ids.add(offset + (fnv1a(gram) % options.buckets));
      }
    }
    return [...ids].sort((a, b) => a - b);
  });
}
