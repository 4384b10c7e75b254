import { useState, type FormEvent, type ReactNode } from 'react';
import { useLazyQuery } from '@apollo/client/react';
import { ALERT_LIMITS, MY_PROJECTS, UK_NATIONS, type CreateAlertInput, type Place } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';
import { CheckboxField } from '../forms/CheckboxField';
import { ErrorSummary, type ErrorSummaryItem } from '../forms/ErrorSummary';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useFormErrors } from '../forms/useFormErrors';
import { PlaceSearch } from '../projects/PlaceSearch';
import { themeCheckboxId, ThemePicker } from '../projects/ThemePicker';
import {
  ALERT_FORM_FIELDS,
  alertInput,
  radiusOptions,
  validateAlert,
  type AlertFormValues,
  type AlertWhere,
} from './alert-form.util';

const SUMMARY_TARGETS: Record<string, ErrorSummaryItem> = {
  name: { targetId: 'alert-name', label: 'Name' },
  placeName: { targetId: 'alert-place', label: 'Town or city' },
  radiusKm: { targetId: 'alert-radius', label: 'Radius' },
  region: { targetId: 'alert-region-England', label: 'Nation' },
  themes: { targetId: themeCheckboxId('alert-theme', 'child-poverty'), label: 'Themes' },
  emailDigest: { targetId: 'alert-email-digest', label: 'Email digest' },
};

const nationId = (nation: string) => `alert-region-${nation.replace(/\s+/g, '-')}`;

interface AlertFormProps {
  initial: AlertFormValues;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  /** Sends the input to the API; a rejection is shown beside the fields it names. */
  onSubmit: (input: CreateAlertInput) => Promise<void>;
  secondaryAction?: ReactNode;
}

/**
 * Name, where (a town with a radius, my project's location with a radius, or a whole nation),
 * themes (none = any) and the email digest. Checked on the client with the API's rules first.
 */
