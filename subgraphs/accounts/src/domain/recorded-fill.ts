// Is a fill from the stream the one the execution engine recorded (or the one already applied)? Pure
// comparisons of a fill message with execution's `fills` row or with the ledger entry of its trade id:
// ids, symbol and side as exact text, figures as exact decimals (a JSON number 10 equals a stored
// 10.0000000000). The first differing field is reported, ready to be a dead-letter reason.
import type Decimal from 'decimal.js';
import { exact } from '@aitrader/platform/decimal';

/** What accounts needs to trust of a fill: the wire `Fill` fits, and so do stored rows (Decimals). */
export interface FillFacts {
  orderId: string;
  accountId: string;
  symbol: string;
  side: string;
  quantity: Decimal.Value;
  price: Decimal.Value;
  fee: Decimal.Value;
}

/** A ledger FILL entry knows everything but the order id. */
export type AppliedFillFacts = Omit<FillFacts, 'orderId'>;

export type FillField = keyof FillFacts;

/** Checked in this order; the first that differs is reported. */
const TEXT_FIELDS = ['orderId', 'accountId', 'symbol', 'side'] as const;
const FIGURE_FIELDS = ['quantity', 'price', 'fee'] as const;

export interface FillDifference {
  field: FillField;
  /** The message's value, as text (figures in plain decimal notation). */
  got: string;
  /** The reference's value (recorded or applied), as text. */
  expected: string;
}

export type FillComparison = { ok: true } | { ok: false; difference: FillDifference };

/** A fill message against execution's row of the same trade id: every field must agree exactly. */
export function compareWithRecorded(fill: FillFacts, recorded: FillFacts): FillComparison {
  return firstDifference(fill, recorded, TEXT_FIELDS);
}

/** A redelivered fill against the ledger entry already applied for its trade id (no order id there). */
export function compareWithApplied(fill: AppliedFillFacts, applied: AppliedFillFacts): FillComparison {
  return firstDifference(fill, applied, TEXT_FIELDS.filter((f) => f !== 'orderId') as (keyof AppliedFillFacts)[]);
}

export type FillRejectionCode = 'UNRECORDED_FILL' | 'FILL_MISMATCH' | 'CONFLICTING_DUPLICATE';

/** `UNRECORDED_FILL: no execution fill with trade id T-1`. */
export function unrecordedReason(tradeId: string): string {
  return `UNRECORDED_FILL: no execution fill with trade id ${tradeId}`;
}

/** `FILL_MISMATCH: quantity 10 ≠ recorded 5 (trade id T-1)`. */
export function mismatchReason(tradeId: string, d: FillDifference): string {
  return `FILL_MISMATCH: ${d.field} ${d.got} ≠ recorded ${d.expected} (trade id ${tradeId})`;
}

/** `CONFLICTING_DUPLICATE: quantity 10 ≠ applied 5 (trade id T-1)`. */
export function conflictingDuplicateReason(tradeId: string, d: FillDifference): string {
  return `CONFLICTING_DUPLICATE: ${d.field} ${d.got} ≠ applied ${d.expected} (trade id ${tradeId})`;
}

function firstDifference<F extends AppliedFillFacts>(fill: F, reference: F, textFields: readonly (keyof F & string)[]): FillComparison {
  for (const field of textFields) {
    const got = String(fill[field]);
    const expected = String(reference[field]);
    if (got !== expected) return { ok: false, difference: { field: field as FillField, got, expected } };
  }
  for (const field of FIGURE_FIELDS) {
    const got = figure(fill[field]);
    const expected = figure(reference[field]);
    if (got === undefined || expected === undefined || !got.eq(expected)) {
      return { ok: false, difference: { field, got: text(fill[field], got), expected: text(reference[field], expected) } };
    }
  }
  return { ok: true };
}

/** An exact finite Decimal, or undefined for anything that is not a number (never equal to anything). */
function figure(value: Decimal.Value): Decimal | undefined {
  try {
    const d = exact(typeof value === 'object' ? value.toString() : value);
    return d.isFinite() ? d : undefined;
  } catch {
    return undefined;
  }
}

function text(raw: Decimal.Value, parsed: Decimal | undefined): string {
  return parsed === undefined ? String(raw) : parsed.toString();
}
