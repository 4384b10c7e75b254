import type { ReactNode } from 'react';
import { MAP_SUMMARY, type BBoxInput, type MapFilterInput, type ThemeCount } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { formatNumber } from './heat.util';
import { useLatestQuery } from './useLatestQuery';

interface MapTableViewProps {
  bbox: BBoxInput;
  zoom: number;
  filter: MapFilterInput | null;
  /** Shown when nothing matches, e.g. a "Clear filters" button. */
  emptyAction?: ReactNode;
}

const themeList = (themes: readonly ThemeCount[]) =>
  themes.length ? themes.map((t) => `${t.theme.label} (${formatNumber(t.count)})`).join(', ') : '—';

/**
 * "A map without a map": the same view and filters as words and tables, for screen readers
 * and for people who would rather read than look.
 */
export function MapTableView({ bbox, zoom, filter, emptyAction }: MapTableViewProps) {
  const { data, error, loading, retry } = useLatestQuery(MAP_SUMMARY, { bbox, zoom, filter }, 0);
  const summary = data?.mapSummary;

  if (error && !summary) {
    return (
      <ErrorState title="The summary could not be loaded" onRetry={retry}>
        <p>{formErrorsFrom(error, []).form}</p>
      </ErrorState>
    );
  }
  if (!summary) return <LoadingState label="Loading the summary…" />;

  return (
    <div className="map-table" aria-busy={loading || undefined}>
      <p className="map-table__status" role="status" aria-live="polite">
        {loading ? 'Updating…' : ''}
      </p>
      {error ? (
        <ErrorState title="The summary could not be updated" onRetry={retry}>
          <p>{formErrorsFrom(error, []).form}</p>
        </ErrorState>
      ) : null}
      <h2 id="map-summary-title" className="map-table__title">
        Summary of this view
      </h2>
      <p className="map-table__text">{summary.text}</p>
      {summary.totalProjects === 0 ? (
        <div className="state state--empty">
          <p className="state__title">No registered projects match these filters in this view — zoom out or clear filters.</p>
          {emptyAction}
        </div>
      ) : (
        <>
          {/* A narrow screen scrolls the table sideways inside its own focusable region, never the page. */}
          <div className="data-table__wrap" role="region" aria-labelledby="map-areas-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="map-areas-caption">
                Areas in view ({formatNumber(summary.totalProjects)} {summary.totalProjects === 1 ? 'project' : 'projects'},{' '}
                {formatNumber(summary.seekingCollaborators)} seeking collaborators)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Area</th>
                  <th scope="col" className="data-table__number">
                    Projects
                  </th>
                  <th scope="col" className="data-table__number">
                    {/* A soft hyphen lets the long word break on a phone. */}
                    Seeking collab{'\u00AD'}orators
                  </th>
                  <th scope="col">Top themes</th>
                </tr>
              </thead>
              <tbody>
                {summary.areas.map((area) => (
                  <tr key={`${area.name}-${area.lat}-${area.lng}`}>
                    <th scope="row">{area.name}</th>
                    <td className="data-table__number">{formatNumber(area.projects)}</td>
                    <td className="data-table__number">{formatNumber(area.seekingCollaborators)}</td>
                    <td>{themeList(area.topThemes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="data-table__wrap" role="region" aria-labelledby="map-themes-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="map-themes-caption">Themes in view</caption>
              <thead>
                <tr>
                  <th scope="col">Theme</th>
                  <th scope="col" className="data-table__number">
                    Projects in view
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.themes.map((t) => (
                  <tr key={t.theme.id}>
                    <th scope="row">{t.theme.label}</th>
                    <td className="data-table__number">{formatNumber(t.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
