import { useEffect, useId, useState } from 'react';
import { Pane, useMap } from 'react-leaflet';
import type { GapLayer } from '@kindred/api-client';
import { drawGapLayer } from './draw-gap-layer.util';
import { loadH3, type H3 } from './h3-loader.util';
import './gaps.css';

export const GAPS_PANE = 'kindred-gaps';
/** Above the bundled outline (150) and the tiles (200), below the overlay pane (400) where the heat layer draws. */
export const GAPS_PANE_Z_INDEX = 350;

export interface GapsLayerProps {
  /** From useGapLayer. */
  layer: GapLayer;
  /** Each area is a keyboard stop that shows its details on focus (default true). */
  focusable?: boolean;
}

/**
 * Need as a choropleth in its own pane under the heat layer: each area's hexagons merged into one
 * shape, shaded by its need class; areas with a high gap (high need, little action) hatched and
 * outlined. Hovering anywhere over an area, or focusing it, shows its name, value, projects and
 * assessment. Everything added is removed with the component.
 */
export function GapsLayer({ layer, focusable = true }: GapsLayerProps) {
  return (
    <Pane name={GAPS_PANE} style={{ zIndex: GAPS_PANE_Z_INDEX }}>
      <GapShapes layer={layer} focusable={focusable} />
    </Pane>
  );
}

function GapShapes({ layer, focusable }: Required<GapsLayerProps>) {
  const map = useMap();
  const h3 = useH3();
  const hatchId = `kindred-gap-hatch-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;

  useEffect(() => {
    if (!h3) return;
    return drawGapLayer(map, h3, layer, { pane: GAPS_PANE, focusable, hatchId });
  }, [map, h3, layer, focusable, hatchId]);

  return null;
}

function useH3(): H3 | null {
  const [h3, setH3] = useState<H3 | null>(null);
  useEffect(() => {
    let live = true;
    void loadH3().then((loaded) => {
      if (live) setH3(loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return h3;
}
