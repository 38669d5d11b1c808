// Where a mutation's typed error belongs on a form: the field it names (or that its message starts
// with, for payload errors that carry no field), else the form as a whole.
export interface FormErrors {
  /** Message per field name, as the API names the field (e.g. quantity, weights.signal). */
  fields: Record<string, string>;
  general: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, general: null };

/** One error on `field` when it is one of the form's fields, else a general one. */
export function formErrorOf(message: string, field: string | null | undefined, formFields: readonly string[]): FormErrors {
  return field && formFields.includes(field) ? { fields: { [field]: message }, general: null } : { fields: {}, general: message };
}

/** The form field a message is about when it opens with the field's name ("quantity 0 must be > 0"). */
export function fieldNamedIn(message: string, formFields: readonly string[]): string | null {
  const first = /^[A-Za-z.]+/.exec(message)?.[0];
  return first && formFields.includes(first) ? first : null;
}
