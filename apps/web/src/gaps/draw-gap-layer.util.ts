import L from 'leaflet';
import type { GapArea, GapLayer } from '@kindred/api-client';
import { describeArea, formatProjects, formatValue, NEED_CLASS_LABELS, NEED_FILL_OPACITY, needClass, needColour } from './gap-colours.util';
import { areaShapes, hexAreaIndex } from './gap-shapes.util';
import type { H3 } from './h3-loader.util';

const AREA_STROKE = { color: '#ffffff', weight: 0.8, opacity: 0.9 };
const HIGHLIGHT_STROKE = { color: '#0b0c0c', weight: 3, opacity: 1 };
const GAP_OUTLINE = { color: '#0b0c0c', weight: 2.5, opacity: 0.9, dashArray: '6 4' };
/** Radius in px of the dot drawn for an area that owns no hexagon. */
const DOT_RADIUS = 7;

export interface DrawGapLayerOptions {
  /** The (existing) map pane to draw in. */
  pane: string;
  /** Each area is a keyboard stop that shows its details on focus. */
  focusable: boolean;
  /** Id for the hatch pattern, unique in the document. */
  hatchId: string;
}

/**
 * Draws the need choropleth on a Leaflet map: each area's hexagons merged into one shape shaded by
 * its need class (a dot at its centre when it owns none), high-gap areas hatched and outlined, a
 * tooltip on hover and on keyboard focus. Returns a function that removes everything it added.
 */
export function drawGapLayer(map: L.Map, h3: H3, layer: GapLayer, { pane, focusable, hatchId }: DrawGapLayerOptions): () => void {
  const renderer = L.svg({ pane });
  const group = L.layerGroup().addTo(map);
  const shapes = areaShapes(h3, layer.hexes);
  const areaOfHex = hexAreaIndex(layer.hexes);
  const areas = new Map(layer.areas.map((a) => [a.code, a]));
  const fills = new Map<string, L.Path>();
  const unit = layer.indicator.unit;
  const tooltip = L.tooltip({ className: 'gaps-tooltip', direction: 'top', offset: [0, -10], opacity: 1 });
  let shown: string | null = null;

  const show = (code: string | null, at?: L.LatLng) => {
    if (code !== shown) {
      if (shown) setStroke(fills.get(shown), AREA_STROKE);
      if (code) setStroke(fills.get(code), HIGHLIGHT_STROKE);
      shown = code;
    }
    const area = code ? areas.get(code) : undefined;
    if (!area || !at) {
      map.closeTooltip(tooltip);
      return;
    }
    tooltip.setContent(tooltipContent(area, unit)).setLatLng(at);
    if (!map.hasLayer(tooltip)) map.openTooltip(tooltip);
  };

  for (const area of layer.areas) {
    const shape = shapes.get(area.code);
    const fillStyle = { renderer, pane, className: 'gaps-area', fillColor: needColour(area.needScore), fillOpacity: NEED_FILL_OPACITY };
    const fill = shape
      ? L.polygon(shape, { ...fillStyle, ...AREA_STROKE })
      : L.circleMarker([area.lat, area.lng], { ...fillStyle, ...dotStroke(AREA_STROKE), radius: DOT_RADIUS, fillOpacity: 0.9 });
    fill.addTo(group);
    fills.set(area.code, fill);
    if (area.highGap) {
      const mark = shape
        ? L.polygon(shape, { renderer, pane, interactive: false, fillColor: `url(#${hatchId})`, fillOpacity: 1, ...GAP_OUTLINE })
        : L.circleMarker([area.lat, area.lng], { renderer, pane, interactive: false, fill: false, radius: DOT_RADIUS + 3, ...GAP_OUTLINE, dashArray: '3 3' });
      mark.addTo(group);
    }
    const element = fill.getElement();
    if (element) {
      element.setAttribute('role', 'img');
      element.setAttribute('aria-label', describeArea(area, unit));
      if (focusable) element.setAttribute('tabindex', '0');
      element.addEventListener('focus', () => show(area.code, L.latLng(area.lat, area.lng)));
      element.addEventListener('blur', () => show(null));
    }
  }
  addHatchPattern(map.getPane(pane)?.querySelector('svg') ?? null, hatchId);

  // Hover by the hexagon under the pointer rather than pointer events on the shapes: the heat
  // layer's canvas lies above this pane and would swallow them.
  const dots = layer.areas.filter((a) => !shapes.has(a.code));
  const onMove = (e: L.LeafletMouseEvent) => {
    const target = e.originalEvent.target as Element | null;
    if (target?.closest?.('.leaflet-control, .leaflet-marker-pane, .leaflet-popup-pane, .leaflet-tooltip-pane')) return show(null);
    const dot = dots.find((a) => map.latLngToContainerPoint([a.lat, a.lng]).distanceTo(e.containerPoint) <= DOT_RADIUS + 2);
    const code = dot?.code ?? areaOfHex.get(h3.latLngToCell(e.latlng.lat, e.latlng.lng, layer.hexResolution)) ?? null;
    show(code, e.latlng);
  };
  const onOut = () => show(null);
  map.on('mousemove', onMove);
  map.on('mouseout', onOut);

  return () => {
    map.off('mousemove', onMove);
    map.off('mouseout', onOut);
    map.closeTooltip(tooltip);
    group.remove();
    renderer.remove();
  };
}

/** A dot has no white seam to draw: its edge is the darkest need colour so it shows on any fill. */
function dotStroke(stroke: typeof AREA_STROKE): L.PathOptions {
  return stroke === AREA_STROKE ? { color: '#045a8d', weight: 1.5, opacity: 1 } : stroke;
}

function setStroke(path: L.Path | undefined, stroke: typeof AREA_STROKE): void {
  path?.setStyle(path instanceof L.CircleMarker ? dotStroke(stroke) : stroke);
}

/** Built as DOM, not HTML: area names come from an imported file. */
function tooltipContent(area: GapArea, unit: string | null): HTMLElement {
  const box = document.createElement('div');
  const name = document.createElement('strong');
  name.textContent = area.name;
  box.append(name);
  const line = (text: string) => {
    const p = document.createElement('div');
    p.textContent = text;
    box.append(p);
  };
  line(`Need: ${formatValue(area.value, unit)} (${(NEED_CLASS_LABELS[needClass(area.needScore)] as string).toLowerCase()})`);
  line(`Registered: ${formatProjects(area.projects)}`);
  line(area.label);
  return box;
}

/** Diagonal hatching for high-gap areas, defined once in the pane's SVG. */
function addHatchPattern(svg: SVGSVGElement | null, id: string): void {
  if (!svg || svg.querySelector(`#${id}`)) return;
  const ns = 'http://www.w3.org/2000/svg';
  const defs = document.createElementNS(ns, 'defs');
  const pattern = document.createElementNS(ns, 'pattern');
  pattern.setAttribute('id', id);
  pattern.setAttribute('patternUnits', 'userSpaceOnUse');
  pattern.setAttribute('width', '8');
  pattern.setAttribute('height', '8');
  pattern.setAttribute('patternTransform', 'rotate(45)');
  const line = document.createElementNS(ns, 'line');
  line.setAttribute('x1', '0');
  line.setAttribute('y1', '0');
  line.setAttribute('x2', '0');
  line.setAttribute('y2', '8');
  line.setAttribute('stroke', '#0b0c0c');
  line.setAttribute('stroke-width', '2');
  line.setAttribute('stroke-opacity', '0.55');
  pattern.append(line);
  defs.append(pattern);
  svg.prepend(defs);
}
