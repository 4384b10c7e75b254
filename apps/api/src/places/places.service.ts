import { Injectable } from '@nestjs/common';

export interface PlaceRecord {
  id: string;
  name: string;
  region: string | null;
  lat: number;
  lng: number;
  population: number;
}

/** Offline gazetteer of UK towns and cities (placeholder until the gazetteer lands). */
@Injectable()
export class PlacesService {
  /** Best matches for a typed query, most relevant first. */
  search(_query: string, _limit = 8): PlaceRecord[] {
    return [];
  }

  /** The single best place for a name (exact name match preferred, then the most populous), or null. */
  resolve(_name: string): PlaceRecord | null {
    return null;
  }
}
