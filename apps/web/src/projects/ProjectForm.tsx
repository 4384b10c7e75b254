import { lazy, Suspense, useState, type FormEvent, type ReactNode } from 'react';
import type { Place, RegisterProjectInput } from '@kindred/api-client';
import { LIMITS, STAGES, type StageId } from '@kindred/domain';
import { formErrorsFrom } from '../forms/api-errors.util';
import { CheckboxField } from '../forms/CheckboxField';
import { ErrorSummary, type ErrorSummaryItem } from '../forms/ErrorSummary';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextAreaField } from '../forms/TextAreaField';
import { TextField } from '../forms/TextField';
import { useFormErrors } from '../forms/useFormErrors';
import { LoadingState } from '../layout/LoadingState';
import { ADD_LINK_ID, LinksField, linkInputId } from './LinksField';
import { PlaceSearch } from './PlaceSearch';
import { PrecisionChoice } from './PrecisionChoice';
import {
  PROJECT_FORM_FIELDS,
  projectInput,
  validateProject,
  type LatLngValue,
  type ProjectFormValues,
} from './project-form.util';
import { themeCheckboxId, ThemePicker } from './ThemePicker';

// Leaflet and the bundled world outline load only when a form needs the map.
const PinPicker = lazy(() => import('../map/PinPicker').then((m) => ({ default: m.PinPicker })));

const STAGE_OPTIONS = STAGES.map((s) => ({ value: s.id, label: s.label }));

/** Where each field's error sends focus from the error summary, and what it is called there. */
function summaryTarget(field: string): ErrorSummaryItem {
  const link = /^links\.(\d+)$/.exec(field);
  if (link) return { targetId: linkInputId(Number(link[1])), label: `Link ${Number(link[1]) + 1}` };
  const targets: Record<string, ErrorSummaryItem> = {
    title: { targetId: 'project-title', label: 'Title' },
    summary: { targetId: 'project-summary', label: 'Summary' },
    themes: { targetId: themeCheckboxId('project-theme', 'child-poverty'), label: 'Themes' },
    stage: { targetId: 'project-stage', label: 'Stage' },
    placeName: { targetId: 'project-place', label: 'Place' },
    location: { targetId: 'pin-latitude', label: 'Location on the map' },
    locationPrecision: { targetId: 'precision-area', label: 'Location precision' },
    seekingCollaborators: { targetId: 'project-seeking', label: 'Seeking collaborators' },
    links: { targetId: ADD_LINK_ID, label: 'Links' },
  };
  return targets[field] ?? { targetId: 'project-title', label: field };
}

interface ProjectFormProps {
  initial: ProjectFormValues;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  /** Sends the input to the API; a rejection is shown beside the fields it names. */
  onSubmit: (input: RegisterProjectInput) => Promise<void>;
  /** Shown beside the submit button, e.g. a "Cancel" link. */
  secondaryAction?: ReactNode;
}

export function ProjectForm({ initial, submitLabel, busyLabel, busy, onSubmit, secondaryAction }: ProjectFormProps) {
  const [values, setValues] = useState<ProjectFormValues>(initial);
  const { errors, focusKey, show, clearField } = useFormErrors();
  const fieldErrors = errors.fields;

  const set = <K extends keyof ProjectFormValues>(field: K, value: ProjectFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    clearField(field);
  };

  const setLocation = (point: LatLngValue) => {
    setValues((v) => ({ ...v, location: point }));
    clearField('location');
    clearField('placeName');
  };

  const choosePlace = (place: Place) => {
    setValues((v) => ({ ...v, placeName: place.name, location: { lat: place.lat, lng: place.lng } }));
    clearField('placeName');
    clearField('location');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems = validateProject(values);
    if (Object.keys(problems).length) return show({ fields: problems, form: null });
    try {
      await onSubmit(projectInput(values));
    } catch (error) {
      show(formErrorsFrom(error, PROJECT_FORM_FIELDS));
    }
  };

  const summaryItems = PROJECT_FORM_FIELDS.filter((f) => fieldErrors[f]).map(summaryTarget);
  const locationError = fieldErrors['location'];

  return (
    <>
      <ErrorSummary items={summaryItems} message={errors.form} focusKey={focusKey} />
      <form className="form project-form" onSubmit={submit} noValidate>
        <section className="form-section" aria-labelledby="project-about-title">
          <h2 id="project-about-title" className="form-section__title">
            About the project
          </h2>
          <TextField
            id="project-title"
            label="Title"
            value={values.title}
            onChange={(e) => set('title', e.target.value)}
            error={fieldErrors['title']}
            hint="For example: Social-history screening in the paediatric outpatient clinic."
          />
          <TextAreaField
            id="project-summary"
            label="Summary"
            rows={6}
            value={values.summary}
            onChange={(e) => set('summary', e.target.value)}
            error={fieldErrors['summary']}
            maxChars={LIMITS.project.summary.max}
            hint="What you are doing, for whom, and what you have learned so far."
          />
          <ThemePicker
            idPrefix="project-theme"
            legend="Themes"
            hint={`Choose between ${LIMITS.project.themes.min} and ${LIMITS.project.themes.max} themes: the determinants of health the project tackles and the approaches it uses.`}
            value={values.themes}
            onChange={(themes) => set('themes', themes)}
            max={LIMITS.project.themes.max}
            error={fieldErrors['themes']}
          />
          <SelectField
            id="project-stage"
            label="Stage"
            options={STAGE_OPTIONS}
            placeholder="Choose a stage"
            value={values.stage}
            onChange={(e) => set('stage', e.target.value as StageId | '')}
            error={fieldErrors['stage']}
          />
          <CheckboxField
            id="project-seeking"
            label="Seeking collaborators"
            hint="Tick this if you would welcome others joining in or copying the project."
            checked={values.seekingCollaborators}
            onChange={(e) => set('seekingCollaborators', e.target.checked)}
            error={fieldErrors['seekingCollaborators']}
          />
        </section>

        <section className="form-section" aria-labelledby="project-where-title">
          <h2 id="project-where-title" className="form-section__title">
            Where
          </h2>
          <PlaceSearch
            id="project-place"
            label="Place"
            value={values.placeName}
            onChange={(text) => set('placeName', text)}
            onChoose={choosePlace}
            error={fieldErrors['placeName']}
            hint="Start typing a UK town or city, then choose it from the list to move the pin. It is also shown as the project's place name."
          />
          {locationError ? (
            <p id="project-location-error" className="field__error">
              <span className="visually-hidden">Error: </span>
              {locationError}
            </p>
          ) : null}
          <Suspense fallback={<LoadingState label="Loading the map…" />}>
            <PinPicker
              value={values.location}
              onChange={setLocation}
              errorId={locationError ? 'project-location-error' : undefined}
            />
          </Suspense>
          <PrecisionChoice
            value={values.locationPrecision}
            onChange={(precision) => set('locationPrecision', precision)}
            error={fieldErrors['locationPrecision']}
          />
        </section>

        <div className="form-section">
          <LinksField
            value={values.links}
            onChange={(links) => {
              setValues((v) => ({ ...v, links }));
              clearField('links');
              links.forEach((_, i) => clearField(`links.${i}`));
            }}
            errors={fieldErrors}
          />
        </div>

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
