// The tokenizer files of a BERT-uncased checkpoint (tokenizer.json, tokenizer_config.json,
// special_tokens_map.json, vocab.txt) for our WordPiece vocabulary, in the shapes HF tokenizers writes them,
// so transformers.js (and Python transformers) load them as an ordinary BertTokenizer.
import { CONTINUING_PREFIX, MAX_INPUT_CHARS_PER_WORD, NUMBER_PATTERN, NUMBER_REPLACEMENT, SPECIAL_TOKENS, SPECIAL_TOKEN_ORDER, WordPieceVocab } from './wordpiece';

/** FinBERT's limit; our n-gram model has no positional limit, so this only bounds very long inputs. */
export const MODEL_MAX_LENGTH = 512;

export function tokenizerJson(vocab: WordPieceVocab): object {
  const id = (token: string) => vocab.idOf(token) ?? -1;
  const special = (token: string, typeId: number) => ({ SpecialToken: { id: token, type_id: typeId } });
  const sequence = (name: 'A' | 'B', typeId: number) => ({ Sequence: { id: name, type_id: typeId } });
  const bert = { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKEN_ORDER.map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: vocab.collapseNumbers
      ? { type: 'Sequence', normalizers: [{ type: 'Replace', pattern: { Regex: NUMBER_PATTERN }, content: NUMBER_REPLACEMENT }, bert] }
      : bert,
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special(SPECIAL_TOKENS.cls, 0), sequence('A', 0), special(SPECIAL_TOKENS.sep, 0)],
      pair: [special(SPECIAL_TOKENS.cls, 0), sequence('A', 0), special(SPECIAL_TOKENS.sep, 0), sequence('B', 1), special(SPECIAL_TOKENS.sep, 1)],
      special_tokens: Object.fromEntries(
        [SPECIAL_TOKENS.cls, SPECIAL_TOKENS.sep].map((token) => [token, { id: token, ids: [id(token)], tokens: [token] }]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: CONTINUING_PREFIX, cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: SPECIAL_TOKENS.unk,
      continuing_subword_prefix: CONTINUING_PREFIX,
      max_input_chars_per_word: MAX_INPUT_CHARS_PER_WORD,
      vocab: Object.fromEntries(vocab.tokens.map((token, i) => [token, i])),
    },
  };
}

/** One token per line in id order: what Python's slow BertTokenizer reads (transformers.js uses tokenizer.json). */
export function vocabTxt(vocab: WordPieceVocab): string {
  return `${vocab.tokens.join('\n')}\n`;
}

export function specialTokensMap(): Record<string, string> {
  return {
    cls_token: SPECIAL_TOKENS.cls,
    mask_token: SPECIAL_TOKENS.mask,
    pad_token: SPECIAL_TOKENS.pad,
    sep_token: SPECIAL_TOKENS.sep,
    unk_token: SPECIAL_TOKENS.unk,
  };
}

export function tokenizerConfig(): object {
  return {
    clean_up_tokenization_spaces: true,
    do_basic_tokenize: true,
    do_lower_case: true,
    model_max_length: MODEL_MAX_LENGTH,
    never_split: null,
    padding_side: 'right',
    strip_accents: null,
    tokenize_chinese_chars: true,
    tokenizer_class: 'BertTokenizer',
    ...specialTokensMap(),
  };
}
