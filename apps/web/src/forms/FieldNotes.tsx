import type { ReactNode } from 'react';

interface FieldNotesProps {
  hintId?: string;
  hint?: ReactNode;
  errorId?: string;
  error?: string;
}

/** A field's hint and error message, in the order a screen reader reads them. */
export function FieldNotes({ hintId, hint, errorId, error }: FieldNotesProps) {
  return (
    <>
      {hint ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}
