import { useState } from 'react';
import { THEME_GROUPS, THEMES, type ThemeGroup, type ThemeId } from '@kindred/domain';

const GROUP_LABELS: Record<ThemeGroup, string> = {
  determinant: 'Determinants of health',
  approach: 'Approaches',
};

interface ThemePickerProps {
  /** Prefix for element ids, so two pickers can share a page. */
  idPrefix: string;
  legend: string;
  value: readonly ThemeId[];
  onChange: (next: ThemeId[]) => void;
  /** The most themes that may be chosen; no limit when absent. */
  max?: number;
  hint?: string;
  error?: string;
}

export const themeCheckboxId = (idPrefix: string, theme: ThemeId) => `${idPrefix}-${theme}`;

/**
 * The theme taxonomy as checkboxes in its two groups. With `max`, a live count ("3 of 5 chosen")
 * is announced and a further tick is refused with an explanation rather than silently ignored.
 */
export function ThemePicker({ idPrefix, legend, value, onChange, max, hint, error }: ThemePickerProps) {
  const [refused, setRefused] = useState(false);
  const chosen = new Set(value);
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  const errorId = error ? `${idPrefix}-error` : undefined;
  const countId = `${idPrefix}-count`;

  const toggle = (theme: ThemeId, checked: boolean) => {
    if (checked && max !== undefined && value.length >= max) {
      setRefused(true);
      return;
    }
    setRefused(false);
    // Keep taxonomy order so the chosen list (and any URL made from it) is stable.
    const next = new Set(value);
    if (checked) next.add(theme);
    else next.delete(theme);
    onChange(THEMES.map((t) => t.id).filter((id) => next.has(id)));
  };

  return (
    <fieldset
      className={`fieldset theme-picker${error ? ' field--error' : ''}`}
      aria-describedby={[hintId, errorId, countId].filter(Boolean).join(' ')}
    >
      <legend className="fieldset__legend">{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <div id={countId} className="theme-picker__count" aria-live="polite">
        <span className="theme-picker__count-number">
          {max !== undefined ? `${value.length} of ${max} chosen` : `${value.length} chosen`}
        </span>
        {refused ? (
          <span className="theme-picker__refused">
            {' '}
            You can choose up to {max} themes. Untick one to choose another.
          </span>
        ) : null}
      </div>
      <div className="theme-picker__groups">
        {THEME_GROUPS.map((group) => (
          <fieldset key={group} className="theme-picker__group">
            <legend className="theme-picker__group-legend">{GROUP_LABELS[group]}</legend>
            <ul className="choice-list">
              {THEMES.filter((t) => t.group === group).map((theme) => {
                const checkboxId = themeCheckboxId(idPrefix, theme.id);
                const isChosen = chosen.has(theme.id);
                const atLimit = max !== undefined && !isChosen && value.length >= max;
                return (
                  <li key={theme.id} className={`choice${atLimit ? ' choice--muted' : ''}`}>
                    <input
                      id={checkboxId}
                      type="checkbox"
                      className="choice__input"
                      name={`${idPrefix}-themes`}
                      value={theme.id}
                      checked={isChosen}
                      onChange={(event) => toggle(theme.id, event.target.checked)}
                    />
                    <label className="choice__label" htmlFor={checkboxId}>
                      {theme.label}
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}
