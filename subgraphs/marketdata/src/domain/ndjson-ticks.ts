// NDJSON tick files: one JSON object per line with `type` (or `kind`) and the tick fields, in camelCase
// or snake_case. Fields the row type does not use (seq, venue...) are ignored.
import { readKind } from './tick-row';
import { canonicalFieldName, type SourceRecord } from './tick-source';

export function readNdjsonRecords(content: string): SourceRecord[] {
  const records: SourceRecord[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((text, i) => {
    if (text.trim() !== '') records.push(toSourceRecord(text, i + 1));
  });
  return records;
}

function toSourceRecord(text: string, line: number): SourceRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, reason: `not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line, reason: 'line is not a JSON object' };
  const fields = new Map<string, unknown>();
  for (const [key, fieldValue] of Object.entries(value)) {
    const name = canonicalFieldName(key) === 'kind' ? 'type' : canonicalFieldName(key);
    // bidSize and bid_size (or type and kind) both present and different: which one was meant?
    if (fields.has(name) && fields.get(name) !== fieldValue) return { line, reason: `conflicting values for ${name}` };
    fields.set(name, fieldValue);
  }
  const kind = readKind(fields.get('type'));
  if (kind === null) return { line, reason: `type (or kind) must be trade, quote or depth, got ${JSON.stringify(fields.get('type') ?? null)}` };
  return { line, kind, read: (field) => fields.get(field) };
}
