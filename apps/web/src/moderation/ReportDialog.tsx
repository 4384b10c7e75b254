import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { REPORT_CONTENT, type ReportTarget } from '@kindred/api-client';
import { ERROR_CODES, MESSAGING_LIMITS, REPORT_REASONS, type ReportReason } from '@kindred/domain';
import { errorCodeOf, formErrorsFrom } from '../forms/api-errors.util';
import { ErrorSummary } from '../forms/ErrorSummary';
import { SubmitButton } from '../forms/SubmitButton';
import { TextAreaField } from '../forms/TextAreaField';
import { useFormErrors } from '../forms/useFormErrors';

export interface ReportDialogProps {
  /** The message or the project to report. */
  target: ReportTarget;
  /** What is being reported, for the title: "this project", "Bob’s message". */
  subject: string;
  /** Called when the dialog closes (cancelled, Escape, or closed after sending). */
  onClose: () => void;
}

const FIELDS = ['reason', 'details'] as const;

/**
 * Asks why something is being reported (a reason from the shared list, optional details) and sends
 * it to the moderators. A modal `<dialog>` where the browser has one (focus stays inside, Escape
 * closes); focus starts on the title and, once sent, moves to the thank-you message.
 */
export function ReportDialog({ target, subject, onClose }: ReportDialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const thanks = useRef<HTMLParagraphElement>(null);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [details, setDetails] = useState('');
  const [sent, setSent] = useState(false);
  const { errors, focusKey, show, clearField } = useFormErrors();
  const [report, { loading }] = useMutation(REPORT_CONTENT);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // jsdom (tests) and old browsers have no modal dialog: show it in place instead.
    if (typeof element.showModal === 'function') {
      if (!element.open) element.showModal();
    } else {
      element.setAttribute('open', '');
    }
    title.current?.focus();
    return () => {
      if (typeof element.close === 'function' && element.open) element.close();
    };
  }, []);

  useEffect(() => {
    if (sent) thanks.current?.focus();
  }, [sent]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const trimmed = details.trim();
    const problems: Record<string, string> = {};
    if (!reason) problems['reason'] = 'Choose why you are reporting it.';
    if (trimmed.length > MESSAGING_LIMITS.reportDetailsMax) {
      problems['details'] = `Keep the details to ${MESSAGING_LIMITS.reportDetailsMax.toLocaleString('en-GB')} characters or fewer.`;
    }
    if (!reason || Object.keys(problems).length) return show({ fields: problems, form: null });
    try {
      await report({ variables: { input: { ...target, reason, details: trimmed || null } } });
      setSent(true);
    } catch (error) {
      if (errorCodeOf(error) === ERROR_CODES.notFound) {
        show({ fields: {}, form: 'This can no longer be reported: it may have been deleted or hidden already.' });
      } else {
        show(formErrorsFrom(error, FIELDS));
      }
    }
  };

  const reasonId = (reasonValue: string) => `${id}-reason-${reasonValue}`;
  const detailsId = `${id}-details`;
  const titleId = `${id}-title`;
  const summaryItems = [
    ...(errors.fields['reason'] ? [{ targetId: reasonId(REPORT_REASONS[0].id), label: 'Reason' }] : []),
    ...(errors.fields['details'] ? [{ targetId: detailsId, label: 'Details' }] : []),
  ];

  return (
    <dialog
      ref={dialog}
      className="report-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React decide, so the dialog and its state close together.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="report-dialog__title" tabIndex={-1} ref={title}>
        Report {subject}
      </h2>
      {sent ? (
        <>
          <p className="report-dialog__thanks" role="status" tabIndex={-1} ref={thanks}>
            Thank you. Your report has been sent to Kindred’s moderators, who will look at it soon.
          </p>
          <p className="muted">The person you reported is not told who reported them.</p>
          <div className="form__actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <form className="form" onSubmit={submit} noValidate aria-labelledby={titleId}>
          <p className="muted">Moderators will look at it. The person you report is not told who reported them.</p>
          <ErrorSummary items={summaryItems} message={errors.form} focusKey={focusKey} />
          <fieldset
            className={`fieldset${errors.fields['reason'] ? ' field--error' : ''}`}
            aria-describedby={errors.fields['reason'] ? `${id}-reason-error` : undefined}
          >
            <legend className="fieldset__legend">Why are you reporting it?</legend>
            {errors.fields['reason'] ? (
              <p id={`${id}-reason-error`} className="field__error">
                <span className="visually-hidden">Error: </span>
                {errors.fields['reason']}
              </p>
            ) : null}
            <ul className="choice-list">
              {REPORT_REASONS.map((r) => (
                <li key={r.id} className="choice choice--radio">
                  <input
                    id={reasonId(r.id)}
                    type="radio"
                    className="choice__input"
                    name={`${id}-reason`}
                    value={r.id}
                    checked={reason === r.id}
                    onChange={() => {
                      setReason(r.id);
                      clearField('reason');
                    }}
                  />
                  <label className="choice__label" htmlFor={reasonId(r.id)}>
                    {r.label}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <TextAreaField
            id={detailsId}
            label="Details"
            optional
            hint="Anything that helps the moderators understand. Please do not include patient-identifiable information."
            rows={4}
            maxChars={MESSAGING_LIMITS.reportDetailsMax}
            value={details}
            onChange={(e) => {
              setDetails(e.target.value);
              clearField('details');
            }}
            error={errors.fields['details']}
          />
          <div className="form__actions">
            <SubmitButton busy={loading} busyLabel="Sending your report…">
              Send report
            </SubmitButton>
            <button type="button" className="button button--secondary" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
