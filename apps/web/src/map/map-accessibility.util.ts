import type { Map as LeafletMap } from 'leaflet';

/** Gives Leaflet's focusable container a name and instructions for assistive technology. */
export function labelMapContainer(map: LeafletMap, label: string, describedBy?: string): void {
  const container = map.getContainer();
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', label);
  if (describedBy) container.setAttribute('aria-describedby', describedBy);
}
