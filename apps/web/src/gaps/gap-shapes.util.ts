import type { GapHex } from '@kindred/api-client';
import type { H3 } from './h3-loader.util';

/** A MultiPolygon as Leaflet takes it: polygons, each an outer loop then holes, of [lat, lng]. */
export type LatLngMultiPolygon = [number, number][][][];

/**
 * One outline per area: its hexagons merged (h3 cellsToMultiPolygon), so an area is drawn and
 * outlined as one shape with no seams between its own hexagons.
 */
export function areaShapes(h3: Pick<H3, 'cellsToMultiPolygon'>, hexes: readonly GapHex[]): Map<string, LatLngMultiPolygon> {
  const cells = new Map<string, string[]>();
  for (const hex of hexes) {
    const list = cells.get(hex.areaCode);
    if (list) list.push(hex.h3);
    else cells.set(hex.areaCode, [hex.h3]);
  }
  const shapes = new Map<string, LatLngMultiPolygon>();
  for (const [code, list] of cells) shapes.set(code, h3.cellsToMultiPolygon(list, false) as LatLngMultiPolygon);
  return shapes;
}

/** Which area a point is in, by the hexagon under it (for hover, whatever layer lies on top). */
export function hexAreaIndex(hexes: readonly GapHex[]): Map<string, string> {
  return new Map(hexes.map((h) => [h.h3, h.areaCode]));
}
