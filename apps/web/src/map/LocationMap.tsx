import 'leaflet/dist/leaflet.css';
import './map.css';
import { useEffect, useState } from 'react';
import type { Map as LeafletMap } from 'leaflet';
import { Circle, MapContainer, Marker } from 'react-leaflet';
import { PRECISION_GRID_KM } from '@kindred/geo';
import type { LocationPrecision } from '@kindred/domain';
import { BaseLayers } from './BaseLayers';
import { useClientConfig } from './useClientConfig';
import { labelMapContainer } from './map-accessibility.util';
import { pinIcon } from './pin-icon.util';

interface LocationMapProps {
  lat: number;
  lng: number;
  precision: LocationPrecision;
  label: string;
}

// Without tiles only the coastline gives context, so stay further out.
const ZOOM: Record<'tiles' | 'outline', Record<LocationPrecision, number>> = {
  tiles: { exact: 13, area: 12, region: 9 },
  outline: { exact: 8, area: 8, region: 7 },
};

/** A project's public point: a pin for an exact site, a shaded circle for an area or region. */
export function LocationMap({ lat, lng, precision, label }: LocationMapProps) {
  const [map, setMap] = useState<LeafletMap | null>(null);
  const config = useClientConfig();
  const zoom = ZOOM[config?.tileUrl ? 'tiles' : 'outline'][precision];
  useEffect(() => {
    if (map) labelMapContainer(map, label);
  }, [map, label]);
  useEffect(() => {
    if (config) map?.setView([lat, lng], zoom);
  }, [map, config, lat, lng, zoom]);
  const radiusMetres = (PRECISION_GRID_KM[precision] * 1000) / 2;
  return (
    <div className="location-map">
      <MapContainer center={[lat, lng]} zoom={ZOOM.outline[precision]} minZoom={3} maxZoom={16} scrollWheelZoom={false} className="map" ref={setMap}>
        <BaseLayers />
        {precision === 'exact' ? (
          <Marker position={[lat, lng]} icon={pinIcon} keyboard={false} interactive={false} />
        ) : (
          <Circle
            center={[lat, lng]}
            radius={radiusMetres}
            pathOptions={{ color: '#0f5e68', weight: 2, fillColor: '#0f5e68', fillOpacity: 0.2 }}
            interactive={false}
          />
        )}
      </MapContainer>
    </div>
  );
}
