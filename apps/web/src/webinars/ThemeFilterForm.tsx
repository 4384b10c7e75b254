import { useState } from 'react';
import { Link } from 'react-router';
import { THEMES, type ThemeId } from '@kindred/domain';

interface ThemeFilterFormProps {
  /** The theme applied now (from the URL). */
  theme: ThemeId | null;
  onApply: (theme: ThemeId | null) => void;
  /** Where "Clear theme" goes. */
  clearTo: string;
}

/**
 * One theme at a time, applied with a button: a select that filtered on every change would jump
 * as keyboard users arrow through it. Keyed by the applied theme, so the back button resets it.
 */
export function ThemeFilterForm({ theme, onApply, clearTo }: ThemeFilterFormProps) {
  const [choice, setChoice] = useState<string>(theme ?? '');
  return (
    <form
      className="webinar-filter"
      aria-label="Filter by theme"
      onSubmit={(event) => {
        event.preventDefault();
        onApply((THEMES.find((t) => t.id === choice)?.id as ThemeId | undefined) ?? null);
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor="webinar-theme">
          Theme
        </label>
        <select id="webinar-theme" className="input input--select" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Any theme</option>
          {THEMES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        Apply
      </button>
      {theme ? (
        <Link className="button button--link" to={clearTo}>
          Clear theme
        </Link>
      ) : null}
    </form>
  );
}
