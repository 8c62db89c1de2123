'use client';

import type { ChangeEvent, ReactNode } from 'react';
import { errorId, Field, inputClass, selectClass, textareaClass } from '@/app/_components/Form';

// Labelled inputs for the administration forms: the error sits under the field and is tied to
// it for screen readers; a hint shows while there is no error.

type Common = { id: string; name: string; label: ReactNode; error?: string; hint?: ReactNode; required?: boolean; className?: string };

function describedBy(id: string, error?: string, hint?: ReactNode) {
  if (error) return { 'aria-invalid': true as const, 'aria-describedby': errorId(id) };
  return hint ? { 'aria-describedby': `${id}-hint` } : {};
}

function Label({ label, required }: { label: ReactNode; required?: boolean }) {
  return (
    <>
      {label}
      {required ? (
        <span aria-hidden className="ml-0.5 text-bad">
          *
        </span>
      ) : null}
    </>
  );
}

export function TextInput({
  id,
  name,
  label,
  error,
  hint,
  required,
  className,
  type = 'text',
  defaultValue,
  value,
  onChange,
  autoComplete,
  inputMode,
  readOnly,
}: Common & {
  type?: 'text' | 'email' | 'password' | 'date' | 'url';
  defaultValue?: string | number | null;
  value?: string;
  onChange?: (value: string) => void;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'url';
  readOnly?: boolean;
}) {
  const controlled = value !== undefined ? { value, onChange: (e: ChangeEvent<HTMLInputElement>) => onChange?.(e.target.value) } : {};
  return (
    <Field label={<Label label={label} required={required} />} htmlFor={id} error={error} hint={hint} className={className}>
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        readOnly={readOnly}
        autoComplete={autoComplete}
        inputMode={inputMode}
        {...(value === undefined ? { defaultValue: defaultValue ?? '' } : controlled)}
        className={inputClass}
        {...describedBy(id, error, hint)}
      />
    </Field>
  );
}

export function TextArea({
  id,
  name,
  label,
  error,
  hint,
  required,
  className,
  defaultValue,
  rows = 3,
}: Common & { defaultValue?: string | null; rows?: number }) {
  return (
    <Field label={<Label label={label} required={required} />} htmlFor={id} error={error} hint={hint} className={className}>
      <textarea
        id={id}
        name={name}
        required={required}
        rows={rows}
        defaultValue={defaultValue ?? ''}
        className={textareaClass}
        {...describedBy(id, error, hint)}
      />
    </Field>
  );
}

export function SelectInput({
  id,
  name,
  label,
  error,
  hint,
  required,
  className,
  defaultValue,
  options,
  empty,
  onChange,
}: Common & {
  defaultValue?: string | number | null;
  options: { value: string | number; label: string }[];
  empty?: string;
  onChange?: (value: string) => void;
}) {
  return (
    <Field label={<Label label={label} required={required} />} htmlFor={id} error={error} hint={hint} className={className}>
      <select
        id={id}
        name={name}
        required={required}
        defaultValue={defaultValue ?? ''}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        className={selectClass}
        {...describedBy(id, error, hint)}
      >
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A form's values as the server schemas expect them: strings, with empty meaning "none". */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((v, k) => {
    if (typeof v === 'string') values[k] = v;
  });
  return values;
}

/** Moves focus to the first field with an error, so keyboard and screen-reader users land on it. */
export function focusFirstError(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
