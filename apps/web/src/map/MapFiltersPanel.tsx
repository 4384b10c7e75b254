import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { PROFESSIONS, STAGES, type ProfessionId, type StageId } from '@kindred/domain';
import { CheckboxField } from '../forms/CheckboxField';
import { SelectField } from '../forms/SelectField';
import { ThemePicker } from '../projects/ThemePicker';
import { activeMapFilterCount, NO_MAP_FILTERS, SINCE_PERIODS, type MapFilters, type SincePeriod } from './map-url-state.util';

const STAGE_OPTIONS = STAGES.map((s) => ({ value: s.id, label: s.label }));
const PROFESSION_OPTIONS = PROFESSIONS.map((p) => ({ value: p.id, label: p.label }));
const SINCE_OPTIONS = SINCE_PERIODS.filter((p) => p.id !== '').map((p) => ({ value: p.id, label: p.label }));

interface MapFiltersPanelProps {
  filters: MapFilters;
  /** Applied at once: the map redraws (debounced) and the URL gains a history entry. */
  onChange: (filters: MapFilters) => void;
}

/** Narrows the heat, the markers, the table and the peers' themes. */
export function MapFiltersPanel({ filters, onChange }: MapFiltersPanelProps) {
  const set = <K extends keyof MapFilters>(key: K, value: MapFilters[K]) => onChange({ ...filters, [key]: value });
  const applied = activeMapFilterCount(filters);
  const themes = useRef<HTMLDetailsElement>(null);
  const [themesOpen, setThemesOpen] = useState(false);

  // On a wide screen the themes open as a drop-down over the map: a click elsewhere closes it.
  useEffect(() => {
    if (!themesOpen || !window.matchMedia?.('(min-width: 60rem)').matches) return;
    const onPointerDown = (event: PointerEvent) => {
      const details = themes.current;
      if (details && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [themesOpen]);

  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    const details = themes.current;
    if (event.key !== 'Escape' || !details?.open) return;
    event.preventDefault();
    details.open = false;
    details.querySelector('summary')?.focus();
  };

  return (
    <form className="map-filters" role="search" aria-labelledby="map-filters-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="map-filters-title" className="visually-hidden">
        Filter the map
      </h2>
      <details
        ref={themes}
        className="map-filters__themes"
        onToggle={(e) => setThemesOpen(e.currentTarget.open)}
        onKeyDown={closeOnEscape}
      >
        <summary className="map-filters__summary">
          Themes{filters.themes.length ? ` (${filters.themes.length} chosen)` : ''}
        </summary>
        <div className="map-filters__themes-panel">
          <ThemePicker
            idPrefix="map-theme"
            legend="Themes"
            hint="Show action on any of the ticked themes."
            value={filters.themes}
            onChange={(themes) => set('themes', themes)}
          />
        </div>
      </details>
      <SelectField
        id="map-stage"
        label="Stage"
        options={STAGE_OPTIONS}
        placeholder="Any stage"
        value={filters.stage}
        onChange={(e) => set('stage', e.target.value as StageId | '')}
      />
      <SelectField
        id="map-profession"
        label="Profession"
        options={PROFESSION_OPTIONS}
        placeholder="Any profession"
        value={filters.profession}
        onChange={(e) => set('profession', e.target.value as ProfessionId | '')}
      />
      <SelectField
        id="map-since"
        label="Updated"
        options={SINCE_OPTIONS}
        placeholder="Any time"
        value={filters.since}
        onChange={(e) => set('since', e.target.value as SincePeriod)}
      />
      <CheckboxField
        id="map-seeking"
        label="Seeking collaborators"
        checked={filters.seekingCollaborators}
        onChange={(e) => set('seekingCollaborators', e.target.checked)}
      />
      {applied > 0 ? (
        <button type="button" className="button button--secondary button--small map-filters__clear" onClick={() => onChange(NO_MAP_FILTERS)}>
          Clear filters<span className="visually-hidden"> ({applied} applied)</span>
        </button>
      ) : null}
    </form>
  );
}
