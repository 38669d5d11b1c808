// Parsing of a sentiment read request (REST `GET /api/sentiment?symbol=AAPL&window=1h`, GraphQL
// query arguments): a known symbol and a window, or a typed error for the transport to report.
import { SentimentInputError } from './errors';
import { WINDOW_MS, parseSentimentWindow, type SentimentWindow } from './window';

export interface SentimentQuery {
  symbol: string;
  window: SentimentWindow;
  windowMs: number;
}

/** Symbol is trimmed and upper-cased ("aapl" reads AAPL); a missing or unknown one is UNKNOWN_SYMBOL. */
export function parseSentimentQuery(
  input: { symbol?: string | null | undefined; window?: string | null | undefined },
  knownSymbols: ReadonlySet<string>,
): SentimentQuery {
  const symbol = (input.symbol ?? '').trim().toUpperCase();
  if (symbol === '') throw new SentimentInputError('UNKNOWN_SYMBOL', 'symbol is required', { field: 'symbol' });
  if (!knownSymbols.has(symbol)) throw new SentimentInputError('UNKNOWN_SYMBOL', `unknown symbol ${JSON.stringify(symbol)}`, { field: 'symbol' });
  const window = parseSentimentWindow(input.window);
  return { symbol, window, windowMs: WINDOW_MS[window] };
}
