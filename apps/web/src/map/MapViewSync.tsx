import { useCallback, useEffect, useRef } from 'react';
import type { Map as LeafletMap } from 'leaflet';
import { useMap, useMapEvents } from 'react-leaflet';
import type { BBoxInput } from '@kindred/api-client';
import { UK_BBOX, type LatLng } from '@kindred/geo';
import { clampBBox, type PixelSize } from './map-bbox.util';
import { normaliseView, sameView, type MapView } from './map-url-state.util';

export interface Viewport {
  /** Null while the map has no size. */
  readonly bbox: BBoxInput | null;
  readonly zoom: number;
  readonly centre: LatLng;
  readonly size: PixelSize;
}

export const UK_BOUNDS: [[number, number], [number, number]] = [
  [UK_BBOX.south, UK_BBOX.west],
  [UK_BBOX.north, UK_BBOX.east],
];

export function viewportOf(map: LeafletMap): Viewport {
  const b = map.getBounds();
  const c = map.getCenter();
  const size = map.getSize();
  return {
    bbox: clampBBox({ west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() }),
    zoom: Math.round(map.getZoom()),
    centre: { lat: c.lat, lng: c.lng },
    size: { width: size.x, height: size.y },
  };
}

const viewOf = (map: LeafletMap): MapView => {
  const c = map.getCenter();
  return normaliseView({ lat: c.lat, lng: c.lng, zoom: map.getZoom() });
};

interface MapViewSyncProps {
  /** The view in the URL; null means the whole UK. */
  view: MapView | null;
  /**
   * Every settled view; `moved` is the view to write to the URL when a person moved the map
   * (undefined when the map only followed the URL).
   */
  onViewport: (viewport: Viewport, moved?: MapView) => void;
}

/**
 * Keeps the map and the URL in step: a moved map reports its viewport (and its view for the
 * URL); a URL changed from outside (back/forward, a shared link, the "Map" link) moves the map.
 * `MapContainer` reads its view props once, so this is how the view is driven afterwards.
 */
export function MapViewSync({ view, onViewport }: MapViewSyncProps) {
  const map = useMap();
  const urlView = useRef(view);
  /** The whole-UK view as fitted at this map's size: not worth writing to the URL. */
  const homeView = useRef<MapView | null>(null);
  const following = useRef(false);
  const report = useRef(onViewport);
  useEffect(() => {
    report.current = onViewport;
  }, [onViewport]);

  useEffect(() => {
    if (!urlView.current) homeView.current = viewOf(map);
    report.current(viewportOf(map));
  }, [map]);

  const moved = useCallback(() => {
    const current = viewOf(map);
    if (following.current) {
      if (!urlView.current) homeView.current = current;
      report.current(viewportOf(map));
      return;
    }
    const unchanged = urlView.current ? sameView(current, urlView.current) : sameView(current, homeView.current);
    report.current(viewportOf(map), unchanged ? undefined : current);
  }, [map]);
  // A map showing the whole UK keeps showing it when its box changes size (styles arriving, a
  // phone turning); a map at a chosen view keeps its centre, as Leaflet does.
  const resized = useCallback(() => {
    if (urlView.current) return;
    following.current = true;
    try {
      map.fitBounds(UK_BOUNDS, { animate: false });
    } finally {
      following.current = false;
    }
  }, [map]);
  useMapEvents({ moveend: moved, resize: resized });

  const lat = view?.lat;
  const lng = view?.lng;
  const zoom = view?.zoom;
  useEffect(() => {
    const previous = urlView.current;
    const next = lat !== undefined && lng !== undefined && zoom !== undefined ? { lat, lng, zoom } : null;
    urlView.current = next;
    // Without animation Leaflet fires moveend synchronously, so `following` covers exactly this move.
    following.current = true;
    try {
      if (next && !sameView(next, viewOf(map))) map.setView([next.lat, next.lng], next.zoom, { animate: false });
      else if (!next && previous) map.fitBounds(UK_BOUNDS, { animate: false });
    } finally {
      following.current = false;
    }
  }, [map, lat, lng, zoom]);

  return null;
}
