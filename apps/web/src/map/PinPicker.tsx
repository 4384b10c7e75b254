import 'leaflet/dist/leaflet.css';
import './map.css';
import { useEffect, useRef, useState } from 'react';
import type { LeafletEvent, Map as LeafletMap, Marker as LeafletMarker } from 'leaflet';
import { MapContainer, Marker, useMap, useMapEvents } from 'react-leaflet';
import { isLatitude, isLongitude } from '@kindred/domain';
import { UK_CENTRE } from '@kindred/geo';
import { BaseLayers } from './BaseLayers';
import { useClientConfig } from './useClientConfig';
import { labelMapContainer } from './map-accessibility.util';
import { pinIcon } from './pin-icon.util';

export interface LatLngPoint {
  readonly lat: number;
  readonly lng: number;
}

export interface PinPickerProps {
  value: LatLngPoint | null;
  onChange: (point: LatLngPoint) => void;
  /** Id of the error message about the location, if any. */
  errorId?: string;
}

/** How close to zoom to a pin: street level with tiles; with only the outline, close enough to see the coast. */
export function pinZoom(hasTiles: boolean): number {
  return hasTiles ? 12 : 8;
}
/** How far one arrow-key press moves the pin, in screen pixels (so it suits every zoom). */
const NUDGE_PX = 8;

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const toPoint = (p: { lat: number; lng: number }): LatLngPoint => ({ lat: round6(p.lat), lng: round6(p.lng) });
const samePoint = (a: LatLngPoint | null, b: LatLngPoint | null) => !!a && !!b && a.lat === b.lat && a.lng === b.lng;

function ClickToPlace({ onPlace }: { onPlace: (p: LatLngPoint) => void }) {
  useMapEvents({ click: (event) => onPlace(toPoint(event.latlng)) });
  return null;
}

/** Moves the view to a pin set from outside the map (a chosen place, typed coordinates). */
function FollowPin({ target, zoom }: { target: { point: LatLngPoint } | null; zoom: number }) {
  const map = useMap();
  useEffect(() => {
    if (target) map.setView([target.point.lat, target.point.lng], Math.max(map.getZoom(), zoom));
  }, [map, target, zoom]);
  return null;
}

