// Unit and property tests of the recorded-fill comparison: a stream fill (JSON numbers) agrees with
// execution's row (DECIMAL(24,10) text) exactly when every field agrees; any one changed field is the
// one reported, the first in field order when several differ; reasons carry their code prefix.
import fc from 'fast-check';
import { exact } from '@aitrader/platform/decimal';
import {
  compareWithApplied, compareWithRecorded, conflictingDuplicateReason, mismatchReason, unrecordedReason, type FillFacts, type FillField,
} from './recorded-fill';

const FIELDS: FillField[] = ['orderId', 'accountId', 'symbol', 'side', 'quantity', 'price', 'fee'];

const message: FillFacts = { orderId: 'o-1', accountId: 'acct', symbol: 'AAPL', side: 'BUY', quantity: 10, price: 255.02, fee: 2.5502 };
/** The same fill as execution stores it: DECIMAL(24,10) text. */
const row: FillFacts = { ...message, quantity: '10.0000000000', price: '255.0200000000', fee: '2.5502000000' };

describe('compareWithRecorded', () => {
  test('a message agrees with its stored row: JSON numbers against DECIMAL(24,10) text', () => {
    expect(compareWithRecorded(message, row)).toEqual({ ok: true });
  });

  test('reports the differing field with both values as plain decimals', () => {
    expect(compareWithRecorded({ ...message, quantity: 10 }, { ...row, quantity: '5.0000000000' })).toEqual({ ok: false, difference: { field: 'quantity', got: '10', expected: '5' } });
    expect(compareWithRecorded({ ...message, price: 255.0200000001 }, row)).toMatchObject({ ok: false, difference: { field: 'price', got: '255.0200000001', expected: '255.02' } });
    expect(compareWithRecorded({ ...message, side: 'SELL' }, row)).toMatchObject({ ok: false, difference: { field: 'side', got: 'SELL', expected: 'BUY' } });
    expect(compareWithRecorded({ ...message, orderId: 'o-2' }, row)).toMatchObject({ ok: false, difference: { field: 'orderId' } });
  });

  test('the first differing field in field order is the one reported', () => {
    const r = compareWithRecorded({ ...message, fee: 0, symbol: 'MSFT', accountId: 'other' }, row);
    expect(r).toMatchObject({ ok: false, difference: { field: 'accountId' } });
  });

  test('a figure that is not a number never agrees', () => {
    expect(compareWithRecorded({ ...message, fee: Number.NaN }, row)).toMatchObject({ ok: false, difference: { field: 'fee', got: 'NaN' } });
    expect(compareWithRecorded({ ...message, fee: 'abc' }, { ...row, fee: 'abc' })).toMatchObject({ ok: false, difference: { field: 'fee' } });
  });
});

describe('compareWithApplied', () => {
  test('ignores the order id (the ledger has none) and compares the rest exactly', () => {
    const { orderId: _, ...applied } = row;
    expect(compareWithApplied({ ...message, orderId: 'whatever' } as FillFacts, applied)).toEqual({ ok: true });
    expect(compareWithApplied({ ...message, quantity: 7 }, applied)).toEqual({ ok: false, difference: { field: 'quantity', got: '7', expected: '10' } });
  });
});

test('reasons start with their code', () => {
  const d = { field: 'quantity' as const, got: '10', expected: '5' };
  expect(unrecordedReason('T-1')).toBe('UNRECORDED_FILL: no execution fill with trade id T-1');
  expect(mismatchReason('T-1', d)).toBe('FILL_MISMATCH: quantity 10 ≠ recorded 5 (trade id T-1)');
  expect(conflictingDuplicateReason('T-1', d)).toBe('CONFLICTING_DUPLICATE: quantity 10 ≠ applied 5 (trade id T-1)');
});

describe('properties', () => {
  const RUNS = { numRuns: 500 };
  /** A storage-scale figure with ≤ 15 significant digits, so its JSON number is exact: [number, stored text]. */
  const figure = (min: number) =>
    fc.tuple(fc.integer({ min, max: 99_999_999_999 }), fc.integer({ min: 0, max: 10 })).map(([n, places]) => {
      const d = exact(`${n}e-${places}`);
      return [d.toNumber(), d.toFixed(10)] as const;
    });
  const id = fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/);
  const fill = fc.record({ orderId: id, accountId: id, symbol: fc.constantFrom('AAPL', 'MSFT', 'BTC-USD'), side: fc.constantFrom('BUY', 'SELL'), quantity: figure(1), price: figure(1), fee: figure(0) });
  type Generated = typeof fill extends fc.Arbitrary<infer T> ? T : never;
  const asMessage = (f: Generated): FillFacts => ({ ...f, quantity: f.quantity[0], price: f.price[0], fee: f.fee[0] });
  const asRow = (f: Generated): FillFacts => ({ ...f, quantity: f.quantity[1], price: f.price[1], fee: f.fee[1] });

  test('every fill agrees with its own stored row', () => {
    fc.assert(fc.property(fill, (f) => compareWithRecorded(asMessage(f), asRow(f)).ok), RUNS);
  });

  test('agreement is exactly decimal equality, field by field, and the first differing field is reported', () => {
    fc.assert(
      fc.property(fill, fill, fc.subarray(FIELDS, { minLength: 1 }), (a, b, changed) => {
        // b's values in the changed fields, a's elsewhere.
        const mixed = { ...a, ...Object.fromEntries(changed.map((k) => [k, b[k]])) } as typeof a;
        const differs = FIELDS.filter((k) => (Array.isArray(a[k]) ? !exact(String(a[k][1])).eq(String(mixed[k][1])) : a[k] !== mixed[k]));
        const r = compareWithRecorded(asMessage(mixed), asRow(a));
        if (differs.length === 0) return r.ok;
        return !r.ok && r.difference.field === differs[0];
      }),
      RUNS,
    );
  });

  test('the comparison is symmetric', () => {
    fc.assert(fc.property(fill, fill, (a, b) => compareWithRecorded(asMessage(a), asRow(b)).ok === compareWithRecorded(asMessage(b), asRow(a)).ok), RUNS);
  });
});
