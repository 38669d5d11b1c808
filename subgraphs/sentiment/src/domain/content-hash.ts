// Content hash for deduplicating news: the same story re-ingested (replayed feed, retried mutation,
// a second wire carrying it) hashes the same, so news_items.content_hash's unique index drops the copy.
import { createHash } from 'node:crypto';

export interface HashableNews {
  source: string;
  headline: string;
  /** A Date or an ISO-8601 string; equal instants written differently hash the same. */
  publishedAt: Date | string;
}

/** Bump when the normalisation or layout changes, so old and new hashes can never collide. */
const HASH_VERSION = 'news-v1';

/**
 * Text as a reader would compare it: Unicode NFKC (full-width letters, ligatures, non-breaking spaces
 * fold to their plain forms), lower case, runs of whitespace collapsed to one space, ends trimmed.
 * Punctuation is kept: "Apple beats." and "Apple beats?" are different headlines.
 */
export function normaliseForHash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

function canonicalInstant(value: Date | string): string {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  // An unparseable time cannot reach here through validation; keep it verbatim rather than throw.
  return Number.isNaN(ms) ? String(value).trim() : new Date(ms).toISOString();
}

/**
 * sha256 (64 lower-case hex chars) over the normalised source, headline and publication instant.
 * Body and url are left out on purpose: wires re-send the same story with edited bodies or tracking
 * parameters in the link, and those are still the same story.
 */
export function newsContentHash(item: HashableNews): string {
  // A JSON array keeps fields unambiguous: no separator can be smuggled in through a value.
  const key = JSON.stringify([HASH_VERSION, normaliseForHash(item.source), normaliseForHash(item.headline), canonicalInstant(item.publishedAt)]);
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
