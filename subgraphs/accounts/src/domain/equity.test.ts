// Equity history helpers: points rounded to the storage scale, times given by the caller.
import { AccountDomainError } from './errors';
import { equityPoint, equityPointDue } from './equity';
import { exact } from '@aitrader/platform/decimal';

test('equityPoint keeps the time and rounds cash and equity to 10 places, ties to even', () => {
  const at = new Date('2025-09-27T10:00:00Z');
  const point = equityPoint(at, { cash: exact('100.00000000005'), equity: exact('100.123456789012345') });
  expect(point.at.toISOString()).toBe('2025-09-27T10:00:00.000Z');
  expect(point.cash.toString()).toBe('100'); // tie → even (…0)
  expect(point.equity.toString()).toBe('100.123456789'); // 100.1234567890|12345 → down
});

test('equityPoint copies the Date, so later changes to the caller’s Date do not reach the point', () => {
  const at = new Date('2025-09-27T10:00:00Z');
  const point = equityPoint(at, { cash: exact(1), equity: exact(1) });
  at.setUTCFullYear(2030);
  expect(point.at.toISOString()).toBe('2025-09-27T10:00:00.000Z');
});

test('equityPoint refuses an invalid Date', () => {
  expect(() => equityPoint(new Date('nope'), { cash: exact(1), equity: exact(1) })).toThrow(
    expect.objectContaining({ code: 'INVALID_TIMESTAMP', field: 'at' }),
  );
});

test('equityPointDue: the first point is always due, later ones once the interval has passed', () => {
  const t0 = new Date('2025-09-27T10:00:00Z');
  const later = (ms: number) => new Date(t0.getTime() + ms);
  expect(equityPointDue(undefined, t0, 60_000)).toBe(true);
  expect(equityPointDue(t0, later(59_999), 60_000)).toBe(false);
  expect(equityPointDue(t0, later(60_000), 60_000)).toBe(true);
  expect(equityPointDue(t0, t0, 0)).toBe(true);
});

test('equityPointDue refuses a negative or non-finite interval and invalid Dates', () => {
  const t0 = new Date('2025-09-27T10:00:00Z');
  expect(() => equityPointDue(t0, t0, -1)).toThrow(AccountDomainError);
  expect(() => equityPointDue(t0, t0, Number.NaN)).toThrow(AccountDomainError);
  expect(() => equityPointDue(new Date(Number.NaN), t0, 1)).toThrow(expect.objectContaining({ field: 'lastAt' }));
});
