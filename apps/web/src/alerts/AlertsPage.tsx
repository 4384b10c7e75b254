import './alerts.css';
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { ALERT_LIMITS, CREATE_ALERT, MY_ALERTS, UPDATE_ALERT, type Alert } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';
import { EmptyState } from '../layout/EmptyState';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { AlertCard } from './AlertCard';
import { AlertForm } from './AlertForm';
import { EMPTY_ALERT, valuesFromAlert } from './alert-form.util';

type Mode = { readonly kind: 'list' } | { readonly kind: 'new' } | { readonly kind: 'edit'; readonly alert: Alert };

export const EMPTY_ALERTS_TITLE = 'No alerts yet — save an area to hear about new projects there';

/**
 * My alerts: saved areas (a town and radius, or a nation) with themes. Kindred tells me here (and
 * by a daily email if I ask) when someone registers a matching project. Create and edit share one
 * form, shown in place of the "New alert" button; focus moves to it and back.
 */
export function AlertsPage() {
  useDocumentTitle('Alerts');
  const { data, loading, error, refetch } = useQuery(MY_ALERTS, { fetchPolicy: 'cache-and-network' });
  const alerts = data?.myAlerts;
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [status, setStatus] = useState('');
  const pageHeading = useRef<HTMLHeadingElement>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  /** The button that opened the form, to return focus to on cancel. */
  const opener = useRef<HTMLElement | null>(null);
  const pendingFocus = useRef<'status' | 'opener' | null>(null);

  useEffect(() => {
    if (mode.kind !== 'list') {
      formHeading.current?.focus();
      return;
    }
    const target = pendingFocus.current;
    pendingFocus.current = null;
    if (target === 'status') statusRef.current?.focus();
    else if (target === 'opener') (opener.current?.isConnected ? opener.current : pageHeading.current)?.focus();
  }, [mode]);

  const open = (next: Mode) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setStatus('');
    setMode(next);
  };

  const [create, { loading: creating }] = useMutation(CREATE_ALERT, {
    update: (cache, { data: created }) => {
      if (!created) return;
      cache.updateQuery({ query: MY_ALERTS }, (current) =>
        current ? { myAlerts: [created.createAlert, ...current.myAlerts.filter((a) => a.id !== created.createAlert.id)] } : current,
      );
    },
  });
  const [update, { loading: updating }] = useMutation(UPDATE_ALERT);

  const backToList = (message: string) => {
    setStatus(message);
    pendingFocus.current = message ? 'status' : 'opener';
    setMode({ kind: 'list' });
  };

  const full = !!alerts && alerts.length >= ALERT_LIMITS.perUser;

  let body;
  if (alerts && alerts.length > 0) {
    body = (
      <ul className="card-list alert-list" aria-labelledby="alerts-list-title">
        {alerts.map((alert) => (
          <li key={alert.id}>
            <AlertCard
              alert={alert}
              onEdit={(a) => open({ kind: 'edit', alert: a })}
              onDeleted={(name) => {
                setStatus(`The alert “${name}” has been deleted.`);
                statusRef.current?.focus();
              }}
            />
          </li>
        ))}
      </ul>
    );
  } else if (alerts) {
    body =
      mode.kind === 'list' ? (
        <EmptyState title={EMPTY_ALERTS_TITLE}>
          <p>Choose a town and a radius, or a whole nation, and the themes you care about.</p>
          <p>
            <button type="button" className="button" onClick={() => open({ kind: 'new' })}>
              Save an area
            </button>
          </p>
        </EmptyState>
      ) : null;
  } else if (error) {
    body = (
      <ErrorState title="Your alerts could not be loaded" onRetry={() => void refetch()}>
        <p>{formErrorsFrom(error, []).form}</p>
      </ErrorState>
    );
  } else if (loading) {
    body = <LoadingState label="Loading your alerts…" />;
  }

  return (
    <div className="page alerts-page">
      <div className="page__header">
        <h1 ref={pageHeading} tabIndex={-1}>
          Alerts
        </h1>
        {mode.kind === 'list' && alerts && alerts.length > 0 ? (
          <button
            type="button"
            className="button"
            aria-disabled={full || undefined}
            aria-describedby={full ? 'alerts-full' : undefined}
            onClick={() => {
              if (!full) open({ kind: 'new' });
            }}
          >
            New alert
          </button>
        ) : null}
      </div>
      <p className="lede">
        Save an area and the themes you care about, and Kindred tells you when someone registers a matching project there.
      </p>
      {full ? (
        <p id="alerts-full" className="notice">
          You have {ALERT_LIMITS.perUser} alerts, the most you can keep. Delete one to save another.
        </p>
      ) : null}
      <p className="alerts-page__status" role="status" tabIndex={-1} ref={statusRef}>
        {status}
      </p>

      {mode.kind !== 'list' ? (
        <section className="panel alert-form-panel" aria-labelledby="alert-form-title">
          <h2 id="alert-form-title" className="panel__title" tabIndex={-1} ref={formHeading}>
            {mode.kind === 'new' ? 'New alert' : `Edit “${mode.alert.name}”`}
          </h2>
          <AlertForm
            key={mode.kind === 'edit' ? mode.alert.id : 'new'}
            initial={mode.kind === 'edit' ? valuesFromAlert(mode.alert) : EMPTY_ALERT}
            submitLabel={mode.kind === 'new' ? 'Save alert' : 'Save changes'}
            busyLabel="Saving the alert…"
            busy={creating || updating}
            onSubmit={async (input) => {
              if (mode.kind === 'edit') {
                const res = await update({ variables: { id: mode.alert.id, input } });
                if (res.data) backToList(`The alert “${res.data.updateAlert.name}” has been saved.`);
              } else {
                const res = await create({ variables: { input } });
                if (res.data) backToList(`The alert “${res.data.createAlert.name}” has been saved. We will tell you about new projects there.`);
              }
            }}
            secondaryAction={
              <button type="button" className="button button--link" onClick={() => backToList('')}>
                Cancel
              </button>
            }
          />
        </section>
      ) : null}

      {alerts && alerts.length > 0 ? (
        <h2 id="alerts-list-title" className="alerts-page__list-title">
          Your alerts <span className="muted">({alerts.length} of {ALERT_LIMITS.perUser})</span>
        </h2>
      ) : null}
      {body}
    </div>
  );
}
