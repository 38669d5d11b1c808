// Aggregation windows: the closed set the API accepts (15m, 1h, 1d), their lengths, and the parser
// that turns a query's `window` argument into one, defaulting to 1h like the seed's REST endpoint.
import { SentimentInputError } from './errors';

export const SENTIMENT_WINDOWS = ['15m', '1h', '1d'] as const;
export type SentimentWindow = (typeof SENTIMENT_WINDOWS)[number];

export const DEFAULT_WINDOW: SentimentWindow = '1h';

export const WINDOW_MS: Readonly<Record<SentimentWindow, number>> = Object.freeze({
  '15m': 15 * 60_000,
  '1h': 60 * 60_000,
  '1d': 24 * 60 * 60_000,
});

export function isSentimentWindow(value: unknown): value is SentimentWindow {
  return typeof value === 'string' && (SENTIMENT_WINDOWS as readonly string[]).includes(value);
}

/**
 * The window named by `input`: undefined or null (argument not given) → 1h; otherwise trimmed and
 * lower-cased ("1H" is 1h) and it must be one of 15m, 1h, 1d, else UNKNOWN_WINDOW. An empty string is
 * an error, not the default: `?window=` is more likely a client bug than a request for the default.
 */
export function parseSentimentWindow(input?: string | null): SentimentWindow {
  if (input === undefined || input === null) return DEFAULT_WINDOW;
  const name = typeof input === 'string' ? input.trim().toLowerCase() : input;
  if (isSentimentWindow(name)) return name;
  throw new SentimentInputError('UNKNOWN_WINDOW', `unknown window ${JSON.stringify(input)}; expected one of ${SENTIMENT_WINDOWS.join(', ')}`, {
    field: 'window',
  });
}

/** The window's length in milliseconds (see parseSentimentWindow for the accepted input). */
export function parseWindow(input?: string | null): number {
  return WINDOW_MS[parseSentimentWindow(input)];
}
