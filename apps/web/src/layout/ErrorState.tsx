import type { ReactNode } from 'react';

interface ErrorStateProps {
  title?: string;
  children?: ReactNode;
  onRetry?: () => void;
}

export function ErrorState({ title = 'Something went wrong', children, onRetry }: ErrorStateProps) {
  return (
    <div className="state state--error" role="alert">
      <h2 className="state__title">{title}</h2>
      {children ? <div className="state__body">{children}</div> : null}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
