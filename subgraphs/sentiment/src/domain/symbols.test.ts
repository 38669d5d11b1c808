// Tests for symbol tagging: alias derivation from legal names, each matching rule, the guards against
// common words, and (as documented limitations) the false positives the rules knowingly accept.
import { createSymbolTagger, deriveAliases, resolveSymbols, tagSymbols, type InstrumentRef } from './symbols';

// The platform's universe, with the legal names as the marketdata service spells them.
const INSTRUMENTS: InstrumentRef[] = [
  { symbol: 'AAPL', name: 'Apple Inc.' },
  { symbol: 'MSFT', name: 'Microsoft Corporation' },
  { symbol: 'NVDA', name: 'NVIDIA Corporation' },
  { symbol: 'TSLA', name: 'Tesla, Inc.' },
  { symbol: 'SPY', name: 'SPDR S&P 500 ETF Trust' },
  { symbol: 'AMZN', name: 'Amazon.com, Inc.' },
  { symbol: 'GOOGL', name: 'Alphabet Inc. Class A' },
  { symbol: 'META', name: 'Meta Platforms, Inc.' },
];
const tag = createSymbolTagger(INSTRUMENTS);

describe('deriveAliases', () => {
  it.each([
    ['Apple Inc.', ['Apple Inc.', 'Apple']],
    ['Microsoft Corporation', ['Microsoft Corporation', 'Microsoft']],
    ['NVIDIA Corporation', ['NVIDIA Corporation', 'NVIDIA']],
    ['Tesla, Inc.', ['Tesla, Inc.', 'Tesla']],
    ['Tesla Inc.', ['Tesla Inc.', 'Tesla']],
    ['SPDR S&P 500 ETF Trust', ['SPDR S&P 500 ETF Trust', 'SPDR S&P 500 ETF']],
    ['Amazon.com, Inc.', ['Amazon.com, Inc.', 'Amazon.com', 'Amazon']],
    ['Alphabet Inc. Class A', ['Alphabet Inc. Class A', 'Alphabet']],
    ['Meta Platforms, Inc.', ['Meta Platforms, Inc.', 'Meta Platforms', 'Meta']],
    ['Meta Platforms Inc.', ['Meta Platforms Inc.', 'Meta Platforms', 'Meta']],
    ['The Allstate Corporation', ['The Allstate Corporation', 'The Allstate', 'Allstate']],
  ])('%s → %j', (name, aliases) => {
    expect(deriveAliases(name)).toEqual(aliases);
  });
});

