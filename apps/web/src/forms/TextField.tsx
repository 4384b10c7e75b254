import type { InputHTMLAttributes, ReactNode } from 'react';
import { fieldNoteIds } from './field-ids.util';
import { FieldNotes } from './FieldNotes';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
}

export function TextField({ id, label, hint, error, optional, className, ...input }: TextFieldProps) {
  const { hintId, errorId, describedBy } = fieldNoteIds(id, hint, error);
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      <FieldNotes hintId={hintId} hint={hint} errorId={errorId} error={error} />
      <input
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
    </div>
  );
}
