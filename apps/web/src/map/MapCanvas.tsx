import 'leaflet/dist/leaflet.css';
import './map.css';
import { useEffect, useMemo, useState } from 'react';
import type { Map as LeafletMap } from 'leaflet';
import { MapContainer } from 'react-leaflet';
import type { GapLayer, Heatmap, MapProject, MapWebinar } from '@kindred/api-client';
import { GapsLayer } from '../gaps/GapsLayer';
import { WebinarMarkers } from '../webinars/WebinarMarkers';
import { BaseLayers } from './BaseLayers';
import { heatPoints, heatRadiusPx } from './heat.util';
import { HeatLayer } from './HeatLayer';
import { labelMapContainer } from './map-accessibility.util';
import { MAP_ZOOM, type MapView } from './map-url-state.util';
import { MapViewSync, UK_BOUNDS, type Viewport } from './MapViewSync';
import { ProjectMarkers } from './ProjectMarkers';
import { SelectedMarker } from './SelectedMarker';

export interface MapCanvasProps {
  /** The view in the URL; read once for the start, then followed by MapViewSync. */
  view: MapView | null;
  onViewport: (viewport: Viewport, moved?: MapView) => void;
  heat: Heatmap | undefined;
  /** Individual projects at close zoom; null at heat-only zooms. */
  projects: readonly MapProject[] | null;
  selected: MapProject | null;
  /** Bring the selected project into view (chosen from a list). */
  revealSelected: boolean;
  onChoose: (project: MapProject) => void;
  /** Id of the text explaining how to use the map from a keyboard. */
  helpId: string;
  /** The need (gaps) choropleth, drawn under the heat; null when hidden. */
  gaps?: GapLayer | null;
  /** WHAMinars tied to a place (the optional layer); null when hidden. */
  webinars?: readonly MapWebinar[] | null;
}

/** The Leaflet part of the map page (its own chunk: Leaflet loads only with a map). */
export function MapCanvas({ view, onViewport, heat, projects, selected, revealSelected, onChoose, helpId, gaps = null, webinars = null }: MapCanvasProps) {
  const [map, setMap] = useState<LeafletMap | null>(null);
  const [zoom, setZoom] = useState(view?.zoom ?? 5);
  // MapContainer ignores later changes to its props: the start view is captured once.
  const [start] = useState(() => (view ? { center: [view.lat, view.lng] as [number, number], zoom: view.zoom } : { bounds: UK_BOUNDS }));

  useEffect(() => {
    if (map) labelMapContainer(map, 'Map of registered projects', helpId);
  }, [map, helpId]);

  const points = useMemo(() => (heat ? heatPoints(heat.cells, heat.maxWeight) : []), [heat]);
  const radius = heat ? heatRadiusPx(heat.level, zoom) : 20;

  return (
    <MapContainer
      ref={setMap}
      {...start}
      minZoom={MAP_ZOOM.min}
      maxZoom={MAP_ZOOM.max}
      zoomSnap={1}
      worldCopyJump={false}
      className="map"
    >
      <BaseLayers />
      {gaps ? <GapsLayer layer={gaps} /> : null}
      <HeatLayer points={points} radius={radius} />
      <MapViewSync
        view={view}
        onViewport={(viewport, moved) => {
          setZoom(viewport.zoom);
          onViewport(viewport, moved);
        }}
      />
      {projects ? <ProjectMarkers projects={projects} selectedId={selected?.id ?? null} onChoose={onChoose} /> : null}
      {selected ? <SelectedMarker project={selected} reveal={revealSelected} onChoose={onChoose} /> : null}
      {webinars ? <WebinarMarkers webinars={webinars} /> : null}
    </MapContainer>
  );
}
