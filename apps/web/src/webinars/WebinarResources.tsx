import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ADD_WEBINAR_RESOURCE, REMOVE_WEBINAR_RESOURCE, type Webinar } from '@kindred/api-client';
import { isHttpsUrl, WEBINAR_LIMITS, WEBINAR_RESOURCE_KINDS, type WebinarResourceKind } from '@kindred/domain';
import { formErrorsFrom, type FieldErrors } from '../forms/api-errors.util';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { displayUrl } from '../projects/format.util';
import { resourceKindLabel } from './webinar-labels.util';

const KIND_OPTIONS = WEBINAR_RESOURCE_KINDS.map((k) => ({ value: k.id, label: k.label }));
const RESOURCE_FIELDS = ['kind', 'title', 'url'] as const;

function validateResource(kind: string, title: string, url: string): FieldErrors {
  const errors: FieldErrors = {};
  const { min, max } = WEBINAR_LIMITS.resources.title;
  if (!KIND_OPTIONS.some((k) => k.value === kind)) errors['kind'] = 'Choose what kind of resource it is.';
  if (title.trim().length < min) errors['title'] = 'Give the resource a title, for example “Slides”.';
  else if (title.trim().length > max) errors['title'] = `A title must be at most ${max} characters.`;
  if (!url.trim()) errors['url'] = 'Enter the link, starting with https://';
  else if (url.trim().length > WEBINAR_LIMITS.urlMax) errors['url'] = `A link must be at most ${WEBINAR_LIMITS.urlMax} characters.`;
  else if (!isHttpsUrl(url.trim())) errors['url'] = 'Enter a full web address starting with https://';
  return errors;
}

/** Slides, recordings and documents as links; the organiser adds and removes them. */
export function WebinarResources({ webinar }: { webinar: Webinar }) {
  const id = useId();
  const [add, adding] = useMutation(ADD_WEBINAR_RESOURCE);
  const [remove, removing] = useMutation(REMOVE_WEBINAR_RESOURCE);
  const [kind, setKind] = useState<WebinarResourceKind>('slides');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [news, setNews] = useState('');
  const manage = webinar.canManage && webinar.status !== 'cancelled';
  const atLimit = webinar.resources.length >= WEBINAR_LIMITS.resources.perWebinar;

  if (!manage && webinar.resources.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (adding.loading) return;
    setProblem(null);
    setNews('');
    const problems = validateResource(kind, title, url);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    try {
      await add({ variables: { webinarId: webinar.id, input: { kind, title: title.trim(), url: url.trim() } } });
      setNews(`Added “${title.trim()}”.`);
      setTitle('');
      setUrl('');
    } catch (error) {
      const found = formErrorsFrom(error, RESOURCE_FIELDS);
      setErrors(found.fields);
      setProblem(found.form);
    }
  };

  const removeOne = async (resourceId: string, resourceTitle: string) => {
    if (removing.loading) return;
    setProblem(null);
    try {
      await remove({ variables: { resourceId } });
      setNews(`Removed “${resourceTitle}”.`);
    } catch (error) {
      setProblem(formErrorsFrom(error, []).form);
    }
  };

  return (
    <section className="webinar-resources" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Resources</h2>
      {webinar.resources.length > 0 ? (
        <ul className="webinar-resources__list">
          {webinar.resources.map((r) => (
            <li key={r.id} className="webinar-resources__item">
              <span className="badge badge--stage">{resourceKindLabel(r.kind)}</span>{' '}
              <a href={r.url} target="_blank" rel="noopener noreferrer nofollow">
                {r.title}
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>{' '}
              <span className="muted">{displayUrl(r.url)}</span>
              {manage ? (
                <button type="button" className="button button--link button--small" aria-disabled={removing.loading || undefined} onClick={() => void removeOne(r.id, r.title)}>
                  Remove<span className="visually-hidden"> {r.title}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No resources yet. Add the slides, the recording or documents as links for everyone who came.</p>
      )}
      {manage && !atLimit ? (
        <form className="form webinar-resources__form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add a resource">
          <SelectField id={`${id}-kind`} label="Kind" options={KIND_OPTIONS} value={kind} onChange={(e) => setKind(e.target.value as WebinarResourceKind)} error={errors['kind']} />
          <TextField id={`${id}-rtitle`} label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={errors['title']} />
          <TextField id={`${id}-url`} label="Link" type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} error={errors['url']} hint="A full web address starting with https://" />
          <button type="submit" className="button button--secondary" aria-disabled={adding.loading || undefined}>
            Add resource
          </button>
        </form>
      ) : null}
      <p className="form__saved" role="status">
        {news}
      </p>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
