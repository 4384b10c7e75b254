import './webinars.css';
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { RECOMMENDED_WEBINARS, WEBINARS, type WebinarFilterInput } from '@kindred/api-client';
import { isThemeId, themeLabel, type ThemeId } from '@kindred/domain';
import { useAuth } from '../auth/useAuth';
import { formErrorsFrom } from '../forms/api-errors.util';
import { EmptyState } from '../layout/EmptyState';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { ThemeFilterForm } from './ThemeFilterForm';
import { canSchedule } from './webinar-permissions.util';
import { browserTimeZone } from './webinar-time.util';
import { WebinarCard } from './WebinarCard';

export const WEBINARS_PAGE_SIZE = 20;
const RECOMMENDED_COUNT = 3;

export type WebinarTab = 'upcoming' | 'past' | 'registered' | 'organising';

const TAB_LABELS: Record<WebinarTab, string> = {
  upcoming: 'Upcoming',
  past: 'Past',
  registered: 'My WHAMinars',
  organising: 'Organising',
};

function tabFrom(value: string | null, signedIn: boolean, organiser: boolean): WebinarTab {
  if (value === 'past') return 'past';
  if (value === 'registered' && signedIn) return 'registered';
  if (value === 'organising' && organiser) return 'organising';
  return 'upcoming';
}

function filterFor(tab: WebinarTab, theme: ThemeId | null): WebinarFilterInput {
  return {
    ...(theme ? { themes: [theme] } : {}),
    ...(tab === 'past' ? { past: true } : {}),
    ...(tab === 'registered' ? { registered: true } : {}),
    ...(tab === 'organising' ? { organising: true } : {}),
  };
}

function emptyTitle(tab: WebinarTab, theme: ThemeId | null): string {
  const about = theme ? ` about ${themeLabel(theme).toLowerCase()}` : '';
  switch (tab) {
    case 'past':
      return `No past WHAMinars${about}`;
    case 'registered':
      return `You have not registered for any upcoming WHAMinars${about}`;
    case 'organising':
      return `You are not organising any WHAMinars${about}`;
    default:
      return `No upcoming WHAMinars${about}`;
  }
}

/**
 * /webinars: upcoming WHAMinars soonest first (and past ones latest first), filtered by theme, each
 * shown in the viewer's own time zone; "recommended for you" from the themes of my projects; my
 * registrations, and what I organise (drafts included).
 */
