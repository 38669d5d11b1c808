// Property tests for applyFill over random fill sequences: conservation of value (exact but for the
// documented rounding, bounded explicitly), quantity as the exact sum of fills, the average within the
// prices that built the position, flat ⇒ average 0, storage-scale outputs, determinism.
import type Decimal from 'decimal.js';
import fc from 'fast-check';
import { valueAccount } from './account';
import { exact, EXACT_ZERO } from '@aitrader/platform/decimal';
import { applyFill, emptyPosition, replayFills, signedQuantity, type FillInput, type PositionState, type Side } from './position';

const RUNS = { numRuns: 1000 };
/** Half a unit in the 10th place: the most any one rounding to the storage scale can move a value. */
const HALF_ULP = exact('0.00000000005');
const SYMBOL = 'ABC';

/** Decimals on a grid of 10^-places: min..max counted in that unit. */
const scaled = (min: number, max: number, places: number) => fc.integer({ min, max }).map((n) => exact(`${n}e-${places}`));
const wholeUnits = (max: number) => fc.integer({ min: 1, max }).map((n) => exact(n));

/** Up to 4 decimals; small whole quantities mixed in so that exact flats and flips come up often. */
const fill4 = fc.record({
  side: fc.constantFrom<Side>('BUY', 'SELL'),
  quantity: fc.oneof(wholeUnits(5), scaled(1, 10_000_000, 4)),
  price: fc.oneof(wholeUnits(20), scaled(1, 100_000_000, 4)),
  fee: fc.oneof(fc.constant(EXACT_ZERO), scaled(0, 100_000, 4)),
});
/** Full storage scale (10 decimals), where the notional may round too. */
const fill10 = fc.record({
  side: fc.constantFrom<Side>('BUY', 'SELL'),
  quantity: fc.oneof(wholeUnits(5), scaled(1, 2_000_000_000, 10), scaled(1, 1_000_000, 4)),
  price: fc.oneof(wholeUnits(20), scaled(1, 2_000_000_000, 7)),
  fee: fc.oneof(fc.constant(EXACT_ZERO), scaled(0, 1_000_000_000, 10)),
});
const exactFill = (side: Side, quantity: string, price: string): FillInput => ({ side, quantity: exact(quantity), price: exact(price), fee: EXACT_ZERO });
/** Sequences that close to flat: a round trip, a short covered in two parts, a flip and back. */
const FLAT_EXAMPLES: [FillInput[]][] = [
  [[exactFill('BUY', '3', '10'), exactFill('SELL', '3', '11')]],
  [[exactFill('SELL', '2.5', '7.25'), exactFill('BUY', '1', '7'), exactFill('BUY', '1.5', '7.5')]],
  [[exactFill('BUY', '1', '5'), exactFill('SELL', '3', '6'), exactFill('BUY', '2', '4')]],
];
const sequence = (fill: fc.Arbitrary<FillInput>) => fc.array(fill, { minLength: 1, maxLength: 40 });
const startingCash = scaled(0, 10_000_000_000, 4);
const mark = fc.oneof(wholeUnits(20), scaled(1, 100_000_000, 4));

interface Walk {
  position: PositionState;
  cash: Decimal;
  signedSum: Decimal;
  realizedSum: Decimal;
  /** Σ of the most each rounding could have moved equity away from start + realized + unrealized. */
  roundingBound: Decimal;
  /** Prices of the fills that built the open position (reset when it goes flat or flips). */
  builtFrom: Decimal[];
  trace: string[];
}

/** Applies the fills one by one, checking per-fill facts and tracking what the end-state checks need. */
function walk(cash0: Decimal, fills: readonly FillInput[]): Walk {
  const w: Walk = { position: emptyPosition(), cash: cash0, signedSum: EXACT_ZERO, realizedSum: EXACT_ZERO, roundingBound: EXACT_ZERO, builtFrom: [], trace: [] };
  for (const fill of fills) {
    const held = w.position.quantity;
    const signed = signedQuantity(fill.side, fill.quantity);
    const { position, cashDelta, realized } = applyFill(w.position, fill);
    const after = position.quantity;

    // cash moves by exactly −notional − fee, the notional rounded at most once
    const exactCash = EXACT_ZERO.minus(signed.times(fill.price)).minus(fill.fee);
    check(cashDelta.minus(exactCash).abs().lessThanOrEqualTo(HALF_ULP), 'cash delta off by more than one rounding');
    w.roundingBound = w.roundingBound.plus(cashDelta.minus(exactCash).abs());

    if (held.isZero() || held.isPositive() === signed.isPositive()) {
      // adding: the new average rounds once, moving the position's cost by at most |qty after| × ½ulp
      w.roundingBound = w.roundingBound.plus(after.abs().times(HALF_ULP));
      w.builtFrom = held.isZero() ? [fill.price] : [...w.builtFrom, fill.price];
      check(realized.equals(EXACT_ZERO.minus(fill.fee)), 'an adding fill realizes exactly −fee');
    } else {
      // reducing: the closed lot's price-move P&L rounds once
      w.roundingBound = w.roundingBound.plus(HALF_ULP);
      if (after.isZero()) w.builtFrom = [];
      else if (after.isPositive() !== held.isPositive()) w.builtFrom = [fill.price];
    }

    for (const value of [after, position.averagePrice, position.realizedPnl, cashDelta, realized]) {
      check(value.decimalPlaces() <= 10, `${value.toString()} is not storable as DECIMAL(24,10) as is`);
    }
    w.position = position;
    w.cash = w.cash.plus(cashDelta);
    w.signedSum = w.signedSum.plus(signed);
    w.realizedSum = w.realizedSum.plus(realized);
    w.trace.push([after, position.averagePrice, position.realizedPnl, cashDelta, realized].join('|'));
  }
  return w;
}

