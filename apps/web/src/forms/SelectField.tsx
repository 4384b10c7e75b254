import type { ReactNode, SelectHTMLAttributes } from 'react';
import { fieldNoteIds } from './field-ids.util';
import { FieldNotes } from './FieldNotes';

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string;
  label: string;
  options: readonly SelectOption[];
  /** A first, empty choice such as "Choose a stage" or "Any stage". */
  placeholder?: string;
  hint?: ReactNode;
  error?: string;
}

export function SelectField({ id, label, options, placeholder, hint, error, ...select }: SelectFieldProps) {
  const { hintId, errorId, describedBy } = fieldNoteIds(id, hint, error);
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldNotes hintId={hintId} hint={hint} errorId={errorId} error={error} />
      <select
        id={id}
        className="input input--select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
