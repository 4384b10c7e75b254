import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { LEAVE_CONVERSATION, MY_CONVERSATIONS, UNREAD_MESSAGE_COUNT } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';

/** "Leave group", then an inline confirmation, then back to the inbox. */
export function LeaveGroupButton({ conversationId, title }: { conversationId: string; title: string }) {
  const navigate = useNavigate();
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
  const [leave, { loading }] = useMutation(LEAVE_CONVERSATION, { refetchQueries: [MY_CONVERSATIONS, UNREAD_MESSAGE_COUNT] });

  const confirm = async () => {
    if (loading) return;
    setProblem(null);
    try {
      await leave({ variables: { conversationId } });
      navigate('/messages', { state: { flash: `You left “${title}”.` } });
    } catch (error) {
      setProblem(formErrorsFrom(error, []).form ?? 'You could not leave the group. Try again.');
    }
  };

  if (!confirming) {
    return (
      <button ref={triggerRef} type="button" className="button button--secondary button--small" onClick={() => setConfirming(true)}>
        Leave group
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby="leave-group-question">
      <p id="leave-group-question" className="confirm__question">
        Leave “{title}”? You will stop receiving its messages.
      </p>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="confirm__actions">
        <button type="button" ref={confirmRef} className="button button--danger button--small" aria-disabled={loading || undefined} onClick={() => void confirm()}>
          Yes, leave the group
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
