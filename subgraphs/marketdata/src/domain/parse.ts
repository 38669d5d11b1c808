// Entry point for uploaded tick files: reads CSV or NDJSON, validates every row, enforces per-symbol
// time order, and returns the accepted Ticks (seq = index among them) with a reason for each rejected line.
import { Tick, describeIssues } from '@aitrader/platform/messages';
import { readCsvRecords } from './csv-ticks';
import { TickFileError } from './errors';
import { readNdjsonRecords } from './ndjson-ticks';
import { readTickRow } from './tick-row';

export type TickFileFormat = 'csv' | 'ndjson';

export interface ParseTickFileOptions {
  isKnownSymbol(symbol: string): boolean;
}

export interface RejectedRow {
  /** 1-based physical line number in the file (blank lines count as lines, not as rows). */
  line: number;
  reason: string;
}

export interface ParsedTickFile {
  ticks: Tick[];
  rejected: RejectedRow[];
  /** Data rows seen (header and blank lines excluded): ticks.length + rejected.length. */
  total: number;
}

/** Throws TickFileError only when the whole file is unusable; bad rows land in `rejected`. */
export function parseTickFile(content: string, format: TickFileFormat, options: ParseTickFileOptions): ParsedTickFile {
  const records = format === 'csv' ? readCsvRecords(content) : format === 'ndjson' ? readNdjsonRecords(content) : null;
  if (records === null) throw new TickFileError('BAD_FORMAT', `unknown tick file format ${JSON.stringify(format)}: use csv or ndjson`);
  const ticks: Tick[] = [];
  const rejected: RejectedRow[] = [];
  const lastAcceptedMs = new Map<string, number>();
  for (const record of records) {
    if ('reason' in record) {
      rejected.push({ line: record.line, reason: record.reason });
      continue;
    }
    const row = readTickRow(record.kind, record.read, (s) => options.isKnownSymbol(s));
    if (!row.ok) {
      rejected.push({ line: record.line, reason: row.reason });
      continue;
    }
    const previous = lastAcceptedMs.get(row.tick.symbol);
    if (previous !== undefined && row.epochMs < previous) {
      rejected.push({ line: record.line, reason: `out of order: ${row.tick.timestamp} is earlier than the previous ${row.tick.symbol} row (${new Date(previous).toISOString()})` });
      continue;
    }
    // The platform schema is the last word on what may be published to the ticks stream.
    const checked = Tick.safeParse({ ...row.tick, seq: ticks.length });
    if (!checked.success) {
      rejected.push({ line: record.line, reason: describeIssues(checked.error) });
      continue;
    }
    lastAcceptedMs.set(row.tick.symbol, row.epochMs);
    ticks.push(checked.data);
  }
  return { ticks, rejected, total: records.length };
}
