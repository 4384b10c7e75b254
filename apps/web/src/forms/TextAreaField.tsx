import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { fieldNoteIds } from './field-ids.util';
import { FieldNotes } from './FieldNotes';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value'> {
  id: string;
  label: string;
  value: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  /** Shows "n of max characters" under the box; the limit itself is checked on submit. */
  maxChars?: number;
}

export function TextAreaField({ id, label, hint, error, optional, maxChars, value, ...textarea }: TextAreaFieldProps) {
  const { hintId, errorId, describedBy } = fieldNoteIds(id, hint, error);
  const countId = maxChars ? `${id}-count` : undefined;
  const over = maxChars !== undefined && value.length > maxChars;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      <FieldNotes hintId={hintId} hint={hint} errorId={errorId} error={error} />
      <textarea
        id={id}
        className="input input--textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={[describedBy, countId].filter(Boolean).join(' ') || undefined}
        value={value}
        {...textarea}
      />
      {maxChars ? (
        <p id={countId} className={`field__count${over ? ' field__count--over' : ''}`}>
          {value.length.toLocaleString('en-GB')} of {maxChars.toLocaleString('en-GB')} characters
        </p>
      ) : null}
    </div>
  );
}