export function AlertForm({ initial, submitLabel, busyLabel, busy, onSubmit, secondaryAction }: AlertFormProps) {
  const [values, setValues] = useState<AlertFormValues>(initial);
  const [projectNote, setProjectNote] = useState('');
  const { errors, focusKey, show, clearField } = useFormErrors();
  const fieldErrors = errors.fields;
  const [loadProjects, { loading: loadingProjects }] = useLazyQuery(MY_PROJECTS, { fetchPolicy: 'cache-first' });

  const set = <K extends keyof AlertFormValues>(field: K, value: AlertFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    clearField(field);
  };

  const setWhere = (where: AlertWhere) => {
    set('where', where);
    clearField('placeName');
    clearField('radiusKm');
    clearField('region');
  };

  const choosePlace = (place: Place) => {
    setValues((v) => ({ ...v, placeName: place.name, centre: { lat: place.lat, lng: place.lng } }));
    clearField('placeName');
    setProjectNote('');
  };

  const applyProjectLocation = async () => {
    setProjectNote('Looking up your projects…');
    try {
      const { data } = await loadProjects();
      const project = data?.myProjects[0];
      if (!project) {
        setProjectNote('You have not registered a project yet. Search for a town or city instead.');
        return;
      }
      const point = project.exactLocation ?? project.location;
      setValues((v) => ({ ...v, where: 'place', placeName: project.placeName ?? '', centre: { lat: point.lat, lng: point.lng } }));
      clearField('placeName');
      setProjectNote(`Using the location of your project “${project.title}”.`);
    } catch (error) {
      setProjectNote(formErrorsFrom(error, []).form ?? 'Your projects could not be loaded.');
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems = validateAlert(values);
    if (Object.keys(problems).length) return show({ fields: problems, form: null });
    try {
      await onSubmit(alertInput(values));
    } catch (error) {
      const shown = formErrorsFrom(error, ALERT_FORM_FIELDS);
      // A bad or missing point belongs to the place search, the only way to set one.
      const { centre, ...fields } = shown.fields;
      show({ fields: centre && !fields['placeName'] ? { ...fields, placeName: centre } : fields, form: shown.form });
    }
  };

  const summaryItems = ALERT_FORM_FIELDS.filter((f) => fieldErrors[f] && SUMMARY_TARGETS[f]).map((f) => SUMMARY_TARGETS[f]!);
  const regionError = fieldErrors['region'];

  return (
    <>
      <ErrorSummary items={summaryItems} message={errors.form} focusKey={focusKey} />
      <form className="form alert-form" onSubmit={submit} noValidate>
        <TextField
          id="alert-name"
          label="Name"
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          error={fieldErrors['name']}
          hint="For example: Child poverty near me."
        />

        <fieldset className="fieldset">
          <legend className="fieldset__legend">Where</legend>
          <ul className="choice-list choice-list--inline">
            {(
              [
                ['place', 'Around a place'],
                ['region', 'A whole nation'],
              ] as const
            ).map(([where, label]) => (
              <li key={where} className="choice choice--radio">
                <input
                  id={`alert-where-${where}`}
                  type="radio"
                  className="choice__input"
                  name="alert-where"
                  value={where}
                  checked={values.where === where}
                  onChange={() => setWhere(where)}
                />
                <label className="choice__label" htmlFor={`alert-where-${where}`}>
                  {label}
                </label>
              </li>
            ))}
          </ul>

          {values.where === 'place' ? (
            <div className="alert-form__place">
              <PlaceSearch
                id="alert-place"
                label="Town or city"
                value={values.placeName}
                onChange={(text) => {
                  // Typed text no longer names the chosen point: the API will look it up instead.
                  setValues((v) => ({ ...v, placeName: text, centre: null }));
                  clearField('placeName');
                  setProjectNote('');
                }}
                onChoose={choosePlace}
                error={fieldErrors['placeName']}
                hint="Start typing a UK town or city, then choose it from the list."
              />
              <div className="alert-form__project">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-disabled={loadingProjects || undefined}
                  onClick={() => {
                    if (!loadingProjects) void applyProjectLocation();
                  }}
                >
                  Use my first project’s location
                </button>
                <p className="field__hint" role="status">
                  {projectNote}
                </p>
              </div>
              <SelectField
                id="alert-radius"
                label="Radius"
                options={radiusOptions(values.radiusKm)}
                value={String(values.radiusKm)}
                onChange={(e) => set('radiusKm', Number(e.target.value))}
                error={fieldErrors['radiusKm']}
                hint="How far from the place a project may be."
              />
            </div>
          ) : (
            <fieldset
              className={`fieldset alert-form__nations${regionError ? ' field--error' : ''}`}
              aria-describedby={regionError ? 'alert-region-error' : undefined}
            >
              <legend className="fieldset__legend">Nation</legend>
              {regionError ? (
                <p id="alert-region-error" className="field__error">
                  <span className="visually-hidden">Error: </span>
                  {regionError}
                </p>
              ) : null}
              <ul className="choice-list">
                {UK_NATIONS.map((nation) => (
                  <li key={nation} className="choice choice--radio">
                    <input
                      id={nationId(nation)}
                      type="radio"
                      className="choice__input"
                      name="alert-region"
                      value={nation}
                      checked={values.region === nation}
                      onChange={() => set('region', nation)}
                    />
                    <label className="choice__label" htmlFor={nationId(nation)}>
                      {nation}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
        </fieldset>

        <ThemePicker
          idPrefix="alert-theme"
          legend="Themes"
          hint={`Choose up to ${ALERT_LIMITS.themes.max} themes, or none to hear about projects on any theme.`}
          value={values.themes}
          onChange={(themes) => set('themes', themes)}
          max={ALERT_LIMITS.themes.max}
          error={fieldErrors['themes']}
        />

        <CheckboxField
          id="alert-email-digest"
          label="Also email me a daily digest of matches"
          hint="One email each morning (at 07:00 UTC) when there are new matches. You are always told here on Kindred too."
          checked={values.emailDigest}
          onChange={(e) => set('emailDigest', e.target.checked)}
          error={fieldErrors['emailDigest']}
        />

        <div className="form__actions">
          <SubmitButton busy={busy} busyLabel={busyLabel}>
            {submitLabel}
          </SubmitButton>
          {secondaryAction}
        </div>
      </form>
    </>
  );
}
