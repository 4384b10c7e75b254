import { useId, useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { CALENDAR_FEED_URL, RESET_CALENDAR_FEED_TOKEN } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';

/**
 * My private calendar feed: every WHAMinar I hold a place at, organise or speak at, for a calendar
 * app to subscribe to. The link is a secret, so it is shown only when asked for, and can be reset.
 */
export function CalendarFeedPanel() {
  const id = useId();
  const client = useApolloClient();
  const [url, setUrl] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const [reset, resetting] = useMutation(RESET_CALENDAR_FEED_TOKEN);
  const [problem, setProblem] = useState<string | null>(null);
  const [news, setNews] = useState('');

  const show = async () => {
    if (loading) return;
    setLoading(true);
    setProblem(null);
    try {
      const { data } = await client.query({ query: CALENDAR_FEED_URL, fetchPolicy: 'network-only' });
      setUrl(data?.calendarFeedUrl ?? null);
    } catch (error) {
      setProblem(formErrorsFrom(error, []).form);
    } finally {
      setLoading(false);
    }
  };

  const doReset = async () => {
    if (resetting.loading) return;
    setProblem(null);
    try {
      const { data } = await reset();
      setUrl(data?.resetCalendarFeedToken ?? null);
      setConfirmReset(false);
      setNews('A new link is ready. The old one no longer works: update any calendar that used it.');
    } catch (error) {
      setProblem(formErrorsFrom(error, []).form);
    }
  };

  return (
    <section className="panel webinar-feed" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        Your WHAMinars in your calendar
      </h2>
      <p>Subscribe to one private link in your calendar app, and every WHAMinar you have a place at appears there, kept up to date.</p>
      {url ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-url`}>
            Your private calendar link
          </label>
          <p id={`${id}-hint`} className="field__hint">
            Anyone with this link can see which WHAMinars you attend. Keep it to yourself.
          </p>
          <input id={`${id}-url`} className="input" readOnly value={url} aria-describedby={`${id}-hint`} onFocus={(e) => e.target.select()} />
        </div>
      ) : (
        <button type="button" className="button button--secondary" aria-disabled={loading || undefined} onClick={() => void show()}>
          Show my calendar link
        </button>
      )}
      {url && !confirmReset ? (
        <p>
          <button type="button" className="button button--link button--small" onClick={() => setConfirmReset(true)}>
            Reset the link
          </button>
        </p>
      ) : null}
      {confirmReset ? (
        <div className="confirm" role="group" aria-labelledby={`${id}-reset`}>
          <p id={`${id}-reset`} className="confirm__question">
            Make a new link? Calendars subscribed to the old one stop updating.
          </p>
          <div className="confirm__actions">
            <button type="button" className="button button--danger" aria-disabled={resetting.loading || undefined} onClick={() => void doReset()}>
              Yes, make a new link
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmReset(false)}>
              Keep this one
            </button>
          </div>
        </div>
      ) : null}
      <p className="form__saved" role="status">
        {loading ? 'Fetching your link…' : news}
      </p>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
