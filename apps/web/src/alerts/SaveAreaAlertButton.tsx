import './alerts.css';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { CREATE_ALERT } from '@kindred/api-client';
import { themeById, type ThemeId } from '@kindred/domain';
import { useAuth } from '../auth/useAuth';
import { formErrorsFrom } from '../forms/api-errors.util';
import { SubmitButton } from '../forms/SubmitButton';
import { alertRadiusFor, areaAlertInput } from './alert-form.util';

export interface SaveAreaAlertButtonProps {
  /** The map centre. */
  centre: { lat: number; lng: number };
  /** The area around it, in km (rounded and kept within 1..200 for the alert). */
  radiusKm: number;
  /** The themes the map is filtered on (none: any theme). */
  themes: readonly ThemeId[];
}

/**
 * "Alert me about this area": saves the current map view (its centre, a radius and the themes
 * filtered on) as an alert after asking for a name, in place (no dialog). Signed-out visitors get
 * a link to sign in and come back.
 */
export function SaveAreaAlertButton({ centre, radiusKm, themes }: SaveAreaAlertButtonProps) {
  const { status } = useAuth();
  const location = useLocation();
  const nameId = useId();
  const hintId = useId();
  const [open, setOpen] = useState(false);
  const radius = alertRadiusFor(radiusKm);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const [create, { loading }] = useMutation(CREATE_ALERT, {
    // The alerts list refetches when next shown.
    update: (cache) => {
      cache.evict({ fieldName: 'myAlerts' });
      cache.gc();
    },
  });

  useEffect(() => {
    if (open) inputRef.current?.focus();
    else if (wasOpen.current) triggerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (status !== 'signed-in') {
    if (status === 'restoring') return null;
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return (
      <p className="save-area-alert">
        <Link to={`/sign-in?next=${next}`}>Sign in to be alerted about new projects in this area</Link>
      </p>
    );
  }

  const themeText = themes.length ? themes.map((t) => themeById(t)?.label ?? t).join(', ') : 'any theme';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const prepared = areaAlertInput(name, centre, radiusKm, themes);
    if (prepared.problem !== undefined) {
      setProblem(prepared.problem);
      inputRef.current?.focus();
      return;
    }
    setProblem(null);
    try {
      const { data } = await create({ variables: { input: prepared.input } });
      if (data) {
        setSaved(`Saved the alert “${data.createAlert.name}”. We will tell you about new projects within ${radius} km of ${data.createAlert.placeName ?? 'this spot'}.`);
        setOpen(false);
      }
    } catch (error) {
      const errors = formErrorsFrom(error, []);
      setProblem(errors.form ?? Object.values(errors.fields)[0] ?? 'The alert could not be saved.');
    }
  };

  return (
    <div className="save-area-alert">
      {open ? (
        <form className="save-area-alert__form" onSubmit={submit} noValidate aria-label="Save this area as an alert">
          <p id={hintId} className="field__hint">
            Within {radius} km of the map centre, on {themeText}.
          </p>
          <label className="field__label" htmlFor={nameId}>
            Alert name
          </label>
          <input
            id={nameId}
            ref={inputRef}
            className="input"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setProblem(null);
            }}
            aria-describedby={problem ? `${hintId} ${nameId}-error` : hintId}
            aria-invalid={problem ? true : undefined}
          />
          {problem ? (
            <p id={`${nameId}-error`} className="save-area-alert__error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="save-area-alert__actions">
            <SubmitButton busy={loading} busyLabel="Saving the alert…" className="button button--small">
              Save alert
            </SubmitButton>
            <button type="button" className="button button--secondary button--small" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button
          ref={triggerRef}
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            setSaved(null);
            setProblem(null);
            setName(`Projects within ${radius} km of here`);
            setOpen(true);
          }}
        >
          Alert me about new projects here
        </button>
      )}
      <p className="save-area-alert__done" role="status">
        {saved}
        {saved ? (
          <>
            {' '}
            <Link to="/alerts">Manage alerts</Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
