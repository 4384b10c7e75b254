import type { ProjectFilterInput } from '@kindred/api-client';
import {
  isProfessionId,
  isStageId,
  isThemeId,
  THEME_IDS,
  type ProfessionId,
  type StageId,
  type ThemeId,
} from '@kindred/domain';

export interface ExploreFilters {
  themes: ThemeId[];
  stage: StageId | '';
  profession: ProfessionId | '';
  text: string;
  seekingCollaborators: boolean;
}

/** Free-text search is for a few words; longer input is cut rather than refused. */
const MAX_TEXT = 200;

export const NO_FILTERS: ExploreFilters = { themes: [], stage: '', profession: '', text: '', seekingCollaborators: false };

/** Query-string keys: `?theme=housing&theme=food-insecurity&stage=running&profession=nurse&q=screening&seeking=yes`. */
export const FILTER_PARAMS = {
  theme: 'theme',
  stage: 'stage',
  profession: 'profession',
  text: 'q',
  seeking: 'seeking',
} as const;

/** The filters the explore list and the map share (the map has no free-text search). */
export type SharedFilters = Omit<ExploreFilters, 'text'>;

/** Reads the shared filters from the URL, ignoring anything unknown (old links, hand-edited addresses). */
export function sharedFiltersFromSearch(params: URLSearchParams): SharedFilters {
  const wanted = new Set(params.getAll(FILTER_PARAMS.theme).flatMap((v) => v.split(',')));
  const stage = params.get(FILTER_PARAMS.stage) ?? '';
  const profession = params.get(FILTER_PARAMS.profession) ?? '';
  const seeking = params.get(FILTER_PARAMS.seeking);
  return {
    themes: THEME_IDS.filter((id) => wanted.has(id) && isThemeId(id)),
    stage: isStageId(stage) ? stage : '',
    profession: isProfessionId(profession) ? profession : '',
    seekingCollaborators: seeking === 'yes' || seeking === 'true' || seeking === '1',
  };
}

/** Appends the shared filters to a query string, leaving out whatever is not set, in a stable order. */
export function appendSharedFilters(params: URLSearchParams, filters: SharedFilters): URLSearchParams {
  for (const theme of THEME_IDS.filter((id) => filters.themes.includes(id))) params.append(FILTER_PARAMS.theme, theme);
  if (filters.stage) params.set(FILTER_PARAMS.stage, filters.stage);
  if (filters.profession) params.set(FILTER_PARAMS.profession, filters.profession);
  if (filters.seekingCollaborators) params.set(FILTER_PARAMS.seeking, 'yes');
  return params;
}

/** Reads filters from the URL, ignoring anything unknown (old links, hand-edited addresses). */
export function filtersFromSearch(params: URLSearchParams): ExploreFilters {
  const { themes, stage, profession, seekingCollaborators } = sharedFiltersFromSearch(params);
  return { themes, stage, profession, text: (params.get(FILTER_PARAMS.text) ?? '').slice(0, MAX_TEXT), seekingCollaborators };
}

/** Writes filters to a query string, leaving out whatever is not set, in a stable order. */
export function searchFromFilters(filters: ExploreFilters): URLSearchParams {
  const params = new URLSearchParams();
  const text = filters.text.trim();
  if (text) params.set(FILTER_PARAMS.text, text);
  return appendSharedFilters(params, filters);
}

/** The API's filter input, or null when nothing is filtered. */
export function filterInput(filters: ExploreFilters): ProjectFilterInput | null {
  const input: ProjectFilterInput = {};
  if (filters.themes.length) input.themes = filters.themes;
  if (filters.stage) input.stage = filters.stage;
  if (filters.profession) input.profession = filters.profession;
  const text = filters.text.trim();
  if (text) input.text = text;
  if (filters.seekingCollaborators) input.seekingCollaborators = true;
  return Object.keys(input).length ? input : null;
}

export function activeFilterCount(filters: ExploreFilters): number {
  return (
    filters.themes.length +
    (filters.stage ? 1 : 0) +
    (filters.profession ? 1 : 0) +
    (filters.text.trim() ? 1 : 0) +
    (filters.seekingCollaborators ? 1 : 0)
  );
}
