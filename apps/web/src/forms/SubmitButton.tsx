import type { ReactNode } from 'react';

interface SubmitButtonProps {
  children: ReactNode;
  busy: boolean;
  /** Announced while the request runs, e.g. "Signing in…". The button's name never changes. */
  busyLabel: string;
  className?: string;
}

/**
 * A submit button that stays focusable while busy (aria-disabled rather than disabled, so focus
 * is not thrown back to the page) and keeps a stable accessible name.
 */
export function SubmitButton({ children, busy, busyLabel, className = 'button' }: SubmitButtonProps) {
  return (
    <>
      <button
        type="submit"
        className={className}
        aria-disabled={busy || undefined}
        onClick={(event) => {
          if (busy) event.preventDefault();
        }}
      >
        {children}
      </button>
      <span className="busy" role="status">
        {busy ? (
          <>
            <span className="spinner spinner--small" aria-hidden="true" /> {busyLabel}
          </>
        ) : null}
      </span>
    </>
  );
}
