// Validation of one tick-file row, whatever the file format: the field rules (finite numbers, positive
// prices, non-crossed quotes, known symbol, zoned timestamp) live here once, for CSV and NDJSON alike.
import type { Tick } from '@aitrader/platform/messages';
import { MarketDataError } from './errors';
import { formatTimestamp, parseTimestamp } from './timestamps';

export type TickKind = Tick['kind'];
export const TICK_KINDS: readonly TickKind[] = ['trade', 'quote', 'depth'];

/** Canonical (snake_case) field names each row kind needs. */
export const FIELDS_BY_KIND: Readonly<Record<TickKind, readonly string[]>> = {
  trade: ['timestamp', 'symbol', 'price', 'size'],
  quote: ['timestamp', 'symbol', 'bid', 'ask', 'bid_size', 'ask_size'],
  depth: ['timestamp', 'symbol', 'side', 'price', 'size'],
};

export type RowResult = { ok: true; tick: Tick; epochMs: number } | { ok: false; reason: string };

/** Reads a field by canonical name; undefined when absent. */
export type FieldReader = (field: string) => unknown;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A Tick (without seq) from one row, or every problem found in it. */
export function readTickRow(kind: TickKind, read: FieldReader, isKnownSymbol: (symbol: string) => boolean): RowResult {
  const problems: string[] = [];
  const epochMs = readTimestamp(read('timestamp'), problems);
  const symbol = readSymbol(read('symbol'), isKnownSymbol, problems);
  const timestamp = Number.isNaN(epochMs) ? '' : formatTimestamp(epochMs);
  let tick: Tick;
  if (kind === 'trade') {
    const price = readNumber(read('price'), 'price', 'positive', problems);
    const size = readNumber(read('size'), 'size', 'positive', problems);
    tick = { kind, symbol, timestamp, price, size };
  } else if (kind === 'quote') {
    const bid = readNumber(read('bid'), 'bid', 'positive', problems);
    const ask = readNumber(read('ask'), 'ask', 'positive', problems);
    const bidSize = readNumber(read('bid_size'), 'bid_size', 'nonNegative', problems);
    const askSize = readNumber(read('ask_size'), 'ask_size', 'nonNegative', problems);
    if (bid > ask) problems.push(`crossed quote: bid ${bid} is above ask ${ask}`);
    tick = { kind, symbol, timestamp, bid, ask, bidSize, askSize };
  } else {
    const side = readSide(read('side'), problems);
    const price = readNumber(read('price'), 'price', 'positive', problems);
    const size = readNumber(read('size'), 'size', 'nonNegative', problems);
    tick = { kind, symbol, timestamp, side, price, size };
  }
  return problems.length > 0 ? { ok: false, reason: problems.join('; ') } : { ok: true, tick, epochMs };
}

/** 'trade' | 'quote' | 'depth' from a type/kind cell (case-insensitive), or null. */
export function readKind(value: unknown): TickKind | null {
  if (typeof value !== 'string') return null;
  const kind = value.trim().toLowerCase();
  return (TICK_KINDS as readonly string[]).includes(kind) ? (kind as TickKind) : null;
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function readTimestamp(value: unknown, problems: string[]): number {
  if (isMissing(value)) {
    problems.push('timestamp is missing');
    return Number.NaN;
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    problems.push('timestamp must be a string or a number');
    return Number.NaN;
  }
  try {
    return parseTimestamp(value);
  } catch (error) {
    problems.push(error instanceof MarketDataError ? error.message : `timestamp ${String(value)} is not valid`);
    return Number.NaN;
  }
}

function readSymbol(value: unknown, isKnownSymbol: (symbol: string) => boolean, problems: string[]): string {
  if (isMissing(value) || typeof value !== 'string') {
    problems.push('symbol is missing');
    return '';
  }
  const symbol = value.trim();
  if (!isKnownSymbol(symbol)) problems.push(`unknown symbol "${symbol}"`);
  return symbol;
}

function readSide(value: unknown, problems: string[]): 'bid' | 'ask' {
  const side = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (side === 'bid' || side === 'ask') return side;
  problems.push(`side must be "bid" or "ask", got ${JSON.stringify(value ?? '')}`);
  return 'bid';
}

/** Numbers may arrive as JSON numbers or decimal text; NaN, Infinity, hex and '' are all refused. */
function readNumber(value: unknown, field: string, rule: 'positive' | 'nonNegative', problems: string[]): number {
  if (isMissing(value)) {
    problems.push(`${field} is missing`);
    return Number.NaN;
  }
  let n = Number.NaN;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && DECIMAL.test(value.trim())) n = Number(value.trim());
  if (!Number.isFinite(n)) {
    problems.push(`${field} ${JSON.stringify(value)} is not a finite number`);
    return Number.NaN;
  }
  if (Object.is(n, -0)) n = 0;
  if (rule === 'positive' && n <= 0) problems.push(`${field} must be greater than 0, got ${n}`);
  if (rule === 'nonNegative' && n < 0) problems.push(`${field} must not be negative, got ${n}`);
  return n;
}
