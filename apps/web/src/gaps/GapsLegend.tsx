import type { GapLayer } from '@kindred/api-client';
import { formatValue, isIllustrative, needLegendClasses } from './gap-colours.util';
import './gaps.css';

export interface GapsLegendProps {
  /** From useGapLayer. */
  layer: GapLayer;
}

/**
 * What the need shading means: the five classes with the values their areas span, the hatching
 * for high need with little action, where the figures come from, and (for the bundled sample or
 * anything labelled so) that they are illustrative.
 */
export function GapsLegend({ layer }: GapsLegendProps) {
  const { indicator } = layer;
  const classes = needLegendClasses(layer.areas);
  const range = (min: number | null, max: number | null) => {
    if (min === null || max === null) return 'no areas';
    return min === max ? formatValue(min, indicator.unit) : `${formatValue(min, indicator.unit)} to ${formatValue(max, indicator.unit)}`;
  };
  return (
    <section className="gaps-legend" aria-labelledby="gaps-legend-title">
      <h2 className="gaps-legend__title" id="gaps-legend-title">
        Need: {indicator.name}
      </h2>
      {isIllustrative(indicator) ? (
        <p className="gaps-legend__warning">
          <strong>Illustrative sample:</strong> these values are invented for demonstration and are not official statistics.
        </p>
      ) : null}
      <ul className="gaps-legend__scale" aria-label="Need, from least to most">
        {classes.map((c) => (
          <li key={c.colour} className="gaps-legend__class">
            <span className="gaps-legend__swatch" style={{ background: c.colour }} aria-hidden="true" />
            <span>
              {c.label}: {range(c.minValue, c.maxValue)}
            </span>
          </li>
        ))}
        <li className="gaps-legend__class">
          <span className="gaps-legend__swatch gaps-legend__swatch--gap" aria-hidden="true" />
          <span>Hatched and outlined: high need, little action for the current filters</span>
        </li>
      </ul>
      <p className="gaps-legend__note">
        {indicator.higherIsWorse ? 'Higher values mean more need.' : 'Lower values mean more need.'} Each area is the land nearer its
        centre than any other area&apos;s, up to {layer.radiusKm} km; action counts registered projects there that match the filters
        {layer.unassignedProjects > 0 ? ` (${layer.unassignedProjects} more lie outside every area)` : ''}.
      </p>
      {indicator.source ? <p className="gaps-legend__source">Source: {indicator.source}</p> : null}
    </section>
  );
}