function DraggablePin({ value, onMove }: { value: LatLngPoint; onMove: (p: LatLngPoint) => void }) {
  const map = useMap();
  const markerRef = useRef<LeafletMarker>(null);
  const onMoveRef = useRef(onMove);
  useEffect(() => {
    onMoveRef.current = onMove;
  }, [onMove]);

  // Arrow keys nudge the focused pin, so it can be placed without a mouse.
  useEffect(() => {
    const element = markerRef.current?.getElement();
    if (!element) return;
    element.setAttribute('aria-label', 'Project pin. Use the arrow keys to move it.');
    const onKeyDown = (event: KeyboardEvent) => {
      const step: Record<string, [number, number]> = {
        ArrowUp: [0, -NUDGE_PX],
        ArrowDown: [0, NUDGE_PX],
        ArrowLeft: [-NUDGE_PX, 0],
        ArrowRight: [NUDGE_PX, 0],
      };
      const delta = step[event.key];
      const marker = markerRef.current;
      if (!delta || !marker) return;
      event.preventDefault();
      event.stopPropagation();
      const at = map.latLngToContainerPoint(marker.getLatLng()).add(delta);
      onMoveRef.current(toPoint(map.containerPointToLatLng(at)));
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, [map]);

  return (
    <Marker
      ref={markerRef}
      position={[value.lat, value.lng]}
      icon={pinIcon}
      draggable
      keyboard
      autoPanOnFocus
      title="Project pin"
      eventHandlers={{
        dragend: (event: LeafletEvent) => onMoveRef.current(toPoint((event.target as LeafletMarker).getLatLng())),
      }}
    />
  );
}

interface CoordinateDrafts {
  lat: string;
  lng: string;
}

const draftsFor = (value: LatLngPoint | null): CoordinateDrafts =>
  value ? { lat: String(value.lat), lng: String(value.lng) } : { lat: '', lng: '' };

/**
 * The project editor's map: click to drop the pin, drag it to move it. For keyboards: the map
 * pans with the arrow keys, "Put the pin at the map centre" drops it there, the focused pin moves
 * with the arrow keys, and latitude/longitude can be typed.
 */
export function PinPicker({ value, onChange, errorId }: PinPickerProps) {
  const [map, setMap] = useState<LeafletMap | null>(null);
  const [follow, setFollow] = useState<{ point: LatLngPoint } | null>(null);
  const [drafts, setDrafts] = useState<CoordinateDrafts>(() => draftsFor(value));
  const fromMap = useRef<LatLngPoint | null>(null);
  const config = useClientConfig();
  const zoom = pinZoom(!!config?.tileUrl);
  // Captured once: MapContainer ignores later changes to its props.
  const [initialView] = useState(() => ({
    center: (value ? [value.lat, value.lng] : [UK_CENTRE.lat, UK_CENTRE.lng]) as [number, number],
    zoom: value ? pinZoom(false) : 5,
  }));

  // Once we know whether there are tiles, bring an existing pin to the right zoom.
  const valueRef = useRef(value);
  useEffect(() => {
    valueRef.current = value;
  }, [value]);
  useEffect(() => {
    const pin = valueRef.current;
    if (map && config && pin) map.setView([pin.lat, pin.lng], pinZoom(!!config.tileUrl));
  }, [map, config]);

  // A pin set by the map itself (click, drag, nudge, centre) must not make the view jump; any
  // other change (a chosen place, typed coordinates) brings the pin into view.
  useEffect(() => {
    if (value && !samePoint(value, fromMap.current)) setFollow({ point: value });
    setDrafts((d) => {
      const parsed = { lat: Number.parseFloat(d.lat), lng: Number.parseFloat(d.lng) };
      return value && samePoint(value, parsed) ? d : draftsFor(value);
    });
  }, [value]);

  useEffect(() => {
    if (map) labelMapContainer(map, 'Project location map', 'pin-picker-help');
  }, [map]);

  const placeFromMap = (point: LatLngPoint) => {
    fromMap.current = point;
    onChange(point);
  };

  const placeAtCentre = () => {
    if (map) placeFromMap(toPoint(map.getCenter()));
  };

  const typeCoordinate = (field: keyof CoordinateDrafts, text: string) => {
    const next = { ...drafts, [field]: text };
    setDrafts(next);
    const lat = Number.parseFloat(next.lat);
    const lng = Number.parseFloat(next.lng);
    if (next.lat.trim() && next.lng.trim() && isLatitude(lat) && isLongitude(lng)) onChange({ lat: round6(lat), lng: round6(lng) });
  };

  return (
    <div className="pin-picker">
      <div className="pin-picker__map" data-testid="project-map">
        <MapContainer
          ref={setMap}
          center={initialView.center}
          zoom={initialView.zoom}
          minZoom={3}
          maxZoom={18}
          scrollWheelZoom={false}
          className="map"
        >
          <BaseLayers />
          <ClickToPlace onPlace={placeFromMap} />
          <FollowPin target={follow} zoom={zoom} />
          {value ? <DraggablePin value={value} onMove={placeFromMap} /> : null}
        </MapContainer>
      </div>
      <p id="pin-picker-help" className="field__hint pin-picker__help">
        Click the map to drop the pin, then drag it to adjust. Using a keyboard? Move the map with the arrow keys and
        choose “Put the pin at the map centre”, move the selected pin with the arrow keys, or type the coordinates.
      </p>
      <div className="pin-picker__controls">
        <button type="button" className="button button--secondary" onClick={placeAtCentre} disabled={!map}>
          Put the pin at the map centre
        </button>
        <div className="pin-picker__coords">
          <div className="field field--inline">
            <label className="field__label" htmlFor="pin-latitude">
              Latitude
            </label>
            <input
              id="pin-latitude"
              className="input input--coordinate"
              type="number"
              inputMode="decimal"
              step="any"
              min={-90}
              max={90}
              value={drafts.lat}
              onChange={(event) => typeCoordinate('lat', event.target.value)}
              aria-describedby={errorId}
            />
          </div>
          <div className="field field--inline">
            <label className="field__label" htmlFor="pin-longitude">
              Longitude
            </label>
            <input
              id="pin-longitude"
              className="input input--coordinate"
              type="number"
              inputMode="decimal"
              step="any"
              min={-180}
              max={180}
              value={drafts.lng}
              onChange={(event) => typeCoordinate('lng', event.target.value)}
              aria-describedby={errorId}
            />
          </div>
        </div>
      </div>
    </div>
  );
}
