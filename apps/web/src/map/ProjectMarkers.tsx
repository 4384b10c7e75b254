import 'react-leaflet-cluster/dist/assets/MarkerCluster.css';
import 'react-leaflet-cluster/dist/assets/MarkerCluster.Default.css';
import { divIcon } from 'leaflet';
import { Marker } from 'react-leaflet';
import MarkerClusterGroup from 'react-leaflet-cluster';
import type { MapProject } from '@kindred/api-client';
import { projectIcon } from './marker-icons.util';

interface ClusterLike {
  getChildCount(): number;
}

/** A cluster is a button: give it a name as well as its number. */
function clusterIcon(cluster: ClusterLike) {
  const n = cluster.getChildCount();
  return divIcon({
    className: 'map-cluster',
    html: `<span aria-hidden="true">${n}</span><span class="visually-hidden">${n} projects here. Zoom in to see them.</span>`,
    iconSize: [40, 40],
  });
}

interface ProjectMarkersProps {
  projects: readonly MapProject[];
  /** Drawn separately, highlighted, so not here. */
  selectedId: string | null;
  onChoose: (project: MapProject) => void;
}

/**
 * Individual projects at close zoom, clustered. The map has a max zoom (the cluster plugin needs
 * one even without tiles); projects sharing a rounded point spiderfy there.
 */
export function ProjectMarkers({ projects, selectedId, onChoose }: ProjectMarkersProps) {
  return (
    <MarkerClusterGroup
      chunkedLoading
      maxClusterRadius={48}
      showCoverageOnHover={false}
      spiderfyOnMaxZoom
      iconCreateFunction={clusterIcon}
    >
      {projects
        .filter((p) => p.id !== selectedId)
        .map((project) => (
          <Marker
            key={project.id}
            position={[project.location.lat, project.location.lng]}
            icon={projectIcon}
            title={project.title}
            keyboard
            eventHandlers={{ click: () => onChoose(project) }}
          />
        ))}
    </MarkerClusterGroup>
  );
}
