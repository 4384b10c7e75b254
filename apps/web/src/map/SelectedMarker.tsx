import { useEffect } from 'react';
import { latLng } from 'leaflet';
import { Marker, useMap } from 'react-leaflet';
import type { MapProject } from '@kindred/api-client';
import { selectedIcon } from './marker-icons.util';

interface SelectedMarkerProps {
  project: MapProject;
  /** Bring it into view (chosen from the list, not on the map itself). */
  reveal: boolean;
  onChoose: (project: MapProject) => void;
}

/** The selected project, highlighted at any zoom (also where the map shows only heat). */
export function SelectedMarker({ project, reveal, onChoose }: SelectedMarkerProps) {
  const map = useMap();
  const { lat, lng } = project.location;
  useEffect(() => {
    if (!reveal) return;
    const point = latLng(lat, lng);
    // Only move when it is outside the middle of the view, so small steps through a list stay calm.
    if (!map.getBounds().pad(-0.15).contains(point)) map.panTo(point);
  }, [map, lat, lng, reveal]);
  return (
    <Marker
      position={[lat, lng]}
      icon={selectedIcon}
      title={`Selected: ${project.title}`}
      zIndexOffset={1000}
      keyboard
      eventHandlers={{ click: () => onChoose(project) }}
    />
  );
}
