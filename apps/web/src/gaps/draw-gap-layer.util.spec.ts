import './leaflet-svg-polyfill.testing';
import L from 'leaflet';
import { cellsToMultiPolygon, gridDisk, latLngToCell } from 'h3-js';
import { drawGapLayer } from './draw-gap-layer.util';
import { NEED_PALETTE } from './gap-colours.util';
import { gapLayer } from './gaps-fixtures';

const h3 = { cellsToMultiPolygon, latLngToCell };
const PANE = 'kindred-gaps';

/** Middlesbrough and Leeds own seven hexagons each; the other three areas own none and are drawn as dots. */
function layerWithHexes() {
  return gapLayer({
    hexes: [
      ...gridDisk(latLngToCell(54.576, -1.235, 5), 1).map((h) => ({ h3: h, areaCode: 'E06000002' })),
      ...gridDisk(latLngToCell(53.796, -1.548, 5), 1).map((h) => ({ h3: h, areaCode: 'E08000035' })),
    ],
  });
}

describe('drawing the gap layer', () => {
  let container: HTMLDivElement;
  let map: L.Map;
  let remove: () => void;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    map = L.map(container, { center: [54, -2], zoom: 6 });
    map.createPane(PANE).style.zIndex = '350';
    remove = drawGapLayer(map, h3, layerWithHexes(), { pane: PANE, focusable: true, hatchId: 'hatch-test' });
  });
  afterEach(() => {
    map.remove();
    container.remove();
  });

  const paths = () => Array.from(container.querySelectorAll<SVGPathElement>(`.leaflet-${PANE}-pane path`));
  const areaPaths = () => paths().filter((p) => p.classList.contains('gaps-area'));

  it('draws one shaded, labelled, focusable shape per area in the given pane, most need darkest', () => {
    expect(areaPaths().map((p) => p.getAttribute('aria-label'))).toEqual([
      'Middlesbrough: 38.4% of children; 0 projects; high need, little action',
      'Bradford: 34.6% of children; 1 project; high need, little action',
      'Manchester: 33.4% of children; 3 projects; high need, active',
      'Leeds: 24.1% of children; 9 projects; lower need, active',
      'Bath: 10.9% of children; 0 projects; lower need, little action',
    ]);
    for (const p of areaPaths()) {
      expect(p.getAttribute('tabindex')).toBe('0');
      expect(p.getAttribute('role')).toBe('img');
    }
    expect(areaPaths().map((p) => p.getAttribute('fill'))).toEqual([NEED_PALETTE[4], NEED_PALETTE[3], NEED_PALETTE[2], NEED_PALETTE[1], NEED_PALETTE[0]]);
  });

  it('hatches and outlines high-gap areas, with the pattern defined in the pane', () => {
    // Five areas plus two high-gap marks: Middlesbrough's hatched shape and Bradford's dashed ring.
    expect(paths()).toHaveLength(7);
    const hatched = paths().filter((p) => p.getAttribute('fill') === 'url(#hatch-test)');
    expect(hatched).toHaveLength(1);
    expect(hatched[0]!.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(paths().filter((p) => p.getAttribute('stroke-dasharray'))).toHaveLength(2);
    expect(container.querySelector(`.leaflet-${PANE}-pane svg pattern#hatch-test`)).not.toBeNull();
  });

  it('shows an area’s details on keyboard focus and hides them on blur', () => {
    const leeds = areaPaths()[3]!;
    leeds.dispatchEvent(new FocusEvent('focus'));
    expect(container.querySelector('.gaps-tooltip')?.textContent).toBe('LeedsNeed: 24.1% of children (second fifth)Registered: 9 projectsLower need, active');
    expect(leeds.getAttribute('stroke-width')).toBe('3');
    leeds.dispatchEvent(new FocusEvent('blur'));
    expect(container.querySelector('.gaps-tooltip')).toBeNull();
    expect(leeds.getAttribute('stroke-width')).toBe('0.8');
  });

  it('shows the area under the pointer, whatever lies on top', () => {
    map.fire('mousemove', { latlng: L.latLng(54.576, -1.235), containerPoint: map.latLngToContainerPoint([54.576, -1.235]), originalEvent: { target: container } });
    expect(container.querySelector('.gaps-tooltip')?.textContent).toMatch(/^Middlesbrough/);
    // Over the sea, far from every area: nothing.
    map.fire('mousemove', { latlng: L.latLng(56, 3), containerPoint: map.latLngToContainerPoint([56, 3]), originalEvent: { target: container } });
    expect(container.querySelector('.gaps-tooltip')).toBeNull();
  });

  it('does not use HTML from area names', () => {
    remove();
    const layer = layerWithHexes();
    remove = drawGapLayer(map, h3, { ...layer, areas: [{ ...layer.areas[3]!, name: '<img src=x onerror=alert(1)>' }] }, { pane: PANE, focusable: true, hatchId: 'h2' });
    areaPaths()[0]!.dispatchEvent(new FocusEvent('focus'));
    expect(container.querySelector('.gaps-tooltip img')).toBeNull();
    expect(container.querySelector('.gaps-tooltip strong')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('leaves areas out of the tab order when asked', () => {
    remove();
    remove = drawGapLayer(map, h3, layerWithHexes(), { pane: PANE, focusable: false, hatchId: 'h3' });
    expect(areaPaths().every((p) => !p.hasAttribute('tabindex'))).toBe(true);
  });

  it('removes everything it added', () => {
    remove();
    expect(paths()).toHaveLength(0);
    expect(container.querySelector(`.leaflet-${PANE}-pane svg`)).toBeNull();
    map.fire('mousemove', { latlng: L.latLng(54.576, -1.235), containerPoint: L.point(0, 0), originalEvent: { target: container } });
    expect(container.querySelector('.gaps-tooltip')).toBeNull();
  });
});
