import type { FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import type { PeerMatch } from '@kindred/api-client';
import { errorCodeOf, formErrorsFrom } from '../forms/api-errors.util';
import { SelectField } from '../forms/SelectField';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { PlaceSearch } from '../projects/PlaceSearch';
import { PeerList } from './PeerList';
import { PEER_RADII_KM, type PeerOriginKind } from './peer-search.util';
import type { PeersState } from './usePeers';

const RADIUS_OPTIONS = PEER_RADII_KM.map((km) => ({ value: String(km), label: `${km} km` }));
const ORIGIN_LABELS: Record<PeerOriginKind, string> = {
  project: 'One of my projects',
  place: 'A town or city',
  centre: 'The map centre',
};

interface PeersPanelProps {
  signedIn: boolean;
  peers: PeersState;
  selectedId: string | null;
  onSelect: (match: PeerMatch) => void;
  onOpen: (match: PeerMatch) => void;
  /** Theme filter in force, to say what peers are matched on. */
  themeFilterCount: number;
}

/** "Peers near me": the search settings and the ranked list, beside the map (below it on a phone). */
export function PeersPanel({ signedIn, peers, selectedId, onSelect, onOpen, themeFilterCount }: PeersPanelProps) {
  const location = useLocation();
  if (!signedIn) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return (
      <section className="panel peers" aria-labelledby="peers-title">
        <h2 id="peers-title" className="panel__title">
          Peers near me
        </h2>
        <p>
          <Link to={`/sign-in?next=${next}`}>Sign in to find peers near you</Link>: clinicians working on the same themes,
          nearest first.
        </p>
      </section>
    );
  }

  const kinds: PeerOriginKind[] = peers.myProjects.length ? ['project', 'place', 'centre'] : ['place', 'centre'];
  const connection = peers.connection;
  const submitPlace = (event: FormEvent) => {
    event.preventDefault();
    peers.submitPlace();
  };

  let results;
  if (connection && connection.nodes.length > 0) {
    results = (
      <>
        <p className="peers__matched muted">
          Matching {connection.themes.map((t) => t.label.toLowerCase()).join(', ')}
          {themeFilterCount ? ' (the map’s theme filter)' : ''} within {connection.radiusKm} km. Use the arrow keys to
          move through the list and Enter to open a project.
        </p>
        <PeerList
          matches={connection.nodes}
          selectedId={selectedId}
          onSelect={onSelect}
          onOpen={onOpen}
          label={`Peers within ${connection.radiusKm} km`}
        />
        {peers.moreFailed ? (
          <p className="field__error" role="alert">
            More peers could not be loaded. Try again.
          </p>
        ) : null}
        {connection.pageInfo.hasNextPage ? (
          <div className="load-more">
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={peers.loadingMore || undefined}
              onClick={() => void peers.loadMore()}
            >
              Load more peers
            </button>
            {peers.loadingMore ? <LoadingState label="Loading more peers…" /> : null}
          </div>
        ) : null}
      </>
    );
  } else if (connection) {
    results = (
      <p className="peers__empty">
        No peers found within {connection.radiusKm} km on these themes. Try a wider radius or other themes.
      </p>
    );
  } else if (peers.error) {
    const code = errorCodeOf(peers.error);
    results =
      code === 'UNAUTHENTICATED' ? (
        <p>
          Your session has ended. <Link to="/sign-in">Sign in again</Link> to find peers.
        </p>
      ) : (
        <ErrorState title="Peers could not be found" onRetry={code === 'BAD_USER_INPUT' || code === 'UNKNOWN_PLACE' ? undefined : peers.retry}>
          <p>{formErrorsFrom(peers.error, []).form}</p>
        </ErrorState>
      );
  } else if (peers.loading || peers.myProjectsLoading) {
    results = <LoadingState label="Finding peers…" />;
  } else if (peers.kind === 'place' && !peers.input) {
    results = <p className="muted">Choose a town or city to search from.</p>;
  }

  return (
    <section className="panel peers" aria-labelledby="peers-title" aria-busy={peers.loading || undefined}>
      <h2 id="peers-title" className="panel__title">
        Peers near me
      </h2>
      <fieldset className="fieldset peers__origin">
        <legend className="fieldset__legend peers__legend">Search from</legend>
        <ul className="choice-list">
          {kinds.map((kind) => (
            <li key={kind} className="choice">
              <input
                id={`peers-origin-${kind}`}
                type="radio"
                name="peers-origin"
                className="choice__input"
                checked={peers.kind === kind}
                onChange={() => peers.setKind(kind)}
              />
              <label className="choice__label" htmlFor={`peers-origin-${kind}`}>
                {ORIGIN_LABELS[kind]}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {peers.kind === 'project' && peers.myProjects.length > 1 ? (
        <SelectField
          id="peers-project"
          label="My project"
          options={peers.myProjects.map((p) => ({ value: p.id, label: p.title }))}
          value={peers.projectId}
          onChange={(e) => peers.setProjectId(e.target.value)}
        />
      ) : null}
      {peers.kind === 'project' && peers.myProjects.length === 1 ? (
        <p className="peers__project">From “{peers.myProjects[0]?.title}”.</p>
      ) : null}
      {peers.kind === 'place' ? (
        <form className="peers__place" onSubmit={submitPlace}>
          <PlaceSearch
            id="peers-place"
            label="Town or city"
            value={peers.placeText}
            onChange={peers.setPlaceText}
            onChoose={peers.choosePlace}
          />
          <button type="submit" className="button button--secondary button--small">
            Search here
          </button>
        </form>
      ) : null}
      {peers.kind === 'centre' ? (
        <p>
          <button type="button" className="button button--secondary button--small" onClick={peers.useMapCentre}>
            Search from the current map centre
          </button>
        </p>
      ) : null}
      <SelectField
        id="peers-radius"
        label="Within"
        options={RADIUS_OPTIONS}
        value={String(peers.radiusKm)}
        onChange={(e) => peers.setRadiusKm(Number(e.target.value))}
      />
      <div className="peers__results">{results}</div>
    </section>
  );
}
