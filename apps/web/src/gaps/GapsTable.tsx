import type { GapArea, GapLayer } from '@kindred/api-client';
import { formatProjects, formatValue, isIllustrative } from './gap-colours.util';
import './gaps.css';

export interface GapsTableProps {
  /** From useGapLayer; its areas come largest gap first. */
  layer: GapLayer;
  /** Show only the first rows (default: all). */
  limit?: number;
  /** When given, each area name becomes a button, e.g. to pan the map there. */
  onSelectArea?: (area: GapArea) => void;
}

/** The gaps as a table, for the map's table view and for anyone who would rather read: largest gap first. */
export function GapsTable({ layer, limit, onSelectArea }: GapsTableProps) {
  const { indicator } = layer;
  const rows = limit === undefined ? layer.areas : layer.areas.slice(0, limit);
  const highGaps = layer.areas.filter((a) => a.highGap).length;
  if (layer.areas.length === 0) {
    return <p className="gaps-table__empty">This indicator has no areas.</p>;
  }
  return (
    <div className="gaps-table">
      <table className="data-table gaps-table__table">
        <caption>
          Where need is high and registered action low: {indicator.name}, largest gap first.{' '}
          {highGaps === 1 ? '1 area has' : `${highGaps} areas have`} high need and little action for the current filters.
          {isIllustrative(indicator) ? ' Illustrative sample: the need values are invented, not official statistics.' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col" className="data-table__number">
              Need{indicator.unit ? ` (${indicator.unit})` : ''}
            </th>
            <th scope="col" className="data-table__number">
              Projects
            </th>
            <th scope="col">Assessment</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((area) => (
            <tr key={area.code} className={area.highGap ? 'gaps-table__row--gap' : undefined}>
              <th scope="row">
                {onSelectArea ? (
                  <button type="button" className="button button--link" onClick={() => onSelectArea(area)}>
                    {area.name}
                  </button>
                ) : (
                  area.name
                )}
              </th>
              <td className="data-table__number">{formatValue(area.value, indicator.unit?.startsWith('%') ? '%' : null)}</td>
              <td className="data-table__number">
                <span aria-hidden="true">{area.projects}</span>
                <span className="visually-hidden">{formatProjects(area.projects)}</span>
              </td>
              <td>{area.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {limit !== undefined && layer.areas.length > limit ? (
        <p className="gaps-table__more">
          Showing the {limit} largest gaps of {layer.areas.length} areas.
        </p>
      ) : null}
    </div>
  );
}
