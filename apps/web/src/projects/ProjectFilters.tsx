import { useState, type FormEvent } from 'react';
import { PROFESSIONS, STAGES, type ProfessionId, type StageId } from '@kindred/domain';
import { CheckboxField } from '../forms/CheckboxField';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { activeFilterCount, NO_FILTERS, type ExploreFilters } from './explore-filters.util';
import { ThemePicker } from './ThemePicker';

const STAGE_OPTIONS = STAGES.map((s) => ({ value: s.id, label: s.label }));
const PROFESSION_OPTIONS = PROFESSIONS.map((p) => ({ value: p.id, label: p.label }));

interface ProjectFiltersProps {
  /** The filters in the URL; the form edits a draft and applies it on submit. */
  initial: ExploreFilters;
  onApply: (filters: ExploreFilters) => void;
}

export function ProjectFilters({ initial, onApply }: ProjectFiltersProps) {
  const [draft, setDraft] = useState<ExploreFilters>(initial);
  const set = <K extends keyof ExploreFilters>(key: K, value: ExploreFilters[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const applied = activeFilterCount(initial);

  return (
    <form className="filters" role="search" aria-labelledby="filters-title" onSubmit={submit}>
      <h2 id="filters-title" className="filters__title">
        Filter projects
      </h2>
      <TextField
        id="filter-text"
        label="Search"
        type="search"
        hint="Words in the title or summary."
        value={draft.text}
        onChange={(e) => set('text', e.target.value)}
      />
      <SelectField
        id="filter-stage"
        label="Stage"
        options={STAGE_OPTIONS}
        placeholder="Any stage"
        value={draft.stage}
        onChange={(e) => set('stage', e.target.value as StageId | '')}
      />
      <SelectField
        id="filter-profession"
        label="Profession"
        hint="The profession of the person who registered it."
        options={PROFESSION_OPTIONS}
        placeholder="Any profession"
        value={draft.profession}
        onChange={(e) => set('profession', e.target.value as ProfessionId | '')}
      />
      <CheckboxField
        id="filter-seeking"
        label="Only projects seeking collaborators"
        checked={draft.seekingCollaborators}
        onChange={(e) => set('seekingCollaborators', e.target.checked)}
      />
      <details className="filters__themes" open={initial.themes.length > 0}>
        <summary>
          Themes{draft.themes.length ? ` (${draft.themes.length} chosen)` : ''}
        </summary>
        <ThemePicker
          idPrefix="filter-theme"
          legend="Themes"
          hint="Show projects with any of the ticked themes."
          value={draft.themes}
          onChange={(themes) => set('themes', themes)}
        />
      </details>
      <div className="filters__actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        {applied > 0 ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft(NO_FILTERS);
              onApply(NO_FILTERS);
            }}
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}
