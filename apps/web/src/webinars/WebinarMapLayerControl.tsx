import './map-webinars.css';
import { useId } from 'react';
import { Link } from 'react-router';
import type { MapWebinar } from '@kindred/api-client';
import { mapWebinarWhen } from './map-webinar.util';

interface WebinarMapLayerControlProps {
  shown: boolean;
  onShownChange: (shown: boolean) => void;
  /** The WHAMinars in view; null while none have been asked for. */
  webinars: readonly MapWebinar[] | null;
  loading: boolean;
  failed: boolean;
  onRetry: () => void;
}

/** The "Show WHAMinars" switch under the map, and the same WHAMinars as a list of links for those who prefer it. */
export function WebinarMapLayerControl({ shown, onShownChange, webinars, loading, failed, onRetry }: WebinarMapLayerControlProps) {
  const id = useId();
  return (
    <div className="map-webinars">
      <div className="choice">
        <input id={`${id}-show`} type="checkbox" className="choice__input" checked={shown} onChange={(e) => onShownChange(e.target.checked)} />
        <label className="choice__label" htmlFor={`${id}-show`}>
          Show WHAMinars tied to a place
        </label>
      </div>
      {shown ? (
        <>
          <p className="map-webinars__status" role="status">
            {failed ? (
              <>
                WHAMinars could not be shown.{' '}
                <button type="button" className="button button--link button--small" onClick={onRetry}>
                  Try again
                </button>
              </>
            ) : loading && !webinars ? (
              'Finding WHAMinars in view…'
            ) : webinars && webinars.length === 0 ? (
              <>
                No upcoming WHAMinars tied to a place in this view. <Link to="/webinars">See them all</Link>.
              </>
            ) : null}
          </p>
          {webinars && webinars.length > 0 && !failed ? (
            <details className="map-webinars__details">
              <summary>
                {webinars.length} {webinars.length === 1 ? 'WHAMinar' : 'WHAMinars'} in view
              </summary>
              <ul className="map-webinars__list">
                {webinars.map((w) => (
                  <li key={w.id}>
                    <Link to={`/webinars/${w.id}`}>{w.title}</Link> <span className="muted">{mapWebinarWhen(w)}</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
