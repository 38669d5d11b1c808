// Symbol tagging: which of the platform's instruments a news text is about, from cashtags ($AAPL),
// exchange-qualified tickers (NASDAQ: AAPL), bare tickers and company names. Producer-given symbols
// always win; tagging only fills in when an item arrives without any.
//
// Rules (each a trade-off, kept deliberately simple and predictable):
//  1. Cashtags `$AAPL` match in any case (`$aapl` is common on social feeds) and are always trusted.
//  2. Exchange-qualified tickers (`NASDAQ: AAPL`, `(NYSE:ON)`) are always trusted.
//  3. Bare tickers match only as a whole word written exactly in capitals ("AAPL", never "aapl"), and
//     are skipped when
//       - shorter than 2 letters ("A", "F", "T": articles and initials),
//       - in the ambiguous list (common English words and newsroom abbreviations: ON, IT, ALL, NOW, AI…),
//       - part of a hyphenated compound ("META-ANALYSIS", "X-RAY"), or
//       - the text is shouting (mostly all-caps words, "APPLE SHARES ON THE RISE"), where capitals say
//         nothing about tickers.
//     Such tickers are still found through rules 1, 2 and 4.
//  4. Company names, through aliases derived from the instrument's name ("Apple Inc." → "Apple",
//     "Meta Platforms, Inc." → "Meta Platforms", "Meta"; "Amazon.com, Inc." → "Amazon.com", "Amazon")
//     plus configured extras ("Google" for GOOGL). An alias written in capitals (brand styling such as
//     "NVIDIA") matches in any case ("Nvidia", "nvidia"); any other alias matches as written or in full
//     capitals, so the plain words it shares stay untagged in lower case ("apple pie", "meta-analysis",
//     "the amazon rainforest"). Possessives and punctuation around a name are fine ("Apple's", "(Apple)").
//
// Known limitations: a capitalised common word is still a name ("Apple pie recipe", "the Big Apple",
// sentence-initial "Meta-analysis" all tag, and so does "META-ANALYSIS": rule 3 skips it as a ticker but
// it is the capitals form of the name "Meta"); an index mention ("the S&P 500") does not tag SPY; there is
// no disambiguation by context. The model's score is per item, so a false tag dilutes one symbol's
// aggregate with off-topic news rather than inventing sentiment from nothing.

/** What the tagger needs of an instrument; `aliases` adds names beyond those derived from `name`. */
export interface InstrumentRef {
  symbol: string;
  name: string;
  aliases?: readonly string[] | undefined;
}

export interface TaggerOptions {
  /** Extra names per symbol; default DEFAULT_EXTRA_ALIASES. Only symbols in the instrument list count. */
  extraAliases?: Readonly<Record<string, readonly string[]>>;
  /** Tickers that a bare capitalised word must not be taken for; default AMBIGUOUS_TICKERS. */
  ambiguousTickers?: ReadonlySet<string>;
}

/** Names the press uses that cannot be derived from the legal name. */
export const DEFAULT_EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  GOOGL: ['Google'],
  META: ['Facebook'],
});

/** Capitalised words that are far more often English or newsroom jargon than a ticker. */
export const AMBIGUOUS_TICKERS: ReadonlySet<string> = new Set([
  'A', 'AI', 'ALL', 'AM', 'AN', 'ANY', 'ARE', 'AS', 'AT', 'BE', 'BIG', 'BY', 'CAN', 'CEO', 'CFO', 'CTO', 'DD',
  'DO', 'EPS', 'ETF', 'EU', 'EV', 'FAST', 'FOR', 'FUN', 'GDP', 'GO', 'GOOD', 'HAS', 'HE', 'HOLD', 'I', 'IPO',
  'IT', 'LOVE', 'NEW', 'NOW', 'OK', 'ON', 'ONE', 'OR', 'OUT', 'PM', 'REAL', 'SEC', 'SEE', 'SO', 'TV', 'TWO',
  'UK', 'UP', 'US', 'USA', 'WELL', 'YOU',
]);

