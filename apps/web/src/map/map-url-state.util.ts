import type { MapFilterInput } from '@kindred/api-client';
import { appendSharedFilters, sharedFiltersFromSearch, type SharedFilters } from '../projects/explore-filters.util';

/**
 * The map page's state in the query string, so a view can be shared and back/forward work:
 * `?lat=53.8&lng=-1.55&z=9&theme=housing&theme=food-insecurity&stage=running&profession=nurse&seeking=yes&since=30d&view=table`.
 * Filters use the explore page's keys and readers.
 */

export const SINCE_PERIODS = [
  { id: '', label: 'Any time' },
  { id: '30d', label: 'Last 30 days' },
  { id: '12m', label: 'Last 12 months' },
] as const;
export type SincePeriod = (typeof SINCE_PERIODS)[number]['id'];

export interface MapFilters extends SharedFilters {
  since: SincePeriod;
}

export interface MapView {
  readonly lat: number;
  readonly lng: number;
  /** Whole zoom level. */
  readonly zoom: number;
}

export type MapMode = 'map' | 'table';

export interface MapUrlState {
  /** Null: no view in the URL, so show the whole UK. */
  readonly view: MapView | null;
  readonly filters: MapFilters;
  readonly mode: MapMode;
}

export const NO_MAP_FILTERS: MapFilters = { themes: [], stage: '', profession: '', seekingCollaborators: false, since: '' };

export const MAP_ZOOM = { min: 3, max: 18 } as const;
/** From this zoom the map shows individual projects as well as heat. */
export const PROJECT_MARKER_ZOOM = 12;

export const MAP_PARAMS = { lat: 'lat', lng: 'lng', zoom: 'z', since: 'since', view: 'view' } as const;

const isSince = (value: string): value is SincePeriod => SINCE_PERIODS.some((p) => p.id === value);

/** 4 decimal places is about 10 m: plenty for a view, and keeps links short. */
export const roundCoordinate = (n: number): number => Math.round(n * 1e4) / 1e4;

export function normaliseView(view: MapView): MapView {
  return {
    lat: roundCoordinate(view.lat),
    lng: roundCoordinate(view.lng),
    zoom: Math.min(MAP_ZOOM.max, Math.max(MAP_ZOOM.min, Math.round(view.zoom))),
  };
}

export function sameView(a: MapView | null, b: MapView | null): boolean {
  if (!a || !b) return a === b;
  const x = normaliseView(a);
  const y = normaliseView(b);
  return x.lat === y.lat && x.lng === y.lng && x.zoom === y.zoom;
}

function readNumber(params: URLSearchParams, key: string): number | null {
  const raw = params.get(key);
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

export function viewFromSearch(params: URLSearchParams): MapView | null {
  const lat = readNumber(params, MAP_PARAMS.lat);
  const lng = readNumber(params, MAP_PARAMS.lng);
  const zoom = readNumber(params, MAP_PARAMS.zoom);
  if (lat === null || lng === null || zoom === null) return null;
  if (Math.abs(lat) > 85 || Math.abs(lng) > 180) return null;
  return normaliseView({ lat, lng, zoom });
}

export function mapStateFromSearch(params: URLSearchParams): MapUrlState {
  const since = params.get(MAP_PARAMS.since) ?? '';
  return {
    view: viewFromSearch(params),
    filters: { ...sharedFiltersFromSearch(params), since: isSince(since) ? since : '' },
    mode: params.get(MAP_PARAMS.view) === 'table' ? 'table' : 'map',
  };
}

/** Writes the state in a stable order, leaving out what is not set. */
export function searchFromMapState(state: MapUrlState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view) {
    const view = normaliseView(state.view);
    params.set(MAP_PARAMS.lat, String(view.lat));
    params.set(MAP_PARAMS.lng, String(view.lng));
    params.set(MAP_PARAMS.zoom, String(view.zoom));
  }
  appendSharedFilters(params, state.filters);
  if (state.filters.since) params.set(MAP_PARAMS.since, state.filters.since);
  if (state.mode === 'table') params.set(MAP_PARAMS.view, 'table');
  return params;
}

export function activeMapFilterCount(filters: MapFilters): number {
  return (
    filters.themes.length +
    (filters.stage ? 1 : 0) +
    (filters.profession ? 1 : 0) +
    (filters.seekingCollaborators ? 1 : 0) +
    (filters.since ? 1 : 0)
  );
}

/**
 * The start of the "updated since" period, at midnight UTC: the same all day, so the query
 * variables (and the cache) do not change from one render to the next.
 */
export function sinceDate(since: SincePeriod, now: Date): string | null {
  if (!since) return null;
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (since === '30d') start.setUTCDate(start.getUTCDate() - 30);
  else start.setUTCFullYear(start.getUTCFullYear() - 1);
  return start.toISOString();
}

/** The API's map filter, or null when nothing is filtered. */
export function mapFilterInput(filters: MapFilters, now: Date = new Date()): MapFilterInput | null {
  const input: MapFilterInput = {};
  if (filters.themes.length) input.themes = [...filters.themes];
  if (filters.stage) input.stage = filters.stage;
  if (filters.profession) input.profession = filters.profession;
  if (filters.seekingCollaborators) input.seekingCollaborators = true;
  const since = sinceDate(filters.since, now);
  if (since) input.updatedSince = since;
  return Object.keys(input).length ? input : null;
}
