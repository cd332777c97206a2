import type { InputHTMLAttributes } from 'react';
import { FieldError, fieldErrorProps } from './field-error';

/** What the input says about the value it takes (type, autocomplete, length, placeholder, range). */
export type InputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'>;

export interface InputFieldProps {
  /** The input's id; its error and hint take it with `-error` and `-hint` after it. */
  id: string;
  label: string;
  input: InputAttributes;
  value: string;
  error: string | undefined;
  /** A line under the input saying what it takes; read after the error by screen readers. */
  hint?: string;
  onChange: (value: string) => void;
}

/** A labelled input of the settings form, with its error and hint tied to it (aria-describedby). */
export function InputField({ id, label, input, value, error, hint, onChange }: InputFieldProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="input" {...input} value={value} {...fieldErrorProps(`${id}-error`, error, hintId)} onChange={(event) => onChange(event.target.value)} />
      <FieldError id={`${id}-error`} error={error} />
      {hint !== undefined && (
        <p className="field-hint muted" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
