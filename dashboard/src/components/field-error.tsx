// A form's error messages: the one under a field (data-testid="error-<field>", referenced by the
// field's aria-describedby) and the form's general one.
import type { FormErrors } from '@/lib/field-errors';

/** The id of a field's error message, for the field's aria-describedby. */
export const errorIdOf = (form: string, field: string) => `${form}-error-${field.replace(/\W/g, '-')}`;

/** Props that tie an input to its error: aria-invalid and aria-describedby while there is one. */
export function describedBy(errors: FormErrors, form: string, field: string) {
  return errors.fields[field] ? { 'aria-invalid': true, 'aria-describedby': errorIdOf(form, field) } : {};
}

export function FieldError({ errors, form, field }: { errors: FormErrors; form: string; field: string }) {
  const message = errors.fields[field];
  if (!message) return null;
  return (
    <span id={errorIdOf(form, field)} className="field-error" role="alert" data-testid={`error-${field}`}>
      {message}
    </span>
  );
}

export function GeneralError({ errors, testId }: { errors: FormErrors; testId: string }) {
  if (!errors.general) return null;
  return (
    <p className="field-error" role="alert" data-testid={testId}>
      {errors.general}
    </p>
  );
}
