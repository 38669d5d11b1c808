// Property tests for applyFill over shuffled fill sequences with duplicated trade ids and stray
// (possibly overfilling) fills, checked step by step against a simple model of what must happen.
import type Decimal from 'decimal.js';
import fc from 'fast-check';
import { exact } from '@aitrader/platform/decimal';
import { applyFill, averageFillPrice, type ExecutionFill, type OrderAggregate } from './order';
import { fill, newOrder } from './test-fixtures';

const RUNS = { numRuns: 1000 };
/** Quantities in thousandths, prices in cents: the grids real orders use. */
const units = (max: number) => fc.integer({ min: 1, max }).map((n) => exact(n).div(1000));
const cents = fc.integer({ min: 1, max: 1_000_000 }).map((n) => exact(n).div(100));
const part = fc.record({ quantity: units(4000), price: cents });

/**
 * An order quantity, and fills to throw at it: parts that sum to it (or just short of it when
 * `shortBy` > 0), re-deliveries of some parts (same trade id, maybe other figures), stray fills that
 * may overfill, all in a random order.
 */
const scenario = fc
  .record({
    parts: fc.array(part, { minLength: 1, maxLength: 8 }),
    shortBy: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 })),
    duplicates: fc.array(fc.record({ pick: fc.nat(), changed: fc.option(part) }), { maxLength: 6 }),
    strays: fc.array(part, { maxLength: 3 }),
    shuffleKeys: fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
  })
  .map(({ parts, shortBy, duplicates, strays, shuffleKeys }) => {
    const sum = parts.reduce((total, p) => total.plus(p.quantity), exact(0));
    const quantity = sum.plus(exact(shortBy).div(1000));
    const originals = parts.map((p, i) => fill(`p-${i}`, p.quantity, p.price));
    const redelivered = duplicates.map(({ pick, changed }) => {
      const source = originals[pick % originals.length] as ExecutionFill;
      return changed === null ? source : fill(source.tradeId, changed.quantity, changed.price);
    });
    const strayFills = strays.map((p, i) => fill(`s-${i}`, p.quantity, p.price));
    const all = [...originals, ...redelivered, ...strayFills];
    const order = all.map((_, i) => i).sort((a, b) => (shuffleKeys[a] ?? 0) - (shuffleKeys[b] ?? 0) || a - b);
    return { quantity, fills: order.map((i) => all[i] as ExecutionFill) };
  });

interface Step {
  before: OrderAggregate;
  fill: ExecutionFill;
  after: OrderAggregate;
  code: string | undefined;
}

function run(quantity: Decimal, fills: readonly ExecutionFill[]): Step[] {
  let current = newOrder({ quantity: quantity.toNumber() });
  return fills.map((f) => {
    const result = applyFill(current, f);
    const step = { before: current, fill: f, after: result.ok ? result.value : current, code: result.ok ? undefined : result.error.code };
    current = step.after;
    return step;
  });
}

describe('applyFill properties', () => {
  it('keeps filled + leaves = quantity and filled non-decreasing', () => {
    fc.assert(
      fc.property(scenario, ({ quantity, fills }) => {
        for (const { before, after } of run(quantity, fills)) {
          expect(after.filledQuantity.plus(after.leavesQuantity).eq(quantity)).toBe(true);
          expect(after.filledQuantity.gte(before.filledQuantity)).toBe(true);
          expect(after.leavesQuantity.gte(0)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('refuses a known trade id without change, and otherwise follows the model', () => {
    fc.assert(
      fc.property(scenario, ({ quantity, fills }) => {
        const applied = new Set<string>();
        for (const { before, fill: f, after, code } of run(quantity, fills)) {
          if (applied.has(f.tradeId)) expect(code).toBe('DUPLICATE_TRADE');
          else if (before.status === 'FILLED') expect(code).toBe('ORDER_TERMINAL');
          else if (f.quantity.gt(before.leavesQuantity)) expect(code).toBe('OVERFILL');
          else {
            expect(code).toBeUndefined();
            expect(after.filledQuantity.eq(before.filledQuantity.plus(f.quantity))).toBe(true);
            expect(after.status).toBe(after.leavesQuantity.isZero() ? 'FILLED' : 'PARTIALLY_FILLED');
            applied.add(f.tradeId);
          }
          if (code !== undefined) expect(after).toBe(before);
        }
      }),
      RUNS,
    );
  });

  it('keeps the average fill price within the prices of the applied fills', () => {
    fc.assert(
      fc.property(scenario, ({ quantity, fills }) => {
        for (const { after } of run(quantity, fills)) {
          const average = averageFillPrice(after);
          if (after.fills.length === 0) {
            expect(average).toBeUndefined();
            continue;
          }
          const prices = after.fills.map((f) => f.price);
          const min = prices.reduce((a, b) => (b.lt(a) ? b : a));
          const max = prices.reduce((a, b) => (b.gt(a) ? b : a));
          expect(average !== undefined && average.gte(min) && average.lte(max)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('stays FILLED once FILLED, and is FILLED exactly when nothing is left', () => {
    fc.assert(
      fc.property(scenario, ({ quantity, fills }) => {
        const steps = run(quantity, fills);
        const firstFilled = steps.findIndex((s) => s.after.status === 'FILLED');
        if (firstFilled >= 0) expect(steps.slice(firstFilled).every((s) => s.after.status === 'FILLED')).toBe(true);
        const last = steps[steps.length - 1];
        if (last !== undefined) expect(last.after.status === 'FILLED').toBe(last.after.leavesQuantity.isZero());
      }),
      RUNS,
    );
  });
});
