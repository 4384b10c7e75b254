import { useState, type FormEvent, type ReactNode } from 'react';
import type { Place } from '@kindred/api-client';
import { WEBINAR_LIMITS, WEBINAR_REGIONS, type WebinarRegion } from '@kindred/domain';
import { ErrorSummary, type ErrorSummaryItem } from '../forms/ErrorSummary';
import { FieldNotes } from '../forms/FieldNotes';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextAreaField } from '../forms/TextAreaField';
import { TextField } from '../forms/TextField';
import { useFormErrors } from '../forms/useFormErrors';
import { PlaceSearch } from '../projects/PlaceSearch';
import { themeCheckboxId, ThemePicker } from '../projects/ThemePicker';
import { ADD_SPEAKER_ID, speakerNameId, SpeakersField } from './SpeakersField';
import { TimeZoneSelect } from './TimeZoneSelect';
import {
  describeRecurrence,
  OCCURRENCES_MIN,
  validateWebinar,
  WEBINAR_FORM_FIELDS,
  webinarErrorsFrom,
  type RecurrenceKind,
  type WebinarFormValues,
} from './webinar-form.util';
import { durationText, formatTime, zonedInstant } from './webinar-time.util';
import { ZonePreview } from './ZonePreview';

const REGION_OPTIONS = WEBINAR_REGIONS.map((r) => ({ value: r, label: r }));
const REPEAT_OPTIONS: ReadonlyArray<{ value: RecurrenceKind; label: string }> = [
  { value: 'none', label: 'Does not repeat' },
  { value: 'weekly', label: 'Every week, on the same weekday' },
  { value: 'monthly', label: 'Every month, on the same weekday (e.g. the 2nd Tuesday)' },
];

/** Where each field's error sends focus from the summary, and what it is called there. */
function summaryTarget(field: string, values: WebinarFormValues): ErrorSummaryItem {
  const speaker = /^speakers\.(\d+)$/.exec(field);
  if (speaker) return { targetId: speakerNameId(Number(speaker[1])), label: `Speaker ${Number(speaker[1]) + 1}` };
  const targets: Record<string, ErrorSummaryItem> = {
    title: { targetId: 'webinar-title', label: 'Title' },
    description: { targetId: 'webinar-description', label: 'Description' },
    startsAt: { targetId: values.date ? 'webinar-time' : 'webinar-date', label: 'Start' },
    timeZone: { targetId: 'webinar-zone', label: 'Time zone' },
    durationMinutes: { targetId: 'webinar-duration', label: 'Duration' },
    joinUrl: { targetId: 'webinar-join', label: 'Join link' },
    capacity: { targetId: 'webinar-capacity', label: 'Capacity' },
    themes: { targetId: themeCheckboxId('webinar-theme', 'child-poverty'), label: 'Themes' },
    speakers: { targetId: ADD_SPEAKER_ID, label: 'Speakers' },
    'regionFocus.region': { targetId: 'webinar-region', label: 'Region' },
    'regionFocus.placeName': { targetId: 'webinar-place', label: 'Place' },
    recurrence: { targetId: 'webinar-repeat', label: 'Repeat' },
  };
  return targets[field] ?? { targetId: 'webinar-title', label: field };
}

interface WebinarFormProps {
  mode: 'create' | 'edit';
  initial: WebinarFormValues;
  /** The saved description as the page shows it (edit only): the API renders the Markdown. */
  savedDescriptionHtml?: string;
  busy: boolean;
  /** Sends the values to the API; a rejection is shown beside the fields it names. */
  onSubmit: (values: WebinarFormValues) => Promise<void>;
  secondaryAction?: ReactNode;
  /** The browser's zone (the default choice) and the viewer's, for the preview. */
  browserZone: string;
  /** "Now", for the "in the future" check (specs fix it). */
  now?: () => Date;
}

/**
 * Scheduling a WHAMinar: the start as a date and a wall-clock time in a chosen IANA zone (the
 * browser's by default), previewed in two other zones with each zone's rules for that date, so a
 * daylight-saving change between now and then cannot surprise anyone.
 */