/** Below this many letters a bare capitalised word is never taken for a ticker. */
const MIN_BARE_TICKER_LENGTH = 2;
/** Aliases shorter than this are dropped (too likely to be a fragment of something else). */
const MIN_ALIAS_LENGTH = 3;

const LEGAL_SUFFIX =
  /[\s,]+(?:Class\s+[A-Z]|Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|Limited|plc|PLC|N\.V\.|S\.A\.|AG|SE|Trust|Holdings?|Group)$/;
const DESCRIPTOR_SUFFIX = /\s+(?:Platforms|Technologies|Systems|Industries|Enterprises|Labs)$/;
const WEB_DOMAIN = /^(.+)\.(?:com|net|org|io|ai)$/i;
const EXCHANGES = 'NASDAQ|NYSE|NYSEARCA|NYSEAMERICAN|AMEX|BATS|CBOE|ARCA';

/** Not a letter or digit: what must surround a whole word. */
const EDGE_BEFORE = '(?<![\\p{L}\\p{N}_])';
const EDGE_AFTER = '(?![\\p{L}\\p{N}_])';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Names a company goes by, derived from its legal name: the name itself; without legal suffixes
 * ("Inc.", "Corporation", ", Inc.", "Class A", "Trust"); without a leading "The"; without a generic
 * descriptor ("Platforms"); and a web domain's stem ("Amazon.com" → "Amazon"). Unique, in that order.
 */
export function deriveAliases(name: string): string[] {
  const full = name.trim().replace(/\s+/g, ' ');
  const aliases = [full];
  let base = full;
  for (let stripped = base.replace(LEGAL_SUFFIX, ''); stripped !== base; stripped = base.replace(LEGAL_SUFFIX, '')) base = stripped;
  aliases.push(base);
  // "The Allstate Corporation" is "Allstate" in the press.
  base = base.replace(/^The\s+/, '');
  aliases.push(base);
  const short = base.replace(DESCRIPTOR_SUFFIX, '');
  aliases.push(short);
  const domain = WEB_DOMAIN.exec(short);
  if (domain?.[1] !== undefined) aliases.push(domain[1]);
  return [...new Set(aliases)].filter((a) => a.length >= MIN_ALIAS_LENGTH && /\p{L}/u.test(a));
}

/** A regex source matching one alias under rule 4's case policy. */
function aliasPattern(alias: string): { source: string; caseInsensitive: boolean } {
  const escaped = (text: string) => escapeRegExp(text).replace(/ /g, '\\s+');
  const styledInCapitals = !/\p{Ll}/u.test(alias);
  if (styledInCapitals) return { source: escaped(alias), caseInsensitive: true };
  const upper = alias.toUpperCase();
  return { source: upper === alias ? escaped(alias) : `${escaped(alias)}|${escaped(upper)}`, caseInsensitive: false };
}

interface InstrumentMatcher {
  symbol: string;
  exactNames: RegExp | null;
  anyCaseNames: RegExp | null;
  bareTicker: RegExp | null;
}

function buildMatcher(instrument: InstrumentRef, options: Required<TaggerOptions>): InstrumentMatcher {
  const symbol = instrument.symbol.trim().toUpperCase();
  const aliases = [
    ...deriveAliases(instrument.name),
    ...(instrument.aliases ?? []),
    ...(options.extraAliases[symbol] ?? []),
  ]
    .map((a) => a.trim().replace(/\s+/g, ' '))
    .filter((a) => a.length >= MIN_ALIAS_LENGTH);
  const exact: string[] = [];
  const anyCase: string[] = [];
  for (const alias of new Set(aliases)) {
    const { source, caseInsensitive } = aliasPattern(alias);
    (caseInsensitive ? anyCase : exact).push(source);
  }
  const wrap = (sources: string[], flags: string) =>
    sources.length === 0 ? null : new RegExp(`${EDGE_BEFORE}(?:${sources.join('|')})${EDGE_AFTER}`, flags);
  const bareAllowed = symbol.length >= MIN_BARE_TICKER_LENGTH && !options.ambiguousTickers.has(symbol);
  return {
    symbol,
    exactNames: wrap(exact, 'u'),
    anyCaseNames: wrap(anyCase, 'iu'),
    // Whole word in exact capitals, not inside a hyphenated compound, not after "$" (rule 1) or "." (a
    // domain); a following ".O"-style exchange suffix (Reuters' "AAPL.O") is fine.
    bareTicker: bareAllowed
      ? new RegExp(`(?<![\\p{L}\\p{N}_$.\\-])${escapeRegExp(symbol)}(?![\\p{L}\\p{N}_]|-\\p{L})`, 'u')
      : null,
  };
}

