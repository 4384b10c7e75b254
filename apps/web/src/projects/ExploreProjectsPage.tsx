import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { PROJECTS } from '@kindred/api-client';
import { LIMITS } from '@kindred/domain';
import { formErrorsFrom } from '../forms/api-errors.util';
import { EmptyState } from '../layout/EmptyState';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { activeFilterCount, filterInput, filtersFromSearch, searchFromFilters } from './explore-filters.util';
import { ProjectCard } from './ProjectCard';
import { ProjectFilters } from './ProjectFilters';

const PAGE_SIZE = LIMITS.page.defaultSize;

export function ExploreProjectsPage() {
  useDocumentTitle('Explore projects');
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  // On narrow screens the filters fold away behind a button so results come first.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const applied = activeFilterCount(filters);
  const filtered = applied > 0;
  const { data, loading, error, refetch, fetchMore } = useQuery(PROJECTS, {
    variables: { filter: filterInput(filters), first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.projects;

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor || loadingMore) return;
    setLoadingMore(true);
    setMoreFailed(false);
    try {
      await fetchMore({ variables: { after: connection.pageInfo.endCursor } });
    } catch {
      setMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  };

  let results;
  if (connection && connection.nodes.length > 0) {
    results = (
      <>
        <ul className="card-list">
          {connection.nodes.map((project) => (
            <li key={project.id}>
              <ProjectCard project={project} headingLevel={3} />
            </li>
          ))}
        </ul>
        {moreFailed ? (
          <p className="field__error" role="alert">
            More projects could not be loaded. Try again.
          </p>
        ) : null}
        {connection.pageInfo.hasNextPage ? (
          <div className="load-more">
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={loadingMore || undefined}
              onClick={() => void loadMore()}
            >
              Load more
            </button>
            {loadingMore ? <LoadingState label="Loading more projects…" /> : null}
          </div>
        ) : null}
      </>
    );
  } else if (connection) {
    results = filtered ? (
      <EmptyState title="No projects match these filters">
        <p>
          Try fewer themes or a different stage, or <Link to="/projects">show all projects</Link>.
        </p>
      </EmptyState>
    ) : (
      <EmptyState title="No projects have been registered yet">
        <p>
          Be the first: <Link to="/projects/new">register a project</Link>.
        </p>
      </EmptyState>
    );
  } else if (error) {
    results = (
      <ErrorState title="Projects could not be loaded" onRetry={() => void refetch()}>
        <p>{formErrorsFrom(error, []).form}</p>
      </ErrorState>
    );
  } else if (loading) {
    results = <LoadingState label="Loading projects…" />;
  }

  const count = connection
    ? connection.totalCount === 0
      ? ''
      : connection.nodes.length < connection.totalCount
        ? `Showing ${connection.nodes.length} of ${connection.totalCount} projects`
        : `${connection.totalCount} ${connection.totalCount === 1 ? 'project' : 'projects'}`
    : '';

  return (
    <div className="page">
      <h1>Explore projects</h1>
      <p className="lede">What clinicians across the UK are doing about health inequality, and who is looking for collaborators.</p>
      <div className="explore">
        <div className="explore__filters" data-open={filtersOpen}>
          <button
            type="button"
            className="button button--secondary explore__filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="explore-filters-panel"
            onClick={() => setFiltersOpen((open) => !open)}
          >
            Filters{applied > 0 ? ` (${applied} applied)` : ''}
          </button>
          <div id="explore-filters-panel" className="explore__filters-panel">
            {/* Remount when the URL changes (back button, "Clear filters") so the form shows what is applied. */}
            <ProjectFilters
              key={params.toString()}
              initial={filters}
              onApply={(next) => {
                setParams(searchFromFilters(next));
                setFiltersOpen(false);
              }}
            />
          </div>
        </div>
        <section className="explore__results" aria-labelledby="results-title">
          <div className="results-header">
            <h2 id="results-title" className="results-header__title">
              Projects
            </h2>
            <p className="results-header__count" role="status">
              {count}
            </p>
          </div>
          {results}
        </section>
      </div>
    </div>
  );
}
