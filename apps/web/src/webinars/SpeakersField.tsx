import { useRef } from 'react';
import { WEBINAR_LIMITS } from '@kindred/domain';
import type { FieldErrors } from '../forms/api-errors.util';
import type { SpeakerValue } from './webinar-form.util';

interface SpeakersFieldProps {
  value: readonly SpeakerValue[];
  onChange: (next: SpeakerValue[]) => void;
  errors: FieldErrors;
}

export const ADD_SPEAKER_ID = 'webinar-add-speaker';
export const speakerNameId = (i: number) => `webinar-speaker-${i}-name`;

/**
 * Speakers: named guests (name and affiliation), added and removed here. Kindred members already
 * on a saved WHAMinar are listed and can be removed, not edited.
 */
export function SpeakersField({ value, onChange, errors }: SpeakersFieldProps) {
  const addButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const max = WEBINAR_LIMITS.speakers.max;
  const set = (i: number, change: Partial<SpeakerValue>) => onChange(value.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const add = () => {
    onChange([...value, { userId: null, name: '', affiliation: '' }]);
    requestAnimationFrame(() => document.getElementById(speakerNameId(value.length))?.focus());
  };
  const remove = (i: number) => {
    onChange(value.filter((_, j) => j !== i));
    requestAnimationFrame(() => (document.getElementById(speakerNameId(Math.max(0, i - 1))) ?? addButton.current)?.focus());
  };
  const groupError = errors['speakers'];
  return (
    <fieldset className={`fieldset webinar-speakers-field${groupError ? ' field--error' : ''}`} aria-describedby="webinar-speakers-hint">
      <legend className="fieldset__legend">
        Speakers <span className="field__optional">(optional)</span>
      </legend>
      <p id="webinar-speakers-hint" className="field__hint">
        Up to {max}. The organiser is listed separately.
      </p>
      {groupError ? (
        <p className="field__error">
          <span className="visually-hidden">Error: </span>
          {groupError}
        </p>
      ) : null}
      {value.length > 0 ? (
        <ol className="webinar-speakers-field__list" ref={list}>
          {value.map((speaker, i) => {
            const error = errors[`speakers.${i}`];
            const errorId = error ? `webinar-speaker-${i}-error` : undefined;
            return (
              <li key={i} className={`webinar-speakers-field__item${error ? ' field--error' : ''}`}>
                {speaker.userId ? (
                  <p className="webinar-speakers-field__member">
                    {speaker.name} <span className="muted">(Kindred member)</span>
                  </p>
                ) : (
                  <div className="webinar-speakers-field__row">
                    <div className="field">
                      <label className="field__label" htmlFor={speakerNameId(i)}>
                        Speaker {i + 1}: name
                      </label>
                      <input
                        id={speakerNameId(i)}
                        className="input"
                        value={speaker.name}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={errorId}
                        onChange={(e) => set(i, { name: e.target.value })}
                      />
                    </div>
                    <div className="field">
                      <label className="field__label" htmlFor={`webinar-speaker-${i}-affiliation`}>
                        Speaker {i + 1}: affiliation <span className="field__optional">(optional)</span>
                      </label>
                      <input
                        id={`webinar-speaker-${i}-affiliation`}
                        className="input"
                        value={speaker.affiliation}
                        onChange={(e) => set(i, { affiliation: e.target.value })}
                      />
                    </div>
                  </div>
                )}
                {error ? (
                  <p id={errorId} className="field__error">
                    <span className="visually-hidden">Error: </span>
                    {error}
                  </p>
                ) : null}
                <button type="button" className="button button--link button--small" onClick={() => remove(i)}>
                  Remove<span className="visually-hidden"> speaker {i + 1}{speaker.name ? `, ${speaker.name}` : ''}</span>
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
      {value.length < max ? (
        <button type="button" id={ADD_SPEAKER_ID} ref={addButton} className="button button--secondary button--small" onClick={add}>
          Add a speaker
        </button>
      ) : null}
    </fieldset>
  );
}
