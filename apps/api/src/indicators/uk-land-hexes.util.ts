import { createRequire } from 'node:module';
import { cellToLatLng, polygonToCells } from 'h3-js';
import { feature } from 'topojson-client';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { UK_BBOX } from '@kindred/geo';

/** [lng, lat] rings of one polygon: the outer ring, then holes. */
type Rings = readonly (readonly Position[])[];

/** Natural Earth's numeric code for the United Kingdom (ISO 3166-1 826) in world-atlas. */
const UK_ID = '826';

interface LandPolygon {
  readonly rings: Rings;
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

export interface LandHex {
  readonly h3: string;
  readonly lat: number;
  readonly lng: number;
}

let land: readonly LandPolygon[] | null = null;
let hexesByResolution = new Map<number, readonly LandHex[]>();

/**
 * The UK's land as polygons (Great Britain, Northern Ireland and the larger islands) from the
 * Natural Earth 1:50m shapes bundled in world-atlas, the same data the web map's outline draws.
 * Loaded once; the 750 KB TopoJSON is dropped from the module cache afterwards.
 */
export function ukLand(): readonly LandPolygon[] {
  if (land) return land;
  const load = createRequire(__filename);
  const path = load.resolve('world-atlas/countries-50m.json');
  const topology = load(path) as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries);
  const uk = countries.features.find((f) => String(f.id) === UK_ID);
  delete load.cache[path];
  if (!uk || (uk.geometry.type !== 'MultiPolygon' && uk.geometry.type !== 'Polygon')) throw new Error('world-atlas has no United Kingdom polygon');
  const geometry = uk.geometry as Polygon | MultiPolygon;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  land = polygons.map((rings) => {
    const outer = rings[0] ?? [];
    const lngs = outer.map((p) => p[0] as number);
    const lats = outer.map((p) => p[1] as number);
    return { rings, west: Math.min(...lngs), east: Math.max(...lngs), south: Math.min(...lats), north: Math.max(...lats) };
  });
  return land;
}

/** True when the point lies on UK land (even-odd rule, so lakes cut out as holes stay water). */
export function isOnUkLand(lat: number, lng: number): boolean {
  return ukLand().some((p) => lng >= p.west && lng <= p.east && lat >= p.south && lat <= p.north && insideRings(p.rings, lng, lat));
}

/**
 * Every H3 cell at `resolution` whose centre lies on UK land, in a stable order. Candidates are
 * the cells of the UK bounding box; the land test is our own point-in-polygon on the cell centre.
 * Computed once per resolution and kept (about 1,500 cells at resolution 5).
 */
export function ukLandHexes(resolution: number): readonly LandHex[] {
  const cached = hexesByResolution.get(resolution);
  if (cached) return cached;
  const b = UK_BBOX;
  const box = [
    [b.south, b.west],
    [b.south, b.east],
    [b.north, b.east],
    [b.north, b.west],
  ];
  const hexes = polygonToCells(box, resolution)
    .sort()
    .map((h3) => {
      const [lat, lng] = cellToLatLng(h3);
      return { h3, lat, lng };
    })
    .filter((h) => isOnUkLand(h.lat, h.lng));
  hexesByResolution = new Map(hexesByResolution).set(resolution, Object.freeze(hexes));
  return hexes;
}

function insideRings(rings: Rings, x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as Position as [number, number];
      const [xj, yj] = ring[j] as Position as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
