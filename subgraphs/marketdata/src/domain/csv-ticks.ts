// CSV tick files: the header decides the row layout (trades, quotes, depth, or mixed with a `type`
// column); a header that fits no layout refuses the whole file, single bad rows become rejections.
import { parse } from 'csv-parse/sync';
import { TickFileError } from './errors';
import { FIELDS_BY_KIND, TICK_KINDS, readKind, type TickKind } from './tick-row';
import { canonicalFieldName, type SourceRecord } from './tick-source';

type Layout = { mixed: false; kind: TickKind } | { mixed: true };

const ALL_FIELDS = new Set(['type', ...Object.values(FIELDS_BY_KIND).flat()]);
const LAYOUT_HINT =
  'expected one of: timestamp,symbol,price,size (trades) | timestamp,symbol,bid,ask,bid_size,ask_size (quotes) | ' +
  'timestamp,symbol,side,price,size (depth) | type,timestamp,symbol plus the columns of the types used (mixed); any order';

interface CsvRow {
  record: string[];
  info: { lines: number };
}

export function readCsvRecords(content: string): SourceRecord[] {
  const rows = parseCsv(content).filter((row) => row.record.some((cell) => cell !== ''));
  const header = rows.shift();
  if (header === undefined) return [];
  const columns = header.record.map(canonicalFieldName).map((c) => (c === 'kind' ? 'type' : c));
  const layout = layoutOf(columns);
  const index = new Map(columns.map((c, i) => [c, i]));
  return rows.map((row) => toSourceRecord(row, columns, index, layout));
}

function parseCsv(content: string): CsvRow[] {
  try {
    // csv-parse miscounts lines after a CRLF inside quotes, so line endings are made LF first.
    return parse(content.replace(/\r\n/g, '\n'), { bom: true, trim: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as CsvRow[];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw new TickFileError('MALFORMED_CSV', `CSV could not be read: ${(error as Error).message}`, typeof line === 'number' ? { line } : {});
  }
}

/** Which layout a header is; throws BAD_COLUMNS naming the missing and unknown columns otherwise. */
function layoutOf(columns: string[]): Layout {
  const duplicates = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (duplicates.length > 0) {
    throw new TickFileError('BAD_COLUMNS', `CSV header repeats column(s) ${unique(duplicates).join(', ')} (type and kind count as the same column)`);
  }
  const unknown = columns.filter((c) => !ALL_FIELDS.has(c));
  const present = new Set(columns);
  if (present.has('type')) {
    const missing = ['timestamp', 'symbol'].filter((c) => !present.has(c));
    const servesSomeKind = TICK_KINDS.some((k) => FIELDS_BY_KIND[k].every((c) => present.has(c)));
    if (unknown.length === 0 && missing.length === 0 && servesSomeKind) return { mixed: true };
    throw badColumns('mixed (type column)', missing, unknown, servesSomeKind ? '' : '; it has the columns of no tick type');
  }
  const kind: TickKind = present.has('bid') || present.has('ask') || present.has('bid_size') || present.has('ask_size') ? 'quote' : present.has('side') ? 'depth' : 'trade';
  const expected = FIELDS_BY_KIND[kind];
  const missing = expected.filter((c) => !present.has(c));
  const extra = columns.filter((c) => !expected.includes(c));
  if (missing.length === 0 && extra.length === 0) return { mixed: false, kind };
  throw badColumns(`${kind} rows`, missing, extra, '');
}

function badColumns(layout: string, missing: string[], unknown: string[], more: string): TickFileError {
  const parts = [
    missing.length > 0 ? `missing column(s) ${missing.join(', ')}` : '',
    unknown.length > 0 ? `unexpected column(s) ${unknown.join(', ')}` : '',
  ].filter(Boolean);
  return new TickFileError('BAD_COLUMNS', `CSV header read as ${layout}: ${parts.join('; ')}${more}; ${LAYOUT_HINT}`, { missing, unknown });
}

function toSourceRecord(row: CsvRow, columns: string[], index: Map<string, number>, layout: Layout): SourceRecord {
  // info.lines is where the record ENDS; quoted cells may span lines, so step back over their newlines.
  const line = row.info.lines - row.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  if (row.record.length !== columns.length) {
    return { line, reason: `expected ${columns.length} fields, found ${row.record.length}` };
  }
  const cell = (field: string): string | undefined => {
    const i = index.get(field);
    return i === undefined ? undefined : row.record[i];
  };
  if (!layout.mixed) return { line, kind: layout.kind, read: cell };
  const kind = readKind(cell('type'));
  if (kind === null) return { line, reason: `type must be trade, quote or depth, got ${JSON.stringify(cell('type'))}` };
  const needed = FIELDS_BY_KIND[kind];
  const absent = needed.filter((c) => !index.has(c));
  if (absent.length > 0) return { line, reason: `a ${kind} row needs column(s) ${absent.join(', ')}, which the header lacks` };
  // A value in a column the row type does not use usually means the columns shifted: refuse the row.
  const stray = columns.filter((c) => c !== 'type' && !needed.includes(c) && cell(c) !== '');
  if (stray.length > 0) return { line, reason: `a ${kind} row must leave ${stray.join(', ')} empty` };
  return { line, kind, read: cell };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
