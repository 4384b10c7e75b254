import { LIMITS } from '@kindred/domain';
import type { FieldErrors } from '../forms/api-errors.util';

interface LinksFieldProps {
  value: readonly string[];
  onChange: (next: string[]) => void;
  errors: FieldErrors;
}

export const linkInputId = (index: number) => `project-link-${index}`;
export const ADD_LINK_ID = 'project-add-link';

/** Up to LIMITS.project.links.max https web addresses, each with its own label and remove button. */
export function LinksField({ value, onChange, errors }: LinksFieldProps) {
  const max = LIMITS.project.links.max;
  const listError = errors['links'];

  const update = (index: number, link: string) => onChange(value.map((l, i) => (i === index ? link : l)));
  const remove = (index: number) => {
    onChange(value.filter((_, i) => i !== index));
    // Keep focus in the list rather than losing it with the removed row.
    requestAnimationFrame(() => {
      const target = document.getElementById(value.length > 1 ? linkInputId(Math.max(0, index - 1)) : ADD_LINK_ID);
      target?.focus();
    });
  };
  const add = () => {
    onChange([...value, '']);
    requestAnimationFrame(() => document.getElementById(linkInputId(value.length))?.focus());
  };

  return (
    <fieldset className={`fieldset${listError ? ' field--error' : ''}`} aria-describedby="links-hint">
      <legend className="fieldset__legend">
        Links <span className="field__optional">(optional)</span>
      </legend>
      <p id="links-hint" className="field__hint">
        Up to {max} web addresses starting with https://, such as a write-up, a poster or a team page.
      </p>
      {listError ? (
        <p id="links-error" className="field__error">
          <span className="visually-hidden">Error: </span>
          {listError}
        </p>
      ) : null}
      {value.length > 0 ? (
        <ol className="links-list">
          {value.map((link, index) => {
            const id = linkInputId(index);
            const error = errors[`links.${index}`];
            return (
              <li key={index} className={`field links-list__item${error ? ' field--error' : ''}`}>
                <label className="field__label" htmlFor={id}>
                  Link {index + 1}
                </label>
                {error ? (
                  <p id={`${id}-error`} className="field__error">
                    <span className="visually-hidden">Error: </span>
                    {error}
                  </p>
                ) : null}
                <div className="links-list__row">
                  <input
                    id={id}
                    type="url"
                    inputMode="url"
                    className="input"
                    placeholder="https://"
                    spellCheck={false}
                    value={link}
                    onChange={(event) => update(index, event.target.value)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  />
                  <button type="button" className="button button--secondary button--small" onClick={() => remove(index)}>
                    Remove<span className="visually-hidden"> link {index + 1}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
      {value.length < max ? (
        <button id={ADD_LINK_ID} type="button" className="button button--secondary" onClick={add}>
          Add a link
        </button>
      ) : (
        <p className="field__hint">You have added the most links a project can have.</p>
      )}
    </fieldset>
  );
}
