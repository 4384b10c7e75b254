import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { DELETE_ALERT, type Alert } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';

interface DeleteAlertButtonProps {
  alert: Pick<Alert, 'id' | 'name'>;
  onDeleted: (name: string) => void;
}

/** "Delete", then an inline confirmation (no browser dialog); focus follows the question in and out. */
export function DeleteAlertButton({ alert, onDeleted }: DeleteAlertButtonProps) {
  const questionId = useId();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) triggerRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const [remove, { loading }] = useMutation(DELETE_ALERT, {
    update: (cache, { data }) => {
      if (!data?.deleteAlert) return;
      cache.evict({ id: cache.identify({ __typename: 'Alert', id: alert.id }) });
      cache.gc();
    },
  });

  const confirm = async () => {
    if (loading) return;
    setProblem(null);
    try {
      await remove({ variables: { id: alert.id } });
      onDeleted(alert.name);
    } catch (error) {
      setProblem(formErrorsFrom(error, []).form ?? 'The alert could not be deleted.');
    }
  };

  if (!confirming) {
    return (
      <button ref={triggerRef} type="button" className="button button--secondary button--small" onClick={() => setConfirming(true)}>
        Delete<span className="visually-hidden"> alert “{alert.name}”</span>
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId} className="confirm__question">
        Delete the alert “{alert.name}”? Notifications it already sent stay.
      </p>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="confirm__actions">
        <button
          type="button"
          className="button button--danger button--small"
          aria-disabled={loading || undefined}
          onClick={() => void confirm()}
          ref={confirmRef}
        >
          Yes, delete alert
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
