import L, { type Layer } from 'leaflet';
import type { HeatPoint } from './heat.util';

export interface HeatLayerOptions {
  radius?: number;
  blur?: number;
  minOpacity?: number;
  /** leaflet.heat dims points below this zoom; 0 turns that off (the server already sized the cells). */
  maxZoom?: number;
  max?: number;
  gradient?: Readonly<Record<number, string>>;
}

export interface LeafletHeatLayer extends Layer {
  setLatLngs(points: HeatPoint[]): this;
  setOptions(options: HeatLayerOptions): this;
}

type HeatLayerFactory = (points: HeatPoint[], options: HeatLayerOptions) => LeafletHeatLayer;

interface HeatLayerInternals {
  _map: { getSize(): { x: number; y: number } } | null;
  _frame: number | null;
  _redraw(): void;
}

/**
 * leaflet.heat 0.2 redraws in an animation frame it never cancels, and reads the canvas back
 * with getImageData, which throws for an empty canvas: a frame landing after the layer left the
 * map (switching to the table view) or before the map has a size would throw. Skip those frames.
 */
function guardRedraw(proto: HeatLayerInternals): void {
  const redraw = proto._redraw;
  proto._redraw = function guardedRedraw(this: HeatLayerInternals) {
    const size = this._map?.getSize();
    if (!size || size.x === 0 || size.y === 0) {
      this._frame = null;
      return;
    }
    redraw.call(this);
  };
}

let loading: Promise<HeatLayerFactory> | null = null;

/**
 * leaflet.heat is a classic script that extends the global `L`: give it ours, then load it once,
 * in its own chunk, only when a heatmap is shown.
 */
export function loadHeatLayerFactory(): Promise<HeatLayerFactory> {
  loading ??= (async () => {
    const global = window as unknown as { L?: typeof L };
    global.L = L;
    await import('leaflet.heat');
    const plugin = global.L as unknown as { heatLayer?: HeatLayerFactory; HeatLayer?: { prototype: HeatLayerInternals } };
    if (!plugin.heatLayer || !plugin.HeatLayer) throw new Error('leaflet.heat did not register L.heatLayer');
    guardRedraw(plugin.HeatLayer.prototype);
    return plugin.heatLayer;
  })();
  return loading;
}
