import type { InputHTMLAttributes, ReactNode } from 'react';
import { fieldNoteIds } from './field-ids.util';
import { FieldNotes } from './FieldNotes';

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
}

export function CheckboxField({ id, label, hint, error, ...input }: CheckboxFieldProps) {
  const { hintId, errorId, describedBy } = fieldNoteIds(id, hint, error);
  return (
    <div className={`field field--checkbox${error ? ' field--error' : ''}`}>
      <div className="choice">
        <input
          id={id}
          type="checkbox"
          className="choice__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
        <label className="choice__label" htmlFor={id}>
          {label}
        </label>
      </div>
      <FieldNotes hintId={hintId} hint={hint} errorId={errorId} error={error} />
    </div>
  );
}
