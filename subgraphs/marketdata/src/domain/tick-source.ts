// The intermediate form both file readers produce: one record per non-blank line (1-based line number),
// either ready to validate as a tick of a known kind or already refused with a reason.
import type { FieldReader, TickKind } from './tick-row';

export type SourceRecord =
  | { line: number; kind: TickKind; read: FieldReader }
  | { line: number; reason: string };

/** snake_case form of a field name: bidSize, BidSize, BID_SIZE and bid_size all become bid_size. */
export function canonicalFieldName(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}
