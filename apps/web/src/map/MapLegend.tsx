import { formatNumber } from './heat.util';

interface MapLegendProps {
  /** k: cells with fewer projects are never shown. */
  minCellCount: number | null;
  /** The busiest area in view, when known. */
  maxWeight: number | null;
}

/** What the heat colours mean, and the privacy rule behind the gaps. */
export function MapLegend({ minCellCount, maxWeight }: MapLegendProps) {
  return (
    <div className="map-legend">
      <p className="map-legend__title" id="map-legend-title">
        Registered projects
      </p>
      <div className="map-legend__scale" aria-hidden="true" />
      <p className="map-legend__ends">
        <span>Low</span>
        <span className="visually-hidden"> to </span>
        <span>High{maxWeight ? ` (${formatNumber(maxWeight)} in one area)` : ''}</span>
      </p>
      <p className="visually-hidden">Colours run from light yellow for few projects to dark red for the most.</p>
      {minCellCount ? (
        <p className="map-legend__note">
          To protect privacy, areas with fewer than {minCellCount} projects are never shown.
        </p>
      ) : null}
    </div>
  );
}
