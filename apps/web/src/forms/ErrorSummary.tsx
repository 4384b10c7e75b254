import { useEffect, useRef } from 'react';

export interface ErrorSummaryItem {
  /** Id of the element to move focus to. */
  readonly targetId: string;
  /** The field's label, so the summary does not repeat the message shown beside the field. */
  readonly label: string;
}

interface ErrorSummaryProps {
  items: readonly ErrorSummaryItem[];
  /** A problem that belongs to no field. */
  message?: string | null;
  /** Changes on every failed submit, so focus returns to the summary each time. */
  focusKey: number;
}

/**
 * "There is a problem" box at the top of a form (after the GOV.UK pattern): it takes focus after a
 * failed submit and links to each field at fault.
 */
export function ErrorSummary({ items, message, focusKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = items.length > 0 || !!message;

  useEffect(() => {
    if (visible && focusKey > 0) ref.current?.focus();
  }, [focusKey, visible]);

  if (!visible) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        There is a problem
      </h2>
      {message ? <p className="error-summary__message">{message}</p> : null}
      {items.length > 0 ? (
        <>
          <p className="error-summary__message">Check {items.length === 1 ? 'this field' : 'these fields'}:</p>
          <ul className="error-summary__list">
            {items.map((item) => (
              <li key={item.targetId}>
                <a
                  href={`#${item.targetId}`}
                  onClick={(event) => {
                    const target = document.getElementById(item.targetId);
                    if (!target) return;
                    event.preventDefault();
                    target.focus();
                    target.scrollIntoView?.({ block: 'center' });
                  }}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