/** A plain assertion for the per-fill checks: expect() per fill would dominate the run time. */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** equity(p) − (starting cash + realized + unrealized at p), via the account valuation. */
function conservationGap(w: Walk, cash0: Decimal, p: Decimal | undefined): Decimal {
  const v = valueAccount({
    cash: w.cash,
    positions: [{ symbol: SYMBOL, ...w.position }],
    marks: new Map([[SYMBOL, p]]),
  });
  expect(v.equity.equals(w.cash.plus(w.position.quantity.times(p ?? w.position.averagePrice)))).toBe(true);
  return v.equity.minus(cash0.plus(v.realizedPnl).plus(v.unrealizedPnl));
}

test.each([
  ['up to 4 decimals', fill4],
  ['up to 10 decimals', fill10],
])('(a) equity(p) = starting cash + realized + (p − avg) × qty, off by no more than the rounding bound (%s)', (_name, fill) => {
  fc.assert(
    fc.property(startingCash, sequence(fill), mark, mark, (cash0, fills, p, q) => {
      const w = walk(cash0, fills);
      const gap = conservationGap(w, cash0, p);
      expect(gap.abs().lessThanOrEqualTo(w.roundingBound)).toBe(true);
      // the gap is the accumulated rounding, not a function of the mark: same at any mark, or none
      expect(conservationGap(w, cash0, q).equals(gap)).toBe(true);
      expect(conservationGap(w, cash0, undefined).equals(gap)).toBe(true);
    }),
    RUNS,
  );
});

test('(a′) with 4-decimal fills the cash side is exact: Σ cashDelta = −Σ signed qty × price − Σ fees', () => {
  fc.assert(
    fc.property(sequence(fill4), (fills) => {
      const expected = fills.reduce((sum, f) => sum.minus(signedQuantity(f.side, f.quantity).times(f.price)).minus(f.fee), EXACT_ZERO);
      expect(replayFills(fills).cashDelta.equals(expected)).toBe(true);
    }),
    RUNS,
  );
});

test('(b) quantity is exactly the signed sum of the fills, and realizedPnl the sum of what each realized', () => {
  fc.assert(
    fc.property(sequence(fc.oneof(fill4, fill10)), (fills) => {
      const w = walk(EXACT_ZERO, fills);
      expect(w.position.quantity.equals(w.signedSum)).toBe(true);
      expect(w.position.realizedPnl.equals(w.realizedSum)).toBe(true);
    }),
    RUNS,
  );
});

test('(c) an open position’s average lies between the lowest and highest price of the fills that built it', () => {
  fc.assert(
    fc.property(sequence(fc.oneof(fill4, fill10)), (fills) => {
      const w = walk(EXACT_ZERO, fills);
      fc.pre(!w.position.quantity.isZero());
      const [first, ...rest] = w.builtFrom;
      if (first === undefined) throw new Error('an open position must have been built by some fill');
      const low = rest.reduce((min, p) => (p.lessThan(min) ? p : min), first);
      const high = rest.reduce((max, p) => (p.greaterThan(max) ? p : max), first);
      expect(w.position.averagePrice.greaterThanOrEqualTo(low)).toBe(true);
      expect(w.position.averagePrice.lessThanOrEqualTo(high)).toBe(true);
    }),
    RUNS,
  );
});

test('(d) flat ⇔ average 0; open ⇒ average > 0', () => {
  let flats = 0;
  fc.assert(
    fc.property(sequence(fill4), (fills) => {
      const w = walk(EXACT_ZERO, fills);
      if (w.position.quantity.isZero()) flats += 1;
      expect(w.position.averagePrice.isZero()).toBe(w.position.quantity.isZero());
      expect(w.position.averagePrice.isNegative()).toBe(false);
    }),
    // Random sequences reach flat only now and then (one run in CI reached none): these always do.
    { ...RUNS, examples: FLAT_EXAMPLES },
  );
  expect(flats).toBeGreaterThan(0); // flat is reached, so the check is not vacuous
});

test('(e) the same fills give the same results every time, and replayFills agrees with applying them one by one', () => {
  fc.assert(
    fc.property(sequence(fc.oneof(fill4, fill10)), (fills) => {
      const first = walk(EXACT_ZERO, fills);
      const second = walk(EXACT_ZERO, fills);
      expect(second.trace).toEqual(first.trace);
      const replayed = replayFills(fills);
      expect(replayed.position.quantity.equals(first.position.quantity)).toBe(true);
      expect(replayed.position.averagePrice.equals(first.position.averagePrice)).toBe(true);
      expect(replayed.position.realizedPnl.equals(first.position.realizedPnl)).toBe(true);
      expect(replayed.cashDelta.equals(first.cash)).toBe(true);
    }),
    RUNS,
  );
});
