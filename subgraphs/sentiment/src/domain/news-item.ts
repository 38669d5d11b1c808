// Validation of incoming news items (ingestNews mutation, NDJSON feed): a zod schema built per call with
// the caller's clock and known symbols, mapped to SentimentInputErrors; and a batch validator that
// reports every bad item with its index.
import { z } from 'zod';
import { SentimentInputError, type SentimentErrorCode } from './errors';

export const NEWS_LIMITS = Object.freeze({
  headlineMaxChars: 500,
  bodyMaxChars: 20_000,
  sourceMaxChars: 100,
  urlMaxChars: 2048,
  /** More tickers than this on one story is a feed bug, not news. */
  maxSymbolsPerItem: 50,
  /** published_at may run this far ahead of `now` (clock skew between feeds and us) before it is rejected. */
  maxFutureSkewMs: 5 * 60_000,
  /** Default cap on a batch (ingestNews(items)). */
  maxBatchItems: 500,
});

/** A validated, normalised news item: texts trimmed, symbols upper-case, sorted and unique. */
export interface NewsItem {
  headline: string;
  /** '' when the input had no body. */
  body: string;
  source: string;
  url: string | undefined;
  /** The symbols the producer gave (possibly none); tagging fills in later when empty (see symbols.ts). */
  symbols: string[];
  publishedAt: Date;
}

export interface NewsValidationOptions {
  /** The reference clock for the future-timestamp check; injected so validation is pure. */
  now: Date;
  /** Tickers the platform knows (upper-case); any other given symbol is UNKNOWN_SYMBOL. */
  knownSymbols: ReadonlySet<string>;
  /** Default NEWS_LIMITS.maxFutureSkewMs (5 min). */
  maxFutureSkewMs?: number;
}

export type NewsItemResult = { ok: true; item: NewsItem } | { ok: false; errors: SentimentInputError[] };

/** ISO-8601 date and time with a zone (Z or ±hh:mm / ±hhmm); seconds and fractions optional. */
const ISO_WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;
/** A ticker as the platform writes it: a capital letter, then capitals, digits or a class dot (BRK.B). */
const TICKER = /^[A-Z][A-Z0-9]{0,9}(?:\.[A-Z]{1,2})?$/;

const SENTIMENT_CODE = 'sentimentCode';

type Ctx = z.RefinementCtx;

function fail(ctx: Ctx, code: SentimentErrorCode, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: { [SENTIMENT_CODE]: code } });
  return z.NEVER;
}

function boundedText(field: string, min: number, max: number) {
  return z
    .string({ error: `${field} must be a string` })
    .nullish()
    .transform((value, ctx) => {
      const text = (value ?? '').trim();
      if (text.length < min) return fail(ctx, 'EMPTY_TEXT', value == null ? `${field} is required` : `${field} must not be blank`);
      if (text.length > max) return fail(ctx, 'TEXT_TOO_LONG', `${field} must be at most ${max} characters (got ${text.length})`);
      return text;
    });
}

/** True when the y-m-d h:m:s written in the string exist (Date.parse happily rolls 2024-02-30 into March). */
function calendarFieldsValid(match: RegExpExecArray): boolean {
  const [, y, mo, d, h, mi, s, zh, zm] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth &&
    Number(h) <= 23 && Number(mi) <= 59 && Number(s ?? 0) <= 59 &&
    Number(zh ?? 0) <= 23 && Number(zm ?? 0) <= 59
  );
}

/** Parses an ISO-8601 instant with a zone; null when it is not one. */
export function parseIsoInstant(value: string): Date | null {
  const match = ISO_WITH_ZONE.exec(value.trim());
  if (!match || !calendarFieldsValid(match)) return null;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : new Date(ms);
}

function publishedAtSchema(now: Date, maxFutureSkewMs: number) {
  return z.unknown().transform((value, ctx) => {
    let date: Date | null;
    if (value === undefined || value === null) return fail(ctx, 'INVALID_TIMESTAMP', 'published_at is required');
    if (value instanceof Date) date = Number.isNaN(value.getTime()) ? null : new Date(value.getTime());
    else if (typeof value === 'string') date = parseIsoInstant(value);
    else date = null;
    if (date === null) {
      return fail(ctx, 'INVALID_TIMESTAMP', `published_at must be an ISO-8601 date-time with a time zone, got ${JSON.stringify(value)}`);
    }
    if (date.getTime() - now.getTime() > maxFutureSkewMs) {
      return fail(ctx, 'INVALID_TIMESTAMP', `published_at ${date.toISOString()} is more than ${Math.round(maxFutureSkewMs / 1000)} s after now (${now.toISOString()})`);
    }
    return date;
  });
}

function urlSchema() {
  return z
    .string({ error: 'url must be a string' })
    .nullish()
    .transform((value, ctx) => {
      const text = (value ?? '').trim();
      // An empty url is what many feeds write for "no link"; treat it as absent.
      if (text === '') return undefined;
      if (text.length > NEWS_LIMITS.urlMaxChars) return fail(ctx, 'INVALID_URL', `url must be at most ${NEWS_LIMITS.urlMaxChars} characters`);
      let parsed: URL;
      try {
        parsed = new URL(text);
      } catch {
        return fail(ctx, 'INVALID_URL', `url is not a valid absolute URL: ${JSON.stringify(text)}`);
      }
      // Only web links: a javascript: or file: URL would be a hazard where the dashboard renders it.
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        return fail(ctx, 'INVALID_URL', `url must use http or https, got ${parsed.protocol}`);
      }
      return text;
    });
}

