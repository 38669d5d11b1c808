// The last pure step before a validated news item is stored: settle its symbols (given, else tagged)
// and compute its content hash, so the service layer only has to write the row and invalidate caches.
import { newsContentHash } from './content-hash';
import type { NewsItem } from './news-item';
import { resolveSymbols, type ResolvedSymbols, type SymbolTagger } from './symbols';

export interface PreparedNewsItem extends NewsItem {
  symbolOrigin: ResolvedSymbols['origin'];
  contentHash: string;
}

export function prepareNewsItem(item: NewsItem, tagger: SymbolTagger): PreparedNewsItem {
  const { symbols, origin } = resolveSymbols(item, tagger);
  return { ...item, symbols, symbolOrigin: origin, contentHash: newsContentHash(item) };
}

/**
 * Drops repeats of a story within one batch (first occurrence kept, order preserved); across batches
 * the unique index on content_hash does the same job.
 */
export function dedupeByContentHash<T extends { contentHash: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  const unique: T[] = [];
  for (const item of items) {
    if (seen.has(item.contentHash)) continue;
    seen.add(item.contentHash);
    unique.push(item);
  }
  return unique;
}
