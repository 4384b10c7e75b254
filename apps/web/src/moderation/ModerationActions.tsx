import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { MODERATION_QUEUE, RESOLUTION_NOTE_MAX, RESOLVE_REPORT, type ModerationAction, type Report } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';
import { TextAreaField } from '../forms/TextAreaField';
import { actionCopy } from './report-labels.util';

interface ModerationActionsProps {
  report: Report;
  /** After the API accepted the decision, with the sentence to announce. */
  onResolved: (message: string) => void;
}

/**
 * Dismiss, hide or suspend, each behind an inline confirmation with an optional note (no browser
 * dialog). Focus moves to the question and back to the button that asked it on cancel. Admins
 * cannot be suspended, so that button is not offered for their content.
 */
export function ModerationActions({ report, onResolved }: ModerationActionsProps) {
  const id = useId();
  const [choosing, setChoosing] = useState<ModerationAction | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const buttons = useRef<Partial<Record<ModerationAction, HTMLButtonElement | null>>>({});
  const lastChoice = useRef<ModerationAction | null>(null);
  const [resolve, { loading }] = useMutation(RESOLVE_REPORT, {
    // Resolving closes every open report on the same content: ask for the queue again.
    refetchQueries: [MODERATION_QUEUE],
    awaitRefetchQueries: true,
  });

  useEffect(() => {
    if (choosing) question.current?.focus();
    else if (lastChoice.current) buttons.current[lastChoice.current]?.focus();
  }, [choosing]);

  const canSuspend = report.targetAuthor !== null && report.targetAuthor.role !== 'admin';
  const actions: ModerationAction[] = canSuspend ? ['dismiss', 'hide', 'suspend'] : ['dismiss', 'hide'];

  const confirm = async (action: ModerationAction) => {
    if (loading) return;
    setProblem(null);
    const trimmedNote = note.trim();
    if (trimmedNote.length > RESOLUTION_NOTE_MAX) {
      setProblem(`Keep the note to ${RESOLUTION_NOTE_MAX.toLocaleString('en-GB')} characters or fewer.`);
      return;
    }
    try {
      await resolve({ variables: { input: { reportId: report.id, action, note: trimmedNote || null } } });
      lastChoice.current = null;
      onResolved(actionCopy(action, report).done);
    } catch (error) {
      setProblem(formErrorsFrom(error, []).form ?? 'The decision could not be saved.');
    }
  };

  if (choosing) {
    const copy = actionCopy(choosing, report);
    return (
      <div className="moderation-actions">
        <div className="confirm" role="group" aria-labelledby={`${id}-question`}>
          <p id={`${id}-question`} className="confirm__question" tabIndex={-1} ref={question}>
            {copy.question}
          </p>
          <TextAreaField
            id={`${id}-note`}
            label="Note for the record"
            optional
            hint="Kept with the report for other moderators; never shown to the people involved."
            rows={2}
            maxChars={RESOLUTION_NOTE_MAX}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {problem ? (
            <p className="field__error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="confirm__actions">
            <button
              type="button"
              className={`button button--small${choosing === 'dismiss' ? '' : ' button--danger'}`}
              aria-disabled={loading || undefined}
              onClick={() => void confirm(choosing)}
            >
              {copy.confirm}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setProblem(null);
                setChoosing(null);
              }}
            >
              Cancel
            </button>
          </div>
          <span className="busy" role="status">
            {loading ? 'Saving the decision…' : null}
          </span>
        </div>
      </div>
    );
  }

  return (
    <div className="moderation-actions">
      <div className="moderation-actions__buttons" role="group" aria-label="Decide">
        {actions.map((action) => (
          <button
            key={action}
            ref={(el) => {
              buttons.current[action] = el;
            }}
            type="button"
            className={`button button--small${action === 'dismiss' ? ' button--secondary' : ' button--danger'}`}
            onClick={() => {
              lastChoice.current = action;
              setChoosing(action);
            }}
          >
            {actionCopy(action, report).start}
          </button>
        ))}
      </div>
      {canSuspend ? null : (
        <p className="muted">{report.targetAuthor ? 'Admin accounts cannot be suspended here.' : 'The author’s account no longer exists.'}</p>
      )}
    </div>
  );
}