function symbolsSchema(knownSymbols: ReadonlySet<string>) {
  return z
    .array(z.string({ error: 'symbols must hold strings' }), { error: 'symbols must be an array of tickers' })
    .max(NEWS_LIMITS.maxSymbolsPerItem, { error: `symbols may hold at most ${NEWS_LIMITS.maxSymbolsPerItem} tickers` })
    .nullish()
    .transform((value, ctx) => {
      // Tickers are compared upper-case; "aapl" is accepted as AAPL rather than rejected for its case.
      const symbols = (value ?? []).map((s) => s.trim().toUpperCase());
      const unknown = symbols.filter((s) => !TICKER.test(s) || !knownSymbols.has(s));
      for (const s of [...new Set(unknown)]) fail(ctx, 'UNKNOWN_SYMBOL', `unknown symbol ${JSON.stringify(s)}`);
      if (unknown.length > 0) return z.NEVER;
      return [...new Set(symbols)].sort();
    });
}

/** Accepts camelCase publishedAt too (GraphQL style); published_at wins when both are present. */
function normaliseKeys(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || raw instanceof Date) return raw;
  const record = raw as Record<string, unknown>;
  if (record['published_at'] === undefined && record['publishedAt'] !== undefined) {
    const { publishedAt, ...rest } = record;
    return { ...rest, published_at: publishedAt };
  }
  return record;
}

/** The zod schema of one news item, bound to a clock and the known symbols. Output is a NewsItem. */
export function createNewsItemSchema(options: NewsValidationOptions) {
  const skew = options.maxFutureSkewMs ?? NEWS_LIMITS.maxFutureSkewMs;
  return z.preprocess(
    normaliseKeys,
    z
      .object(
        {
          headline: boundedText('headline', 1, NEWS_LIMITS.headlineMaxChars),
          body: boundedText('body', 0, NEWS_LIMITS.bodyMaxChars),
          source: boundedText('source', 1, NEWS_LIMITS.sourceMaxChars),
          url: urlSchema(),
          symbols: symbolsSchema(options.knownSymbols),
          published_at: publishedAtSchema(options.now, skew),
        },
        { error: 'a news item must be an object' },
      )
      .transform(
        (o): NewsItem => ({
          headline: o.headline,
          body: o.body,
          source: o.source,
          url: o.url,
          symbols: o.symbols,
          publishedAt: o.published_at,
        }),
      ),
  );
}

function toSentimentError(issue: z.core.$ZodIssue): SentimentInputError {
  const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
  const params = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined;
  const coded = params?.[SENTIMENT_CODE] as SentimentErrorCode | undefined;
  if (coded !== undefined) return new SentimentInputError(coded, issue.message, { field });
  // Built-in zod issues are about shape (wrong type, too many symbols): the item is malformed.
  const code: SentimentErrorCode = field === 'url' ? 'INVALID_URL' : field === 'published_at' ? 'INVALID_TIMESTAMP' : 'INVALID_ITEM';
  return new SentimentInputError(code, field === undefined ? issue.message : `${field}: ${issue.message}`, { field });
}

export type NewsItemValidator = (input: unknown) => NewsItemResult;

/** A validator bound to `options`, for validating many items without rebuilding the schema. */
export function createNewsItemValidator(options: NewsValidationOptions): NewsItemValidator {
  const schema = createNewsItemSchema(options);
  return (input) => {
    const parsed = schema.safeParse(input);
    if (parsed.success) return { ok: true, item: parsed.data };
    return { ok: false, errors: parsed.error.issues.map(toSentimentError) };
  };
}

/** Validates one item, reporting every problem it has (not only the first). */
export function validateNewsItem(input: unknown, options: NewsValidationOptions): NewsItemResult {
  return createNewsItemValidator(options)(input);
}

export interface NewsBatchOptions extends NewsValidationOptions {
  /** Default NEWS_LIMITS.maxBatchItems (500). */
  maxItems?: number;
}

/** All items valid, or every error of every bad item (each carrying its index); no partial ingestion. */
export type NewsBatchResult = { ok: true; items: NewsItem[] } | { ok: false; errors: SentimentInputError[] };

export function validateNewsBatch(input: unknown, options: NewsBatchOptions): NewsBatchResult {
  const maxItems = options.maxItems ?? NEWS_LIMITS.maxBatchItems;
  if (!Array.isArray(input)) {
    return { ok: false, errors: [new SentimentInputError('INVALID_ITEM', 'items must be an array', { field: 'items' })] };
  }
  if (input.length > maxItems) {
    return {
      ok: false,
      errors: [new SentimentInputError('TOO_MANY_ITEMS', `at most ${maxItems} items per batch, got ${input.length}`, { field: 'items' })],
    };
  }
  const validate = createNewsItemValidator(options);
  const items: NewsItem[] = [];
  const errors: SentimentInputError[] = [];
  input.forEach((raw: unknown, index) => {
    const result = validate(raw);
    if (result.ok) items.push(result.item);
    else for (const error of result.errors) errors.push(error.atIndex(index));
  });
  return errors.length === 0 ? { ok: true, items } : { ok: false, errors };
}