describe('tagSymbols', () => {
  it('finds cashtags in any case, with possessives and punctuation around them', () => {
    expect(tag('$AAPL and $msft rally; $TSLA\'s slide continues ($NVDA).')).toEqual(['AAPL', 'MSFT', 'NVDA', 'TSLA']);
  });

  it('ignores cashtags of instruments the platform does not know, and dollar amounts', () => {
    expect(tag('$IBM up $5 to $200, $1.5bn buyback')).toEqual([]);
  });

  it('finds exchange-qualified tickers', () => {
    expect(tag('Apple (NASDAQ: AAPL) and (NYSE:SPY) flows')).toEqual(['AAPL', 'SPY']);
  });

  it('finds bare tickers only as whole words in capitals', () => {
    expect(tag('AAPL, MSFT and NVDA lead gains')).toEqual(['AAPL', 'MSFT', 'NVDA']);
    expect(tag('Reuters quotes AAPL.O at a record')).toEqual(['AAPL']);
    expect(tag('aapl msft nvda')).toEqual([]);
    expect(tag('SPYWARE and TSLAX are not tickers')).toEqual([]);
  });

  it('does not take a capitalised word inside a hyphenated compound for a ticker', () => {
    const tagger = createSymbolTagger([{ symbol: 'XRAY', name: 'Dentsply Sirona Inc.' }]);
    expect(tagger('X-RAY and XRAY-based imaging')).toEqual([]);
    expect(tagger('XRAY fell 3%')).toEqual(['XRAY']);
  });

  it('guards ambiguous short tickers: one-letter and common-word tickers need a cashtag', () => {
    const instruments = [
      { symbol: 'A', name: 'Agilent Technologies, Inc.' },
      { symbol: 'ON', name: 'ON Semiconductor Corporation' },
      { symbol: 'ALL', name: 'The Allstate Corporation' },
      { symbol: 'IT', name: 'Gartner, Inc.' },
    ];
    const tagger = createSymbolTagger(instruments);
    expect(tagger('A rally ON Wall Street lifts ALL boats, IT stocks too')).toEqual([]);
    expect(tagger('$A, $ON and $ALL beat; NYSE: IT misses')).toEqual(['A', 'ALL', 'IT', 'ON']);
    // Names still work: "Agilent" (descriptor dropped), "Gartner", "Allstate" (leading "The" dropped).
    expect(tagger('Agilent, Gartner, Allstate and ON Semiconductor report')).toEqual(['A', 'ALL', 'IT', 'ON']);
  });

  it('takes no bare tickers from shouting text, but still names and cashtags', () => {
    expect(tag('META AND APPLE SHARES ON THE RISE AS SPY CLIMBS')).toEqual(['AAPL', 'META']);
    expect(tag('BREAKING: MARKETS FALL AS $SPY SLIDES')).toEqual(['SPY']);
    // Tickers do not count as shouting, so a list of them is still read.
    expect(tag('AAPL MSFT NVDA up')).toEqual(['AAPL', 'MSFT', 'NVDA']);
  });

  it('finds company names with possessives and punctuation', () => {
    expect(tag("Apple's iPhone sales; Microsoft, Tesla! (Amazon)")).toEqual(['AAPL', 'AMZN', 'MSFT', 'TSLA']);
    expect(tag('Amazon.com raises prices')).toEqual(['AMZN']);
    expect(tag('Meta Platforms and Alphabet report after the bell')).toEqual(['GOOGL', 'META']);
    expect(tag('SPDR S&P 500 ETF Trust sees record inflows')).toEqual(['SPY']);
  });

  it('matches a name styled in capitals in any case: NVIDIA, Nvidia, nvidia', () => {
    expect(tag('Nvidia unveils chip')).toEqual(['NVDA']);
    expect(tag('nvidia unveils chip')).toEqual(['NVDA']);
    expect(tag("NVIDIA's margins")).toEqual(['NVDA']);
  });

  it('matches other names as written or in full capitals only, so lower-case common words stay untagged', () => {
    expect(tag('APPLE UNVEILS NEW PHONE')).toEqual(['AAPL']);
    expect(tag('a meta-analysis of apple orchards in the amazon basin')).toEqual([]);
    expect(tag('Metaverse hype and Teslas on the road')).toEqual([]);
  });

  it('uses configured extra aliases (Google → GOOGL by default) and per-instrument aliases', () => {
    expect(tag("Google's antitrust case")).toEqual(['GOOGL']);
    expect(tag('Facebook outage')).toEqual(['META']);
    expect(tagSymbols('Google search', INSTRUMENTS, { extraAliases: {} })).toEqual([]);
    expect(tagSymbols('Redmond ships Windows', [{ symbol: 'MSFT', name: 'Microsoft Corporation', aliases: ['Redmond'] }])).toEqual(['MSFT']);
  });

  it('returns sorted unique symbols', () => {
    expect(tag('Tesla $TSLA TSLA Tesla, Apple $AAPL')).toEqual(['AAPL', 'TSLA']);
  });

  it('returns nothing for text about none of the instruments', () => {
    expect(tag('')).toEqual([]);
    expect(tag('Oil prices rise as OPEC cuts output')).toEqual([]);
  });

  describe('documented limitations (false positives the rules accept)', () => {
    it('a capitalised common word is still a company name', () => {
      expect(tag('Apple pie recipe for the holidays')).toEqual(['AAPL']);
      expect(tag('Meta-analysis finds coffee is fine')).toEqual(['META']);
      expect(tag('study: META-ANALYSIS of trials')).toEqual(['META']);
      expect(tag('Tourists flock to the Big Apple')).toEqual(['AAPL']);
    });

    it('an index mention does not tag the ETF that tracks it', () => {
      expect(tag('The S&P 500 closed at a record')).toEqual([]);
    });
  });
});

describe('resolveSymbols', () => {
  it('uses the given symbols when there are any, whatever the text says', () => {
    expect(resolveSymbols({ headline: 'Apple and Tesla', body: '', symbols: ['msft', 'MSFT', 'AAPL'] }, tag)).toEqual({
      symbols: ['AAPL', 'MSFT'],
      origin: 'given',
    });
  });

  it('tags headline and body when none are given', () => {
    expect(resolveSymbols({ headline: 'TECH STOCKS SURGE ON EARNINGS', body: 'NVDA and Microsoft led.', symbols: [] }, tag)).toEqual({
      symbols: ['MSFT', 'NVDA'],
      origin: 'tagged',
    });
    expect(resolveSymbols({ headline: 'Oil rises' }, tag)).toEqual({ symbols: [], origin: 'none' });
  });
});
