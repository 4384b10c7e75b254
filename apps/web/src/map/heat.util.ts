import type { HeatCell } from '@kindred/api-client';

/** [lat, lng, intensity 0..1] as leaflet.heat takes it. */
export type HeatPoint = [number, number, number];

/**
 * Sequential light-to-dark (yellow, orange, red, deep red), readable over land and sea and
 * in greyscale; the legend draws the same stops.
 */
export const HEAT_GRADIENT: Readonly<Record<number, string>> = {
  0.2: '#fed976',
  0.45: '#fd8d3c',
  0.7: '#e31a1c',
  1: '#800026',
};

/** The faintest a cell is ever drawn, so a cell at the k threshold is still visible. */
export const HEAT_MIN_OPACITY = 0.35;

/** Intensity is the cell's share of the busiest cell in view. */
export function heatPoints(cells: readonly HeatCell[], maxWeight: number): HeatPoint[] {
  if (!(maxWeight > 0)) return [];
  return cells.filter((c) => c.weight > 0).map((c) => [c.lat, c.lng, Math.min(1, c.weight / maxWeight)]);
}

/**
 * A blob about the size of its cell on screen: a cell at grid `level` seen at map `zoom` is
 * 256 * 2^(zoom - level) px wide; kept between 12 and 40 px so it neither vanishes nor floods.
 */
export function heatRadiusPx(level: number, zoom: number): number {
  const cellPx = 256 * 2 ** (zoom - level);
  return Math.round(Math.min(40, Math.max(12, cellPx * 0.75)));
}

const NUMBER = new Intl.NumberFormat('en-GB');
export const formatNumber = (n: number): string => NUMBER.format(n);

/**
 * "1,234 projects in view". With several themes chosen a project counts once for each chosen
 * theme it works on, so the total is of action on themes rather than of projects.
 */
export function viewCountLabel(totalWeight: number, themeCount: number): string {
  if (themeCount > 1) return `${formatNumber(totalWeight)} ${totalWeight === 1 ? 'theme action' : 'theme actions'} in view`;
  return `${formatNumber(totalWeight)} ${totalWeight === 1 ? 'project' : 'projects'} in view`;
}
