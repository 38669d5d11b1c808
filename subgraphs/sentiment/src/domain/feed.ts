// Parser of the NDJSON news feed the replayer reads: one JSON news item per line; blank lines are
// skipped, and a line that is not JSON or not a valid item is rejected with its 1-based line number
// while the rest of the file still loads.
import { SentimentInputError } from './errors';
import { createNewsItemValidator, type NewsItem, type NewsValidationOptions } from './news-item';

export interface RejectedLine {
  /** 1-based line number in the file. */
  line: number;
  /** Every problem of the line, joined for logs. */
  reason: string;
  errors: SentimentInputError[];
}

export interface ParsedNewsFeed {
  items: NewsItem[];
  rejected: RejectedLine[];
}

/**
 * `options` supplies the clock and known symbols the item validation needs (see validateNewsItem);
 * both snake_case `published_at` and camelCase `publishedAt` are accepted. A UTF-8 byte-order mark and
 * CRLF line ends are tolerated.
 */
export function parseNewsFeed(text: string, options: NewsValidationOptions): ParsedNewsFeed {
  const validate = createNewsItemValidator(options);
  const items: NewsItem[] = [];
  const rejected: RejectedLine[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((content, i) => {
    const line = i + 1;
    if (content.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const err = new SentimentInputError('INVALID_ITEM', `invalid JSON: ${detail}`);
      rejected.push({ line, reason: err.message, errors: [err] });
      return;
    }
    const result = validate(json);
    if (result.ok) items.push(result.item);
    else rejected.push({ line, reason: result.errors.map((e) => e.message).join('; '), errors: result.errors });
  });
  return { items, rejected };
}
