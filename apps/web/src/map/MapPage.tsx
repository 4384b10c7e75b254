import './map-page.css';
import { lazy, startTransition, Suspense, useCallback, useOptimistic, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { HEATMAP, MAP_PROJECTS, WEBINARS_IN_BBOX, type MapProject, type PeerMatch } from '@kindred/api-client';
import { distanceKm, UK_CENTRE } from '@kindred/geo';
import { useAuth } from '../auth/useAuth';
import { SaveAreaAlertButton } from '../alerts/SaveAreaAlertButton';
import { GapsControls } from '../gaps/GapsControls';
import { GapsLegend } from '../gaps/GapsLegend';
import { GapsTable } from '../gaps/GapsTable';
import { useGapLayer } from '../gaps/useGapLayer';
import { useIndicators } from '../gaps/useIndicators';
import { formErrorsFrom } from '../forms/api-errors.util';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { WebinarMapLayerControl } from '../webinars/WebinarMapLayerControl';
import { formatNumber, viewCountLabel } from './heat.util';
import { bboxAround, UK_VIEW_BBOX, UK_VIEW_ZOOM } from './map-bbox.util';
import {
  activeMapFilterCount,
  mapFilterInput,
  mapStateFromSearch,
  NO_MAP_FILTERS,
  PROJECT_MARKER_ZOOM,
  searchFromMapState,
  type MapFilters,
  type MapMode,
  type MapUrlState,
  type MapView,
} from './map-url-state.util';
import { MapFiltersPanel } from './MapFiltersPanel';
import { MapLegend } from './MapLegend';
import { MapProjectCard, type DistanceOrigin } from './MapProjectCard';
import { MapTableView } from './MapTableView';
import type { Viewport } from './MapViewSync';
import { PeersPanel } from './PeersPanel';
import { useLatestQuery } from './useLatestQuery';
import { usePeers } from './usePeers';

const MapCanvas = lazy(() => import('./MapCanvas').then((m) => ({ default: m.MapCanvas })));

/** At most this many markers at close zoom; beyond it, "zoom in to see all". */
export const MAP_PROJECTS_LIMIT = 300;
/** The table view's notional map size when no map has been drawn yet. */
const DEFAULT_MAP_SIZE = { width: 1024, height: 640 };
const HELP_ID = 'map-help';

interface Selection {
  readonly project: MapProject;
  /** Chosen from a list: the map pans to it. */
  readonly reveal: boolean;
}

/**
 * The home page: where action on health inequality is dense and where it is missing (a heatmap
 * aggregated on the server), narrowed by theme, stage, profession and recency, with the peers
 * nearest in place and purpose beside it, and the same view as tables for those who prefer them.
 * Filters, view and mode live in the URL.
 */
export function MapPage() {
  useDocumentTitle('Map');
  const [params, setParams] = useSearchParams();
  const state = mapStateFromSearch(params);
  const { mode, view } = state;
  // The router renders a URL change as a transition, which a slow phone may take a while to
  // finish: until then the filters just chosen are shown (and queried), so a ticked box stays
  // ticked instead of flicking back while the URL catches up.
  const [filters, showFilters] = useOptimistic(state.filters);
  const { status } = useAuth();
  const signedIn = status === 'signed-in';
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [cardOpen, setCardOpen] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const cardHeading = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const filter = mapFilterInput(filters);
  const centre = viewport?.centre ?? (view ? { lat: view.lat, lng: view.lng } : UK_CENTRE);
  const peers = usePeers({ enabled: signedIn, themes: filters.themes, centre });

  const bbox = viewport?.bbox ?? null;
  // Need (gaps) under the heat: off by default, one indicator at a time.
  const [showGaps, setShowGaps] = useState(false);
  const [indicatorId, setIndicatorId] = useState<string | null>(null);
  const { indicators } = useIndicators();
  const chosenIndicator = indicatorId ?? indicators[0]?.id ?? null;
  const gaps = useGapLayer(showGaps ? chosenIndicator : null, filter);
  const gapLayer = showGaps ? gaps.layer : null;
  // An alert for "this view": the circle around the centre reaching the view's corners.
  const alertRadiusKm = bbox
    ? Math.max(1, Math.min(200, Math.round(distanceKm({ lat: bbox.south, lng: bbox.west }, { lat: bbox.north, lng: bbox.east }) / 2)))
    : null;
  const zoom = viewport?.zoom ?? 0;
  const heat = useLatestQuery(HEATMAP, mode === 'map' && bbox ? { bbox, zoom, filter } : null);
  const closeZoom = mode === 'map' && !!bbox && zoom >= PROJECT_MARKER_ZOOM;
  const markers = useLatestQuery(MAP_PROJECTS, closeZoom && bbox ? { bbox, filter, first: MAP_PROJECTS_LIMIT } : null);
  const projects = closeZoom ? (markers.data?.mapProjects.nodes ?? null) : null;
  // WHAMinars tied to a place: an optional layer, off by default (asked for only when shown).
  const [showWebinars, setShowWebinars] = useState(false);
  const webinarsInView = useLatestQuery(
    WEBINARS_IN_BBOX,
    showWebinars && mode === 'map' && bbox ? { bbox, themes: filters.themes.length ? filters.themes : null } : null,
  );
  const webinars = showWebinars ? (webinarsInView.data?.webinarsInBBox ?? null) : null;

  // Build on the latest search written, not the search params of the last render: a filter change
  // and the map's own viewport write can land before React re-renders, and the second must not
  // undo the first (a ticked theme would untick itself).
  const latestSearch = useRef(params);
  latestSearch.current = params;
  const writeState = useCallback(
    (change: (current: MapUrlState) => MapUrlState, replace: boolean) => {
      const next = searchFromMapState(change(mapStateFromSearch(latestSearch.current)));
      latestSearch.current = next;
      setParams(next, { replace });
    },
    [setParams],
  );
  const onViewport = useCallback(
    (next: Viewport, moved?: MapView) => {
      setViewport(next);
      // Panning replaces the history entry; filters and modes add one, so back undoes them.
      if (moved) writeState((s) => ({ ...s, view: moved }), true);
    },
    [writeState],
  );
  const setFilters = (next: MapFilters) =>
    startTransition(() => {
      showFilters(next);
      writeState((s) => ({ ...s, filters: next }), false);
    });
  const modeSearch = (next: MapMode) => `?${searchFromMapState({ ...state, mode: next }).toString()}`;

  const open = (project: MapProject, reveal: boolean) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSelection({ project, reveal });
    setCardOpen(true);
    // After the card renders its title takes focus, so keyboard and screen-reader users land on
    // it; the page scrolls only if the card is out of sight (below the map on a phone).
    requestAnimationFrame(() => {
      const heading = cardHeading.current;
      heading?.focus({ preventScroll: true });
      heading?.closest('article')?.scrollIntoView?.({ block: 'nearest' });
    });
  };
  const closeCard = () => {
    setCardOpen(false);
    const back = returnFocus.current;
    if (back && back.isConnected) back.focus();
  };
  const selectPeer = (match: PeerMatch) => setSelection({ project: match.project, reveal: true });
  const openPeer = (match: PeerMatch) => open(match.project, true);
  const chooseOnMap = (project: MapProject) => open(project, false);

  // Close up, every project is listed, so count them; further out, the heat's total (which
  // leaves out areas too small to show).
  const listedCount = closeZoom && filters.themes.length <= 1 ? markers.data?.mapProjects.totalCount : undefined;
  const count = listedCount ?? heat.data?.heatmap.totalWeight ?? null;
  const updating = heat.loading || (closeZoom && markers.loading);

  const selected = selection?.project ?? null;
  const selectedMatch = selected ? peers.connection?.nodes.find((m) => m.project.id === selected.id) : undefined;
  const origin: DistanceOrigin = peers.originPoint ?? { point: centre, label: 'the map centre' };
  const applied = activeMapFilterCount(filters);
  const emptyActions = (
    <div className="map-empty__actions">
      {view ? (
        <button type="button" className="button button--secondary" onClick={() => writeState((s) => ({ ...s, view: null }), false)}>
          Show the whole UK
        </button>
      ) : null}
      {applied ? (
        <button type="button" className="button button--secondary" onClick={() => setFilters(NO_MAP_FILTERS)}>
          Clear filters
        </button>
      ) : null}
    </div>
  );

  const card =
    cardOpen && selected ? (
      <MapProjectCard
        project={selected}
        origin={origin}
        reason={selectedMatch?.reason}
        onClose={closeCard}
        headingRef={cardHeading}
      />
    ) : null;
  const peersPanel = (
    <PeersPanel
      signedIn={signedIn}
      peers={peers}
      selectedId={selected?.id ?? null}
      onSelect={selectPeer}
      onOpen={openPeer}
      themeFilterCount={filters.themes.length}
    />
  );

  const saveAlert =
    signedIn && viewport && alertRadiusKm !== null ? (
      <SaveAreaAlertButton centre={viewport.centre} radiusKm={alertRadiusKm} themes={filters.themes} />
    ) : null;

  return (
    <div className="page map-page">
      <div className="map-page__header">
        <div>
          <h1 className="map-page__title">Action on health inequality across the UK</h1>
          <p className="map-page__lede">
            Where clinicians are already acting, where action is missing, and who near you shares your themes.{' '}
            <Link to="/about">About Kindred</Link>
          </p>
        </div>
        <nav className="view-switch" aria-label="Show as">
          <Link className="view-switch__link" to={{ search: modeSearch('map') }} aria-current={mode === 'map' ? 'page' : undefined}>
            Map
          </Link>
          <Link className="view-switch__link" to={{ search: modeSearch('table') }} aria-current={mode === 'table' ? 'page' : undefined}>
            Table
          </Link>
        </nav>
      </div>

      <div className="map-toolbar" data-open={filtersOpen}>
        <button
          type="button"
          className="button button--secondary map-toolbar__toggle"
          aria-expanded={filtersOpen}
          aria-controls="map-filters-panel"
          onClick={() => setFiltersOpen((o) => !o)}
        >
          Filters{applied ? ` (${applied} applied)` : ''}
        </button>
        <div id="map-filters-panel" className="map-toolbar__panel">
          <MapFiltersPanel filters={filters} onChange={setFilters} />
        </div>
      </div>

      {mode === 'map' ? (
        <div className="map-layout">
          <section className="map-area" aria-labelledby="map-area-title">
            <h2 id="map-area-title" className="visually-hidden">
              Map
            </h2>
            <div className="map-status">
              <p className="map-status__count" role="status" aria-live="polite">
                {updating ? (
                  <>
                    <span className="spinner spinner--small" aria-hidden="true" /> Updating map…
                  </>
                ) : count !== null ? (
                  viewCountLabel(count, filters.themes.length)
                ) : (
                  ''
                )}
              </p>
              {filters.themes.length > 1 ? (
                <p className="map-status__note">With several themes chosen, a project counts once for each chosen theme it works on.</p>
              ) : null}
              {closeZoom && markers.data?.mapProjects.truncated ? (
                <p className="map-status__note">
                  Showing {formatNumber(MAP_PROJECTS_LIMIT)} of {formatNumber(markers.data.mapProjects.totalCount)} — zoom in to see all.
                </p>
              ) : null}
              {closeZoom && markers.error ? (
                <p className="map-status__note map-status__note--error">
                  Projects could not be shown.{' '}
                  <button type="button" className="button button--link button--small" onClick={markers.retry}>
                    Try again
                  </button>
                </p>
              ) : null}
            </div>
            <div className="map-stage">
            <div className="map-frame">
              <Suspense fallback={<LoadingState label="Loading the map…" />}>
                <MapCanvas
                  view={view}
                  onViewport={onViewport}
                  heat={heat.data?.heatmap}
                  projects={projects}
                  selected={selected}
                  revealSelected={selection?.reveal ?? false}
                  onChoose={chooseOnMap}
                  helpId={HELP_ID}
                  gaps={gapLayer}
                  webinars={webinars}
                />
              </Suspense>
              {heat.error && !updating ? (
                <div className="map-frame__overlay">
                  <ErrorState title="The map could not be updated" onRetry={heat.retry}>
                    <p>{formErrorsFrom(heat.error, []).form}</p>
                  </ErrorState>
                </div>
              ) : count === 0 && !updating ? (
                <div className="map-frame__overlay">
                  <div className="state state--empty map-empty">
                    <p className="state__title">
                      No registered projects match these filters in this view — zoom out or clear filters.
                    </p>
                    {emptyActions}
                  </div>
                </div>
              ) : null}
            </div>
            <MapLegend minCellCount={heat.data?.heatmap.minCellCount ?? null} maxWeight={heat.data?.heatmap.maxWeight ?? null} />
            </div>
            {indicators.length > 0 ? (
              <div className="map-gaps">
                <GapsControls
                  shown={showGaps}
                  onShownChange={setShowGaps}
                  indicators={indicators}
                  indicatorId={chosenIndicator}
                  onIndicatorChange={setIndicatorId}
                  busy={showGaps && gaps.loading}
                />
                {gapLayer ? <GapsLegend layer={gapLayer} /> : null}
              </div>
            ) : null}
            <WebinarMapLayerControl
              shown={showWebinars}
              onShownChange={setShowWebinars}
              webinars={webinars}
              loading={webinarsInView.loading}
              failed={!!webinarsInView.error}
              onRetry={webinarsInView.retry}
            />
            <p id={HELP_ID} className="map-help">
              Drag or use the arrow keys to move the map, + and − to zoom. Zoom in closely to see individual projects. Prefer
              to read? <Link to={{ search: modeSearch('table') }}>Show this view as a table</Link>.
            </p>
          </section>
          <div className="map-side">
            {card}
            {saveAlert}
            {projects && projects.length > 0 ? (
              <details className="panel map-in-view">
                <summary className="map-in-view__summary">
                  Projects in view ({formatNumber(projects.length)}
                  {markers.data?.mapProjects.truncated ? ` of ${formatNumber(markers.data.mapProjects.totalCount)}` : ''})
                </summary>
                <ul className="map-in-view__list">
                  {projects.map((p) => (
                    <li key={p.id}>
                      <button type="button" className="button button--link map-in-view__item" onClick={() => open(p, true)}>
                        {p.title}
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {peersPanel}
          </div>
        </div>
      ) : (
        <div className="map-layout map-layout--table">
          <section className="map-area" aria-labelledby="map-summary-title">
            <MapTableView
              bbox={view ? (bboxAround(view, view.zoom, viewport?.size ?? DEFAULT_MAP_SIZE) ?? UK_VIEW_BBOX) : (viewport?.bbox ?? UK_VIEW_BBOX)}
              zoom={view?.zoom ?? viewport?.zoom ?? UK_VIEW_ZOOM}
              filter={filter}
              emptyAction={emptyActions}
            />
            {gapLayer ? <GapsTable layer={gapLayer} /> : null}
          </section>
          <div className="map-side">
            {card}
            {saveAlert}
            {peersPanel}
          </div>
        </div>
      )}
    </div>
  );
}
