import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import { HEAT_GRADIENT, HEAT_MIN_OPACITY, type HeatPoint } from './heat.util';
import { loadHeatLayerFactory, type LeafletHeatLayer } from './heat-plugin.util';

interface HeatLayerProps {
  points: HeatPoint[];
  /** Blob radius in screen pixels. */
  radius: number;
}

/** The server's heat cells drawn with leaflet.heat; the layer is removed with the component. */
export function HeatLayer({ points, radius }: HeatLayerProps) {
  const map = useMap();
  const [layer, setLayer] = useState<LeafletHeatLayer | null>(null);

  useEffect(() => {
    let live = true;
    let added: LeafletHeatLayer | null = null;
    loadHeatLayerFactory()
      .then((heatLayer) => {
        if (!live) return;
        added = heatLayer([], { maxZoom: 0, max: 1, minOpacity: HEAT_MIN_OPACITY, gradient: HEAT_GRADIENT }).addTo(map);
        setLayer(added);
      })
      // Without the plugin (its chunk failed to load) the map still shows the outline and the count.
      .catch(() => undefined);
    return () => {
      live = false;
      if (added) map.removeLayer(added);
      setLayer(null);
    };
  }, [map]);

  useEffect(() => {
    layer?.setOptions({ radius, blur: Math.round(radius * 0.5) });
  }, [layer, radius]);

  useEffect(() => {
    layer?.setLatLngs(points);
  }, [layer, points]);

  return null;
}
