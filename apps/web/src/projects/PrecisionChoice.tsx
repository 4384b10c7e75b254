import { LOCATION_PRECISIONS, type LocationPrecision } from '@kindred/domain';

interface PrecisionChoiceProps {
  value: LocationPrecision;
  onChange: (next: LocationPrecision) => void;
  error?: string;
}

/** Radios for how precisely others see the project's location, with each option's explanation. */
export function PrecisionChoice({ value, onChange, error }: PrecisionChoiceProps) {
  return (
    <fieldset
      className={`fieldset${error ? ' field--error' : ''}`}
      aria-describedby={['precision-hint', error ? 'precision-error' : ''].filter(Boolean).join(' ')}
    >
      <legend className="fieldset__legend">How precisely others see the location</legend>
      <p id="precision-hint" className="field__hint">
        Only you see the exact pin. Everyone else sees the point you choose here.
      </p>
      {error ? (
        <p id="precision-error" className="field__error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <ul className="choice-list">
        {LOCATION_PRECISIONS.map((precision) => {
          const id = `precision-${precision.id}`;
          return (
            <li key={precision.id} className="choice choice--radio">
              <input
                id={id}
                type="radio"
                className="choice__input"
                name="locationPrecision"
                value={precision.id}
                checked={value === precision.id}
                onChange={() => onChange(precision.id)}
                aria-describedby={`${id}-description`}
              />
              <label className="choice__label" htmlFor={id}>
                {precision.label}
              </label>
              <p id={`${id}-description`} className="choice__hint">
                {precision.description}
              </p>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
