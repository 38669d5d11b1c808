// Turns the timestamps found in tick files (ISO-8601 with a zone, epoch ms/µs/ns as numbers or digit
// strings) into integer epoch milliseconds, and back into the canonical ISO form messages carry.
import { TimestampError } from './errors';

/**
 * Magnitude thresholds for bare epoch numbers. Every unit maps 1973-03-03 .. 5138-11-16 onto its own
 * decade range, so the unit is never ambiguous for real market data:
 *   [1e11, 1e14) milliseconds, [1e14, 1e17) microseconds, [1e17, 1e20) nanoseconds.
 * Below 1e11 is refused: it is either epoch seconds (which we do not guess at) or a date before 1973.
 */
export const EPOCH_THRESHOLDS = Object.freeze({ minMillis: 1e11, minMicros: 1e14, minNanos: 1e17, maxNanos: 1e20 });

// Date, 'T' or space, hh:mm, optional :ss and fraction, then a REQUIRED zone (Z, ±hh, ±hhmm, ±hh:mm).
const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;
const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?$/;
const EPOCH_DIGITS = /^(\d+)(?:\.(\d+))?$/;

/** Epoch milliseconds (an integer: finer digits are truncated) from any accepted timestamp form. */
export function parseTimestamp(value: string | number): number {
  if (typeof value === 'number') return fromEpochNumber(value);
  if (typeof value !== 'string') throw new TimestampError(`timestamp must be a string or a number, got ${typeof value}`, value);
  const text = value.trim();
  if (text === '') throw new TimestampError('timestamp is empty', value);
  const epoch = EPOCH_DIGITS.exec(text);
  if (epoch) return fromEpochDigits(epoch[1] ?? '', epoch[2] ?? '', value);
  const iso = ISO.exec(text);
  if (iso) return fromIsoParts(iso, value);
  if (ISO_WITHOUT_ZONE.test(text)) {
    throw new TimestampError(`timestamp "${value}" has no time zone (add Z or an offset such as -04:00): it would be ambiguous`, value);
  }
  throw new TimestampError(`timestamp "${value}" is neither ISO-8601 with a time zone nor epoch ms/µs/ns`, value);
}

/** The canonical message form: millisecond precision, UTC, 'Z' (what `Date#toISOString` writes). */
export function formatTimestamp(epochMs: number): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) throw new TimestampError(`epoch milliseconds ${epochMs} are out of range`, epochMs);
  return date.toISOString();
}

function fromEpochNumber(value: number): number {
  if (!Number.isFinite(value)) throw new TimestampError(`timestamp ${value} is not a finite number`, value);
  const { minMillis, minMicros, minNanos, maxNanos } = EPOCH_THRESHOLDS;
  if (value < minMillis || value >= maxNanos) throw outOfEpochRange(value);
  if (value < minMicros) return Math.floor(value);
  if (value < minNanos) return Math.floor(value / 1e3);
  return Math.floor(value / 1e6); // beyond 2^53 the number itself is inexact; digit strings are exact
}

/** Digit strings go through BigInt so nanosecond values keep every digit. */
function fromEpochDigits(whole: string, fraction: string, input: string): number {
  const integer = BigInt(whole);
  const { minMillis, minMicros, minNanos, maxNanos } = EPOCH_THRESHOLDS;
  if (integer < BigInt(minMillis) || integer >= BigInt(maxNanos)) throw outOfEpochRange(input);
  if (integer < BigInt(minMicros)) return Number(integer); // fraction of a millisecond is truncated
  if (fraction !== '') throw new TimestampError(`timestamp "${input}": only epoch milliseconds may have a fraction`, input);
  const divisor = integer < BigInt(minNanos) ? 1_000n : 1_000_000n;
  return Number(integer / divisor);
}

function outOfEpochRange(input: unknown): TimestampError {
  return new TimestampError(
    `epoch timestamp ${String(input)} is outside the accepted ranges (ms >= 1e11, µs >= 1e14, ns >= 1e17 and < 1e20; epoch seconds are not accepted)`,
    input,
  );
}

function fromIsoParts(m: RegExpExecArray, input: string): number {
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = Number(m[6] ?? '0');
  const millis = Number(((m[7] ?? '') + '000').slice(0, 3));
  const offsetSign = m[9] === '-' ? -1 : 1;
  const offsetHours = Number(m[10] ?? '0');
  const offsetMinutes = Number(m[11] ?? '0');
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) {
    throw new TimestampError(`timestamp "${input}" could not be read`, input);
  }
  const inRange = month >= 1 && month <= 12 && hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 23 && offsetMinutes <= 59;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  if (!inRange || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) {
    throw new TimestampError(`timestamp "${input}" is not a real date and time`, input);
  }
  return date.getTime() - offsetSign * (offsetHours * 60 + offsetMinutes) * 60_000;
}
