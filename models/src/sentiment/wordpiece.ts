// A BERT WordPiece tokenizer (uncased) that mirrors what transformers.js does with the tokenizer.json
// we write: BertNormalizer → BertPreTokenizer → greedy longest-match WordPiece → "[CLS] $A [SEP]".
// The builder needs token ids to train on; computing them here (rather than through transformers.js)
// keeps the build pure and fast, and wordpiece.test.ts checks the two agree on every headline we have.

export const SPECIAL_TOKENS = { pad: '[PAD]', unk: '[UNK]', cls: '[CLS]', sep: '[SEP]', mask: '[MASK]' } as const;
/** Specials take ids 0..4 in this order; [PAD] must be 0 because padding fills with pad_token_id. */
export const SPECIAL_TOKEN_ORDER = [
  SPECIAL_TOKENS.pad,
  SPECIAL_TOKENS.unk,
  SPECIAL_TOKENS.cls,
  SPECIAL_TOKENS.sep,
  SPECIAL_TOKENS.mask,
] as const;
export const CONTINUING_PREFIX = '##';
export const MAX_INPUT_CHARS_PER_WORD = 100;

// The pre-tokenizer's punctuation class, as in @huggingface/tokenizers: Unicode P plus ASCII symbols.
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const PRE_TOKEN_PATTERN = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');
const PUNCTUATION_CHAR = new RegExp(`^[${PUNCTUATION}]$`, 'u');

export function isPunctuation(char: string): boolean {
  return PUNCTUATION_CHAR.test(char);
}

function isChineseChar(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) ||
    (cp >= 0x2b820 && cp <= 0x2ceaf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

function isControl(char: string): boolean {
  if (char === '\t' || char === '\n' || char === '\r') return false;
  return /^\p{Cc}|\p{Cf}|\p{Co}|\p{Cs}$/u.test(char);
}

/** BertNormalizer with clean_text, handle_chinese_chars, lowercase and (implied) accent stripping. */
export function normalizeText(text: string): string {
  let cleaned = '';
  for (const char of text) {
    const cp = char.charCodeAt(0);
    if (cp === 0 || cp === 0xfffd || isControl(char)) continue;
    cleaned += /^\s$/.test(char) ? ' ' : char;
  }
  let spaced = '';
  for (let i = 0; i < cleaned.length; i++) {
    const unit = cleaned[i] ?? '';
    spaced += isChineseChar(unit.charCodeAt(0)) ? ` ${unit} ` : unit;
  }
  return spaced.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '');
}

/** BertPreTokenizer: runs of non-space non-punctuation, and every punctuation mark on its own. */
export function preTokenize(normalized: string): string[] {
  return normalized.trim().match(PRE_TOKEN_PATTERN) ?? [];
}

/** Normalized words of a text, as the WordPiece model will see them. */
export function wordsOf(text: string): string[] {
  return preTokenize(normalizeText(text));
}

/**
 * A run of ASCII digits, with decimal points or thousands separators inside it ("12", "1.5", "1,000"): with
 * collapseNumbers every such run reads as "0" before BertNormalizer, so "+4%" and "+12.5%" give the same pieces
 * ("+", "0", "%") and a price or a count no longer falls apart into digit pieces of its own. tokenizer.json says
 * the same with a Replace normalizer in front of BertNormalizer (tokenizer-files.ts).
 */
export const NUMBER_PATTERN = '[0-9]+(?:[.,][0-9]+)*';
export const NUMBER_REPLACEMENT = '0';
const NUMBER_REGEX = new RegExp(NUMBER_PATTERN, 'gu');

export interface WordPieceOptions {
  /** Every number reads as "0" (NUMBER_PATTERN); default false. */
  collapseNumbers?: boolean;
}

/** The text as the tokenizer's normalizer sequence sees it before BertNormalizer. */
export function collapseNumbers(text: string): string {
  return text.replace(NUMBER_REGEX, NUMBER_REPLACEMENT);
}

export class WordPieceVocab {
  readonly tokens: readonly string[];
  readonly collapseNumbers: boolean;
  private readonly ids: ReadonlyMap<string, number>;

  constructor(tokens: readonly string[], options: WordPieceOptions = {}) {
    this.collapseNumbers = options.collapseNumbers ?? false;
    SPECIAL_TOKEN_ORDER.forEach((special, id) => {
      if (tokens[id] !== special) throw new Error(`vocab id ${id} must be ${special}, got ${tokens[id]}`);
    });
    const ids = new Map<string, number>();
    tokens.forEach((token, id) => {
      if (ids.has(token)) throw new Error(`duplicate vocab token ${JSON.stringify(token)}`);
      ids.set(token, id);
    });
    this.tokens = tokens;
    this.ids = ids;
  }

  get size(): number {
    return this.tokens.length;
  }

  idOf(token: string): number | undefined {
    return this.ids.get(token);
  }

  idOfSpecial(token: (typeof SPECIAL_TOKEN_ORDER)[number]): number {
    return SPECIAL_TOKEN_ORDER.indexOf(token);
  }

  /** Greedy longest-match-first WordPiece over one pre-token; the whole word is [UNK] if any part can't match. */
  pieces(word: string): string[] {
    const chars = [...word];
    if (chars.length > MAX_INPUT_CHARS_PER_WORD) return [SPECIAL_TOKENS.unk];
    const pieces: string[] = [];
    let start = 0;
    while (start < chars.length) {
      let end = chars.length;
      let match: string | null = null;
      while (start < end) {
        const piece = (start > 0 ? CONTINUING_PREFIX : '') + chars.slice(start, end).join('');
        if (this.ids.has(piece)) {
          match = piece;
          break;
        }
        end--;
      }
      if (match === null) return [SPECIAL_TOKENS.unk];
      pieces.push(match);
      start = end;
    }
    return pieces;
  }

  /** Token ids of a text with [CLS]/[SEP] around it, as transformers.js's tokenizer produces them. */
  encode(text: string): number[] {
    const ids = [this.idOfSpecial(SPECIAL_TOKENS.cls)];
    for (const word of wordsOf(this.collapseNumbers ? collapseNumbers(text) : text)) {
      for (const piece of this.pieces(word)) ids.push(this.ids.get(piece) ?? this.idOfSpecial(SPECIAL_TOKENS.unk));
    }
    ids.push(this.idOfSpecial(SPECIAL_TOKENS.sep));
    return ids;
  }
}