/**
 * Shouting: at least 3 words of two or more letters that are not one of our tickers, and more than 60 %
 * of them in capitals. Tickers are left out of the count so "AAPL MSFT NVDA up" is not shouting.
 */
function isShouting(text: string, tickers: ReadonlySet<string>): boolean {
  const words = (text.match(/\p{L}{2,}/gu) ?? []).filter((w) => !tickers.has(w));
  if (words.length < 3) return false;
  const capitals = words.filter((w) => !/\p{Ll}/u.test(w)).length;
  return capitals / words.length > 0.6;
}

export type SymbolTagger = (text: string) => string[];

/** Builds a tagger once for an instrument list (the regexes are compiled here, not per text). */
export function createSymbolTagger(instruments: readonly InstrumentRef[], options: TaggerOptions = {}): SymbolTagger {
  const resolved: Required<TaggerOptions> = {
    extraAliases: options.extraAliases ?? DEFAULT_EXTRA_ALIASES,
    ambiguousTickers: options.ambiguousTickers ?? AMBIGUOUS_TICKERS,
  };
  const matchers = instruments.map((i) => buildMatcher(i, resolved));
  const known = new Set(matchers.map((m) => m.symbol));
  const cashtag = /(?<![\p{L}\p{N}_$])\$([A-Za-z][A-Za-z0-9]{0,9}(?:\.[A-Za-z]{1,2})?)(?![\p{L}\p{N}_])/gu;
  const qualified = new RegExp(`${EDGE_BEFORE}(?:${EXCHANGES})\\s*:\\s*([A-Za-z][A-Za-z0-9]{0,9}(?:\\.[A-Za-z]{1,2})?)${EDGE_AFTER}`, 'giu');

  return (text: string): string[] => {
    const found = new Set<string>();
    for (const pattern of [cashtag, qualified]) {
      for (const match of text.matchAll(pattern)) {
        const symbol = match[1]?.toUpperCase();
        if (symbol !== undefined && known.has(symbol)) found.add(symbol);
      }
    }
    const shouting = isShouting(text, known);
    for (const m of matchers) {
      if (found.has(m.symbol)) continue;
      if (m.exactNames?.test(text) || m.anyCaseNames?.test(text) || (!shouting && m.bareTicker?.test(text))) found.add(m.symbol);
    }
    return [...found].sort();
  };
}

/** The instruments `text` mentions, sorted and unique (see the rules at the top of this file). */
export function tagSymbols(text: string, instruments: readonly InstrumentRef[], options: TaggerOptions = {}): string[] {
  return createSymbolTagger(instruments, options)(text);
}

export interface ResolvedSymbols {
  symbols: string[];
  /** 'given': the producer's list, used as is; 'tagged': found in the text; 'none': neither. */
  origin: 'given' | 'tagged' | 'none';
}

/**
 * The symbols an item is about. Given symbols win (the producer knows better than our heuristics);
 * otherwise headline and body are tagged separately (so an all-caps headline does not make a normal
 * body look like shouting) and the results merged.
 */
export function resolveSymbols(
  item: { headline: string; body?: string | undefined; symbols?: readonly string[] | undefined },
  tagger: SymbolTagger,
): ResolvedSymbols {
  const given = [...new Set((item.symbols ?? []).map((s) => s.trim().toUpperCase()).filter((s) => s !== ''))].sort();
  if (given.length > 0) return { symbols: given, origin: 'given' };
  const tagged = [...new Set([...tagger(item.headline), ...tagger(item.body ?? '')])].sort();
  return { symbols: tagged, origin: tagged.length > 0 ? 'tagged' : 'none' };
}
