import { useId, useState } from 'react';
import type { Webinar } from '@kindred/api-client';
import { useAccessTokenSource } from '../auth/AccessTokenContext';
import { downloadWithSession } from './authorized-download.util';
import { fileSlug } from './webinar-labels.util';

type DownloadState = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; filename: string } | { kind: 'failed'; message: string };

/**
 * "Add to calendar": the .ics file (fetched with the session's token, so it carries the join link
 * for those entitled to it) and the Google and Outlook "add event" forms.
 */
export function AddToCalendar({ webinar }: { webinar: Webinar }) {
  const id = useId();
  const session = useAccessTokenSource();
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });

  const download = async () => {
    if (state.kind === 'working') return;
    setState({ kind: 'working' });
    try {
      const filename = await downloadWithSession(webinar.icsUrl, `whaminar-${fileSlug(webinar.title)}.ics`, session);
      setState({ kind: 'done', filename });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : 'The file could not be downloaded.' });
    }
  };

  return (
    <section className="panel webinar-calendar" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        Add to your calendar
      </h2>
      <p>
        <button type="button" className="button button--secondary" aria-disabled={state.kind === 'working' || undefined} onClick={() => void download()}>
          Download calendar file (.ics)
        </button>
      </p>
      <ul className="link-list webinar-calendar__links">
        <li>
          <a href={webinar.googleCalendarUrl} target="_blank" rel="noopener noreferrer">
            Add to Google Calendar<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </li>
        <li>
          <a href={webinar.outlookCalendarUrl} target="_blank" rel="noopener noreferrer">
            Add to Outlook<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </li>
      </ul>
      <p className="muted">Google and Outlook get the time and a link to this page, never the join link.</p>
      <p className="form__saved" role="status">
        {state.kind === 'working' ? 'Preparing the file…' : state.kind === 'done' ? `Downloaded ${state.filename}.` : ''}
      </p>
      {state.kind === 'failed' ? (
        <p className="field__error" role="alert">
          {state.message}
        </p>
      ) : null}
    </section>
  );
}
