// Where a replay command's refusal belongs: the replay error carries a code but no field, so the code
// decides (a missing file or bad columns is about the file, a bad speed about the speed, a seek out
// of range about the seek time); the rest is general. Also reads and writes UTC times for the inputs.
import type { ReplayErrorFieldsFragment } from '@/gql/graphql';
import { formatTime } from '@/lib/format';
import { formErrorOf, type FormErrors } from '@/lib/field-errors';

const FIELD_OF_CODE: Partial<Record<ReplayErrorFieldsFragment['code'], string>> = {
  FILE_NOT_FOUND: 'path',
  BAD_COLUMNS: 'content',
  REJECTED_ROWS: 'content',
  EMPTY: 'content',
  INVALID_SPEED: 'speed',
  OUT_OF_RANGE: 'seek',
};

/** The form error of a refusal; `path` and `content` are one field of the source in use. */
export function replayFormError(error: ReplayErrorFieldsFragment, formFields: readonly string[], source?: 'FILE' | 'INLINE' | 'SAMPLE' | 'SYNTHETIC'): FormErrors {
  let field = FIELD_OF_CODE[error.code] ?? null;
  if (field === 'content' && source === 'FILE') field = 'path';
  if (field === 'path' && source === 'INLINE') field = 'content';
  const rejected = error.rejectedCount ? ` (${error.rejectedCount} rows rejected)` : '';
  return formErrorOf(`${error.message}${rejected}`, field, formFields);
}

/** A UTC time as the inputs show it: "YYYY-MM-DD HH:MM:SS". */
export const utcInputOf = (iso: string | null | undefined) => (iso ? formatTime(iso) : '');

/** An ISO time from an input: ISO-8601 with a zone, or "YYYY-MM-DD HH:MM:SS" read as UTC; null if neither. */
export function isoOfUtcInput(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const withZone = /([zZ]|[+-]\d\d:?\d\d)$/.test(trimmed) ? trimmed : `${trimmed.replace(' ', 'T')}Z`;
  const at = new Date(withZone);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}