export function WebinarForm({ mode, initial, savedDescriptionHtml, busy, onSubmit, secondaryAction, browserZone, now = () => new Date() }: WebinarFormProps) {
  const [values, setValues] = useState<WebinarFormValues>(initial);
  const { errors, focusKey, show, clearField } = useFormErrors();
  const fieldErrors = errors.fields;

  const set = <K extends keyof WebinarFormValues>(field: K, value: WebinarFormValues[K], errorField: string = field) => {
    setValues((v) => ({ ...v, [field]: value }));
    clearField(errorField);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems = validateWebinar(values, mode, now(), initial);
    if (Object.keys(problems).length) return show({ fields: problems, form: null });
    try {
      await onSubmit(values);
    } catch (error) {
      show(webinarErrorsFrom(error));
    }
  };

  const summaryItems = WEBINAR_FORM_FIELDS.filter((f) => fieldErrors[f]).map((f) => summaryTarget(f, values));
  const startError = fieldErrors['startsAt'];
  const startErrorId = startError ? 'webinar-start-error' : undefined;
  const duration = Number(values.durationMinutes);
  const start = values.date && values.time ? zonedInstant(`${values.date}T${values.time}`, values.timeZone) : null;
  const endHint =
    start?.ok && Number.isInteger(duration) && duration >= 1 && duration <= WEBINAR_LIMITS.durationMinutes.max
      ? `${durationText(duration)}: ends at ${formatTime(new Date(start.at.toMillis() + duration * 60_000), values.timeZone)}.`
      : `In minutes, up to ${WEBINAR_LIMITS.durationMinutes.max} (8 hours).`;
  const occurrences = Number(values.occurrences);
  const repeatText = describeRecurrence(values.recurrence, values.date, Number.isInteger(occurrences) ? occurrences : 0);

  return (
    <>
      <ErrorSummary items={summaryItems} message={errors.form} focusKey={focusKey} />
      <form className="form webinar-form" onSubmit={(e) => void submit(e)} noValidate>
        <section className="form-section" aria-labelledby="webinar-about-title">
          <h2 id="webinar-about-title" className="form-section__title">
            About the WHAMinar
          </h2>
          <TextField
            id="webinar-title"
            label="Title"
            value={values.title}
            onChange={(e) => set('title', e.target.value)}
            error={fieldErrors['title']}
            hint="For example: Asking about money in a 10-minute consultation."
          />
          <TextAreaField
            id="webinar-description"
            label="Description"
            optional
            rows={8}
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
            error={fieldErrors['description']}
            maxChars={WEBINAR_LIMITS.description.max}
            hint={
              <>
                Markdown: <code>**bold**</code>, <code>*italic*</code>, <code>[a link](https://…)</code>, lists starting with <code>-</code>. The page shows it
                formatted.
              </>
            }
          />
          {savedDescriptionHtml ? (
            <details className="webinar-form__preview">
              <summary>How the saved description looks</summary>
              {/* Rendered safely by the API (raw HTML refused, https links only). */}
              <div className="prose webinar-description" dangerouslySetInnerHTML={{ __html: savedDescriptionHtml }} />
            </details>
          ) : null}
        </section>

        <section className="form-section" aria-labelledby="webinar-when-title">
          <h2 id="webinar-when-title" className="form-section__title">
            When
          </h2>
          <fieldset className={`fieldset webinar-start${startError ? ' field--error' : ''}`} aria-describedby="webinar-zone-preview">
            <legend className="fieldset__legend">Start</legend>
            <FieldNotes errorId={startErrorId} error={startError} />
            <div className="webinar-start__row">
              <div className="field">
                <label className="field__label" htmlFor="webinar-date">
                  Date
                </label>
                <input
                  id="webinar-date"
                  className="input"
                  type="date"
                  value={values.date}
                  aria-invalid={startError ? true : undefined}
                  aria-describedby={startErrorId}
                  onChange={(e) => set('date', e.target.value, 'startsAt')}
                />
              </div>
              <div className="field">
                <label className="field__label" htmlFor="webinar-time">
                  Time
                </label>
                <input
                  id="webinar-time"
                  className="input"
                  type="time"
                  step={60}
                  value={values.time}
                  aria-invalid={startError ? true : undefined}
                  aria-describedby={startErrorId}
                  onChange={(e) => set('time', e.target.value, 'startsAt')}
                />
              </div>
            </div>
            <TimeZoneSelect
              id="webinar-zone"
              value={values.timeZone}
              browserZone={browserZone}
              error={fieldErrors['timeZone']}
              onChange={(zone) => {
                set('timeZone', zone);
                clearField('startsAt');
              }}
            />
            <ZonePreview id="webinar-zone-preview" date={values.date} time={values.time} zone={values.timeZone} viewerZone={browserZone} />
          </fieldset>
          <TextField
            id="webinar-duration"
            label="Duration (minutes)"
            type="number"
            inputMode="numeric"
            min={WEBINAR_LIMITS.durationMinutes.min}
            max={WEBINAR_LIMITS.durationMinutes.max}
            value={values.durationMinutes}
            onChange={(e) => set('durationMinutes', e.target.value)}
            error={fieldErrors['durationMinutes']}
            hint={endHint}
            className="field--short"
          />
          {mode === 'create' ? (
            <div className="webinar-repeat">
              <SelectField
                id="webinar-repeat"
                label="Repeat"
                options={REPEAT_OPTIONS}
                value={values.recurrence}
                onChange={(e) => set('recurrence', e.target.value as RecurrenceKind)}
                error={fieldErrors['recurrence']}
                hint="Each occurrence is its own WHAMinar, with its own registrations and discussion."
              />
              {values.recurrence !== 'none' ? (
                <TextField
                  id="webinar-occurrences"
                  label="How many times in all"
                  type="number"
                  inputMode="numeric"
                  min={OCCURRENCES_MIN}
                  max={WEBINAR_LIMITS.seriesOccurrencesMax}
                  value={values.occurrences}
                  onChange={(e) => set('occurrences', e.target.value, 'recurrence')}
                  hint={repeatText ?? undefined}
                  className="field--short"
                />
              ) : null}
            </div>
          ) : null}
        </section>

        <section className="form-section" aria-labelledby="webinar-join-title">
          <h2 id="webinar-join-title" className="form-section__title">
            Joining
          </h2>
          <TextField
            id="webinar-join"
            label="Join link"
            type="url"
            inputMode="url"
            value={values.joinUrl}
            onChange={(e) => set('joinUrl', e.target.value)}
            error={fieldErrors['joinUrl']}
            hint="The video call, starting with https://. Only people with a place see it, from 30 minutes before the start."
          />
          <TextField
            id="webinar-capacity"
            label="Capacity"
            optional
            type="number"
            inputMode="numeric"
            min={WEBINAR_LIMITS.capacity.min}
            value={values.capacity}
            onChange={(e) => set('capacity', e.target.value)}
            error={fieldErrors['capacity']}
            hint="How many places. Leave empty for unlimited; when it is full, people join a waiting list."
            className="field--short"
          />
        </section>

        <section className="form-section" aria-labelledby="webinar-who-title">
          <h2 id="webinar-who-title" className="form-section__title">
            Themes, speakers and region
          </h2>
          <ThemePicker
            idPrefix="webinar-theme"
            legend="Themes (optional)"
            hint={`Up to ${WEBINAR_LIMITS.themes.max}. People whose projects share them see it recommended.`}
            value={values.themes}
            onChange={(themes) => set('themes', themes)}
            max={WEBINAR_LIMITS.themes.max}
            error={fieldErrors['themes']}
          />
          <SpeakersField
            value={values.speakers}
            onChange={(speakers) => {
              setValues((v) => ({ ...v, speakers }));
              clearField('speakers');
              speakers.forEach((_, i) => clearField(`speakers.${i}`));
            }}
            errors={fieldErrors}
          />
          <SelectField
            id="webinar-region"
            label="Region focus (optional)"
            options={REGION_OPTIONS}
            placeholder="No particular region"
            value={values.region}
            onChange={(e) => set('region', e.target.value as WebinarRegion | '', 'regionFocus.region')}
            error={fieldErrors['regionFocus.region']}
          />
          {values.region ? (
            <PlaceSearch
              id="webinar-place"
              label="Place (optional)"
              value={values.placeName}
              onChange={(text) => {
                setValues((v) => ({ ...v, placeName: text, point: null }));
                clearField('regionFocus.placeName');
              }}
              onChoose={(place: Place) => {
                setValues((v) => ({ ...v, placeName: place.name, point: { lat: place.lat, lng: place.lng } }));
                clearField('regionFocus.placeName');
              }}
              error={fieldErrors['regionFocus.placeName']}
              hint="A town or city puts the WHAMinar on the map layer. Start typing, then choose it from the list."
            />
          ) : null}
        </section>

        {mode === 'create' ? (
          <fieldset className="fieldset form-section">
            <legend className="fieldset__legend">When you save</legend>
            <div className="choice choice--radio">
              <input id="webinar-publish" type="radio" className="choice__input" name="webinar-publish" checked={values.publish} onChange={() => set('publish', true)} />
              <label className="choice__label" htmlFor="webinar-publish">
                Publish now: people can find it and register
              </label>
            </div>
            <div className="choice choice--radio">
              <input id="webinar-draft" type="radio" className="choice__input" name="webinar-publish" checked={!values.publish} onChange={() => set('publish', false)} />
              <label className="choice__label" htmlFor="webinar-draft">
                Save as a draft: only you (and admins) can see it until you publish
              </label>
            </div>
          </fieldset>
        ) : null}

        <div className="form__actions">
          <SubmitButton busy={busy} busyLabel={mode === 'create' ? 'Scheduling…' : 'Saving your changes…'}>
            {mode === 'edit' ? 'Save changes' : values.publish ? 'Publish WHAMinar' : 'Save draft'}
          </SubmitButton>
          {secondaryAction}
        </div>
      </form>
    </>
  );
}
