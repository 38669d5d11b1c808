// The shared storage Decimal: exact where promised, and each way it rounds to the storage scale.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { divideToStorageScale, Exact, exact, fitsStorage, floorToStorageScale, roundToStorageScale } from './storage-decimal';

test('arithmetic keeps every digit where default decimal.js (20 significant digits) would round', () => {
  const fullWidth = '12345678901234.5678901234'; // DECIMAL(24,10) at full width: 24 digits
  expect(new Decimal(fullWidth).plus(0).toString()).toBe('12345678901234.56789'); // the trap
  expect(exact(fullWidth).plus(0).toString()).toBe(fullWidth);
  // (10¹⁴ − 10⁻¹⁰)² = 10²⁸ − 2·10⁴ + 10⁻²⁰, all 48 digits of it
  expect(exact('99999999999999.9999999999').times('99999999999999.9999999999').toString()).toBe(
    '9999999999999999999999980000.00000000000000000001',
  );
  // a caller's default-configured Decimal is copied in exactly and computes at the domain's precision
  expect(exact(new Decimal(fullWidth)).plus(0).toString()).toBe(fullWidth);
});

test('values print in plain notation, never exponential, and zero is never negative', () => {
  expect(exact('1e-10').toString()).toBe('0.0000000001');
  expect(exact('1e20').toString()).toBe('100000000000000000000');
  expect(exact(new Exact(-0)).isNegative()).toBe(false);
  expect(roundToStorageScale('-0.00000000001').isNegative()).toBe(false);
});

test('roundToStorageScale: 10 places, ties to even', () => {
  expect(roundToStorageScale('0.66666666665').toString()).toBe('0.6666666666'); // tie, 6 is even
  expect(roundToStorageScale('0.66666666675').toString()).toBe('0.6666666668'); // tie, 7 goes to 8
  expect(roundToStorageScale('0.666666666650000001').toString()).toBe('0.6666666667'); // above the tie
  expect(roundToStorageScale('-0.00000000015').toString()).toBe('-0.0000000002');
});

test.each([
  ['32', '3', '10.6666666667'],
  ['1', '3', '0.3333333333'],
  ['-2', '3', '-0.6666666667'],
  ['0.0000000003', '2', '0.0000000002'], // exact tie 0.00000000015 → even
  ['0.0000000005', '2', '0.0000000002'], // exact tie 0.00000000025 → even
  ['0.0000000007', '2', '0.0000000004'], // exact tie 0.00000000035 → even
  ['1650', '150', '11'],
  ['1', '0.0000000001', '10000000000'],
])('divideToStorageScale(%s, %s) = %s', (n, d, expected) => {
  expect(divideToStorageScale(n, d).toString()).toBe(expected);
});

test('floorToStorageScale: 10 places, toward zero, never −0', () => {
  expect(floorToStorageScale('0.99999999999').toString()).toBe('0.9999999999');
  expect(floorToStorageScale('-0.99999999999').toString()).toBe('-0.9999999999');
  expect(floorToStorageScale('-0.00000000001').isNegative()).toBe(false);
  expect(floorToStorageScale('12.5').toString()).toBe('12.5');
});

test('fitsStorage: finite, at most 10 decimals, magnitude below 1e14', () => {
  expect(fitsStorage(exact('99999999999999.9999999999'))).toBe(true);
  expect(fitsStorage(exact('-99999999999999.9999999999'))).toBe(true);
  expect(fitsStorage(exact('1e14'))).toBe(false);
  expect(fitsStorage(exact('0.00000000001'))).toBe(false);
  expect(fitsStorage(exact(Infinity))).toBe(false);
  expect(fitsStorage(exact(NaN))).toBe(false);
});

test('divideToStorageScale refuses to divide by zero', () => {
  expect(() => divideToStorageScale('1', '0')).toThrow(RangeError);
});

test('divideToStorageScale is correctly rounded: |n − q·d| ≤ ½·10⁻¹⁰·|d|, ties to an even last digit', () => {
  // storage-scale operands: integers of up to 20 digits, scaled by 10⁻¹⁰
  const scaled = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((i) => exact(`${i}e-10`));
  fc.assert(
    fc.property(scaled, scaled.filter((d) => !d.isZero()), (n, d) => {
      const q = divideToStorageScale(n, d);
      expect(q.decimalPlaces()).toBeLessThanOrEqual(10);
      const error = n.minus(q.times(d)).abs(); // exact: precision 100
      const halfUlp = d.abs().times('0.5e-10');
      expect(error.lessThanOrEqualTo(halfUlp)).toBe(true);
      if (error.equals(halfUlp)) expect(q.times('1e10').mod(2).isZero()).toBe(true);
    }),
    { numRuns: 1000 },
  );
});
