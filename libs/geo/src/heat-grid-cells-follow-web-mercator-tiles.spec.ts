import { cellBounds, cellCentre, cellOf, cellRange, heatLevelForZoom, UK_BBOX } from './index';

describe('heat grid', () => {
  it('uses cells about eight times smaller than the map tiles', () => {
    expect(heatLevelForZoom(0)).toBe(4);
    expect(heatLevelForZoom(5)).toBe(8);
    expect(heatLevelForZoom(8)).toBe(10);
    expect(heatLevelForZoom(11)).toBe(14);
    expect(heatLevelForZoom(20)).toBe(16);
  });

  it('matches the slippy-map tile of a known point', () => {
    // London at zoom 10 is tile 511/340 in every slippy-map implementation.
    expect(cellOf({ lat: 51.5074, lng: -0.1278 }, 10)).toEqual({ x: 511, y: 340 });
  });

  it('puts a cell centre inside its own bounds and back into the same cell', () => {
    const c = cellOf({ lat: 53.8, lng: -1.55 }, 12);
    const centre = cellCentre(c.x, c.y, 12);
    const b = cellBounds(c.x, c.y, 12);
    expect(centre.lat).toBeGreaterThan(b.south);
    expect(centre.lat).toBeLessThan(b.north);
    expect(cellOf(centre, 12)).toEqual(c);
  });

  it('covers the UK with a few hundred cells at level 8', () => {
    const r = cellRange(UK_BBOX, 8);
    const cells = (r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1);
    expect(cells).toBeGreaterThan(50);
    expect(cells).toBeLessThan(400);
  });

  it('clamps the whole world to valid cells', () => {
    const r = cellRange({ west: -180, south: -90, east: 180, north: 90 }, 4);
    expect(r).toEqual({ x0: 0, x1: 15, y0: 0, y1: 15 });
  });
});
