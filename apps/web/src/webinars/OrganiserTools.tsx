import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { CANCEL_WEBINAR, CLOSE_WEBINAR_THREAD, FINISH_WEBINAR, PUBLISH_WEBINAR, REOPEN_WEBINAR_THREAD, type Webinar } from '@kindred/api-client';
import { WEBINAR_LIMITS } from '@kindred/domain';
import { formErrorsFrom } from '../forms/api-errors.util';
import { CheckboxField } from '../forms/CheckboxField';
import { TextAreaField } from '../forms/TextAreaField';

/**
 * The organiser's (and admins') controls on the detail page: edit, publish, cancel with a reason,
 * finish, close or reopen the thread, and the registrants page.
 */
export function OrganiserTools({ webinar }: { webinar: Webinar }) {
  const id = useId();
  const [publish, publishing] = useMutation(PUBLISH_WEBINAR);
  const [cancel, cancelling] = useMutation(CANCEL_WEBINAR);
  const [finish, finishing] = useMutation(FINISH_WEBINAR);
  const [closeThread, closing] = useMutation(CLOSE_WEBINAR_THREAD);
  const [reopenThread, reopening] = useMutation(REOPEN_WEBINAR_THREAD);
  const busy = publishing.loading || cancelling.loading || finishing.loading || closing.loading || reopening.loading;
  const [wholeSeries, setWholeSeries] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [news, setNews] = useState('');
  const cancelButton = useRef<HTMLButtonElement>(null);

  const open = webinar.status === 'draft' || webinar.status === 'published';
  const started = webinar.isLive || webinar.isPast;
  const inSeries = !!webinar.series && !webinar.detachedFromSeries;

  const run = async (action: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setProblem(null);
    setNews('');
    try {
      await action();
      setNews(done);
    } catch (error) {
      setProblem(formErrorsFrom(error, []).form ?? 'That did not work. Try again.');
    }
  };

  const submitCancel = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length > WEBINAR_LIMITS.cancelReason.max) {
      setReasonError(`The reason must be at most ${WEBINAR_LIMITS.cancelReason.max} characters.`);
      return;
    }
    setReasonError(null);
    void run(async () => {
      await cancel({ variables: { id: webinar.id, reason: reason.trim() || null, wholeSeries: inSeries && wholeSeries } });
      setCancelOpen(false);
    }, 'The WHAMinar is cancelled. Everyone registered or waiting has been told.');
  };

  return (
    <section className="panel webinar-organiser" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        Organiser tools
      </h2>
      <ul className="link-list">
        {open ? (
          <li>
            <Link to={`/webinars/${webinar.id}/edit`}>Edit the details</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/webinars/${webinar.id}/registrations`}>Registrants and attendance</Link>
        </li>
      </ul>

      {inSeries && open ? (
        <CheckboxField
          id={`${id}-series`}
          label={`Apply publishing and cancelling to the later occurrences of the series too (${webinar.series?.occurrenceCount ?? 0} in all)`}
          checked={wholeSeries}
          onChange={(e) => setWholeSeries(e.target.checked)}
        />
      ) : null}

      <div className="webinar-organiser__actions">
        {webinar.status === 'draft' && !started ? (
          <button
            type="button"
            className="button"
            aria-disabled={busy || undefined}
            onClick={() => void run(() => publish({ variables: { id: webinar.id, wholeSeries: inSeries && wholeSeries } }), 'Published: people can now find it and register.')}
          >
            Publish
          </button>
        ) : null}
        {webinar.status === 'published' && started ? (
          <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void run(() => finish({ variables: { id: webinar.id } }), 'Marked as finished.')}>
            Mark as finished
          </button>
        ) : null}
        {webinar.thread && webinar.status !== 'cancelled' ? (
          webinar.thread.status === 'open' ? (
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={busy || undefined}
              onClick={() => void run(() => closeThread({ variables: { webinarId: webinar.id } }), 'The discussion is closed: nobody can post until you reopen it.')}
            >
              Close the discussion
            </button>
          ) : (
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={busy || undefined}
              onClick={() => void run(() => reopenThread({ variables: { webinarId: webinar.id } }), 'The discussion is open again.')}
            >
              Reopen the discussion
            </button>
          )
        ) : null}
        {open && !cancelOpen ? (
          <button type="button" className="button button--danger" ref={cancelButton} onClick={() => setCancelOpen(true)}>
            Cancel this WHAMinar…
          </button>
        ) : null}
      </div>

      {open && cancelOpen ? (
        <form className="webinar-organiser__cancel" onSubmit={submitCancel} noValidate>
          <TextAreaField
            id={`${id}-reason`}
            label="Reason"
            optional
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={reasonError ?? undefined}
            maxChars={WEBINAR_LIMITS.cancelReason.max}
            hint="Sent to everyone registered or waiting. Cancelling closes the discussion too."
            autoFocus
          />
          <div className="confirm__actions">
            <button type="submit" className="button button--danger" aria-disabled={busy || undefined}>
              Cancel the WHAMinar
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setCancelOpen(false);
                requestAnimationFrame(() => cancelButton.current?.focus());
              }}
            >
              Keep it
            </button>
          </div>
        </form>
      ) : null}

      <p className="form__saved" role="status">
        {busy ? 'Saving…' : news}
      </p>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