export function WebinarsPage({ viewerZone = browserTimeZone() }: { viewerZone?: string }) {
  useDocumentTitle('WHAMinars');
  const { status, account } = useAuth();
  const signedIn = status === 'signed-in';
  const organiser = signedIn && canSchedule(account);
  const [params, setParams] = useSearchParams();
  const tab = tabFrom(params.get('tab'), signedIn, organiser);
  const themeParam = params.get('theme');
  const theme = themeParam && isThemeId(themeParam) ? themeParam : null;
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);

  const { data, loading, error, refetch, fetchMore } = useQuery(WEBINARS, {
    variables: { filter: filterFor(tab, theme), first: WEBINARS_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const showRecommended = signedIn && tab === 'upcoming' && !theme;
  const recommended = useQuery(RECOMMENDED_WEBINARS, { variables: { first: RECOMMENDED_COUNT }, skip: !showRecommended, fetchPolicy: 'cache-and-network' });
  const connection = data?.webinars;

  const searchFor = (nextTab: WebinarTab, nextTheme: string | null) => {
    const next = new URLSearchParams();
    if (nextTab !== 'upcoming') next.set('tab', nextTab);
    if (nextTheme) next.set('theme', nextTheme);
    const text = next.toString();
    return text ? `?${text}` : '';
  };

  const loadMore = async () => {
    const after = connection?.pageInfo.endCursor;
    if (!after || loadingMore) return;
    setLoadingMore(true);
    setMoreFailed(false);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          webinars: { ...fetchMoreResult.webinars, nodes: [...previous.webinars.nodes, ...fetchMoreResult.webinars.nodes] },
        }),
      });
    } catch {
      setMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  };

  const tabs: WebinarTab[] = ['upcoming', 'past', ...(signedIn ? (['registered'] as const) : []), ...(organiser ? (['organising'] as const) : [])];

  let results;
  if (connection && connection.nodes.length > 0) {
    results = (
      <>
        <ul className="card-list webinar-list" aria-label={`${TAB_LABELS[tab]} WHAMinars`}>
          {connection.nodes.map((webinar) => (
            <li key={webinar.id}>
              <WebinarCard webinar={webinar} viewerZone={viewerZone} />
            </li>
          ))}
        </ul>
        {moreFailed ? (
          <p className="field__error" role="alert">
            More WHAMinars could not be loaded. Try again.
          </p>
        ) : null}
        {connection.pageInfo.hasNextPage ? (
          <div className="load-more">
            <button type="button" className="button button--secondary" aria-disabled={loadingMore || undefined} onClick={() => void loadMore()}>
              Load more
            </button>
            {loadingMore ? <LoadingState label="Loading more WHAMinars…" /> : null}
          </div>
        ) : null}
      </>
    );
  } else if (connection) {
    results = (
      <EmptyState title={emptyTitle(tab, theme)}>
        {theme ? (
          <p>
            <Link to={searchFor(tab, null)}>Show every theme</Link>
          </p>
        ) : tab === 'upcoming' && organiser ? (
          <p>
            <Link to="/webinars/new">Schedule a WHAMinar</Link> for the network.
          </p>
        ) : tab === 'registered' ? (
          <p>
            <Link to="/webinars">See what is coming up</Link> and register for one.
          </p>
        ) : (
          <p>New WHAMinars are announced here. Check back soon.</p>
        )}
      </EmptyState>
    );
  } else if (error) {
    results = (
      <ErrorState title="WHAMinars could not be loaded" onRetry={() => void refetch()}>
        <p>{formErrorsFrom(error, []).form}</p>
      </ErrorState>
    );
  } else if (loading) {
    results = <LoadingState label="Loading WHAMinars…" />;
  }

  const recommendations = recommended.data?.recommendedWebinars ?? [];
  const count = connection && connection.totalCount > 0
    ? `${connection.totalCount} ${connection.totalCount === 1 ? 'WHAMinar' : 'WHAMinars'}`
    : '';

  return (
    <div className="page webinars-page">
      <div className="page__header">
        <div>
          <h1>WHAMinars</h1>
          <p className="lede">Talks and discussions for clinicians tackling health inequality. Times are shown in your time zone ({viewerZone}).</p>
        </div>
        {organiser ? (
          <div className="page__header-actions">
            <Link className="button" to="/webinars/new">
              Schedule a WHAMinar
            </Link>
          </div>
        ) : null}
      </div>

      {showRecommended && recommendations.length > 0 ? (
        <section className="webinar-recommended" aria-labelledby="recommended-title">
          <h2 id="recommended-title">Recommended for you</h2>
          <ul className="card-list webinar-list">
            {recommendations.map((r) => (
              <li key={r.webinar.id}>
                <WebinarCard webinar={r.webinar} viewerZone={viewerZone} reason={r.reason} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <nav className="webinar-tabs" aria-label="Which WHAMinars">
        <ul className="webinar-tabs__list">
          {tabs.map((t) => (
            <li key={t}>
              <Link className="webinar-tabs__link" to={searchFor(t, theme)} aria-current={t === tab ? 'page' : undefined}>
                {TAB_LABELS[t]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <ThemeFilterForm
        key={theme ?? ''}
        theme={theme}
        clearTo={searchFor(tab, null)}
        onApply={(next) => {
          const search = new URLSearchParams(params);
          if (next) search.set('theme', next);
          else search.delete('theme');
          setParams(search);
        }}
      />

      <section className="webinar-results" aria-labelledby="webinar-results-title">
        <div className="results-header">
          <h2 id="webinar-results-title" className="results-header__title">
            {TAB_LABELS[tab]}
            {theme ? `: ${themeLabel(theme)}` : ''}
          </h2>
          <p className="results-header__count" role="status">
            {count}
          </p>
        </div>
        {results}
      </section>
      {tab === 'registered' ? <CalendarFeedPanel /> : null}
    </div>
  );
}
