// One form field: its label, the control, and its error message below (outside the label, so the
// label stays the control's name and the error its description).
import type { ReactNode } from 'react';
import type { FormErrors } from '@/lib/field-errors';
import { FieldError } from './field-error';

interface FormFieldProps {
  /** The control's id. */
  id: string;
  label: ReactNode;
  /** The form's name and the API's name of the field, for the error's id and data-testid. */
  form: string;
  field: string;
  errors: FormErrors;
  /** A checkbox: the control inside its label, before the text. */
  inline?: boolean;
  children: ReactNode;
}

export function FormField({ id, label, form, field, errors, inline = false, children }: FormFieldProps) {
  return (
    <div style={{ display: 'grid', gap: '.25rem', alignContent: 'start' }}>
      {inline ? (
        <label htmlFor={id} style={{ display: 'flex', alignItems: 'center', gap: '.4rem' }}>
          {children}
          {label}
        </label>
      ) : (
        <>
          <label htmlFor={id}>{label}</label>
          {children}
        </>
      )}
      <FieldError errors={errors} form={form} field={field} />
    </div>
  );
}
