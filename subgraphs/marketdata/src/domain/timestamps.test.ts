// Timestamp parsing: every accepted form lands on the same epoch millisecond; ambiguous input is refused.
import { TimestampError } from './errors';
import { EPOCH_THRESHOLDS, formatTimestamp, parseTimestamp } from './timestamps';

const MS = Date.UTC(2025, 8, 26, 13, 30, 0, 123); // 2025-09-26T13:30:00.123Z

test.each<[string | number, number]>([
  ['2025-09-26T13:30:00.123Z', MS],
  ['2025-09-26T13:30:00.123456789Z', MS], // finer than ms is truncated
  ['2025-09-26T09:30:00.123-04:00', MS],
  ['2025-09-26T15:30:00.123+0200', MS],
  ['2025-09-26T14:30:00.123+01', MS],
  ['2025-09-26 13:30:00.123z', MS],
  ['2025-09-26T13:30:00,123Z', MS],
  ['2025-09-26T13:30Z', MS - 123],
  [MS, MS],
  [MS + 0.9, MS],
  [String(MS), MS],
  [MS * 1000 + 456, MS],
  [`${MS}456`, MS],
  [`${MS}456789`, MS],
  [MS * 1e6, MS],
  ['  2025-09-26T13:30:00.123Z ', MS],
])('%j is %d', (input, expected) => {
  expect(parseTimestamp(input)).toBe(expected);
});

test.each<[string | number, RegExp]>([
  ['2025-09-26T13:30:00', /no time zone/],
  ['2025-09-26', /no time zone/],
  ['2025-02-30T00:00:00Z', /not a real date/],
  ['2025-09-26T24:00:00Z', /not a real date/],
  ['2025-09-26T13:30:00+25:00', /not a real date/],
  ['yesterday', /neither ISO-8601/],
  ['', /empty/],
  ['NaN', /neither ISO-8601/],
  [Number.NaN, /not a finite number/],
  [Number.POSITIVE_INFINITY, /not a finite number/],
  [1_758_893_400, /epoch seconds are not accepted/],
  [-1, /outside the accepted ranges/],
  ['1e20', /neither ISO-8601/],
  [1e20, /outside the accepted ranges/],
  ['1758893400123456.5', /only epoch milliseconds may have a fraction/],
])('%j is refused', (input, message) => {
  expect(() => parseTimestamp(input)).toThrow(TimestampError);
  expect(() => parseTimestamp(input)).toThrow(message);
});

test('the errors carry a code and the input', () => {
  try {
    parseTimestamp('2025-09-26T13:30:00');
    throw new Error('unreachable');
  } catch (error) {
    expect(error).toMatchObject({ code: 'BAD_TIMESTAMP', input: '2025-09-26T13:30:00', name: 'TimestampError' });
  }
});

test('the unit thresholds sit at the documented magnitudes', () => {
  expect(EPOCH_THRESHOLDS).toEqual({ minMillis: 1e11, minMicros: 1e14, minNanos: 1e17, maxNanos: 1e20 });
  expect(parseTimestamp(1e14 - 1)).toBe(1e14 - 1); // still milliseconds (year 5138)
  expect(parseTimestamp(1e14)).toBe(1e11); // first microsecond value
  expect(parseTimestamp(1e17)).toBe(1e11); // first nanosecond value
});

test('formatTimestamp writes the canonical message form and refuses impossible dates', () => {
  expect(formatTimestamp(MS)).toBe('2025-09-26T13:30:00.123Z');
  expect(parseTimestamp(formatTimestamp(MS))).toBe(MS);
  expect(() => formatTimestamp(Number.NaN)).toThrow(TimestampError);
});
