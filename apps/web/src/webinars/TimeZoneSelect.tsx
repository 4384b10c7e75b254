import { useMemo, useState } from 'react';
import { fieldNoteIds } from '../forms/field-ids.util';
import { FieldNotes } from '../forms/FieldNotes';
import { timeZoneChoices, zoneMatches } from './webinar-time.util';

interface TimeZoneSelectProps {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  /** The browser's zone, always offered (and marked) even when a filter would hide it. */
  browserZone: string;
  error?: string;
}

/**
 * An IANA time zone: a filter box ("london", "new york") narrows a native select of every zone the
 * browser knows. Both are ordinary form controls, so it works from the keyboard and with any
 * screen reader; the chosen zone always stays in the list.
 */
export function TimeZoneSelect({ id, value, onChange, browserZone, error }: TimeZoneSelectProps) {
  const [filter, setFilter] = useState('');
  const all = useMemo(() => timeZoneChoices([value, browserZone]), [value, browserZone]);
  const shown = useMemo(() => all.filter((z) => z === value || zoneMatches(z, filter)), [all, value, filter]);
  const hint = 'The zone the start time is in. Type part of a city to narrow the list.';
  const { hintId, errorId, describedBy } = fieldNoteIds(id, hint, error);
  const filterId = `${id}-filter`;
  const countId = `${id}-count`;
  return (
    <div className={`field webinar-zone${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        Time zone
      </label>
      <FieldNotes hintId={hintId} hint={hint} errorId={errorId} error={error} />
      <div className="webinar-zone__controls">
        <div className="webinar-zone__filter">
          <label className="field__label field__label--small" htmlFor={filterId}>
            Filter time zones
          </label>
          <input
            id={filterId}
            className="input"
            type="search"
            value={filter}
            autoComplete="off"
            aria-describedby={countId}
            onChange={(e) => setFilter(e.target.value)}
          />
          <p id={countId} className="field__hint" aria-live="polite">
            {filter.trim() ? `${shown.length} ${shown.length === 1 ? 'zone matches' : 'zones match'}` : `${all.length} zones`}
          </p>
        </div>
        <select
          id={id}
          className="input input--select"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        >
          {shown.map((zone) => (
            <option key={zone} value={zone}>
              {zone === browserZone ? `${zone} (your time zone)` : zone}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
