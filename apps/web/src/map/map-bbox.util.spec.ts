import { MAX_MERCATOR_LAT, UK_BBOX, bboxContains } from '@kindred/geo';
import { bboxAround, clampBBox } from './map-bbox.util';

describe('viewport boxes for the API', () => {
  it('rounds outwards to 4 decimal places, so the box still covers the view', () => {
    expect(clampBBox({ west: -1.234567, south: 53.123456, east: -1.111111, north: 53.999991 })).toEqual({
      west: -1.2346,
      south: 53.1234,
      east: -1.1111,
      north: 54,
    });
  });

  it('clamps longitudes and latitudes to what the API accepts', () => {
    expect(clampBBox({ west: -200, south: -89, east: 20, north: 89 })).toEqual({
      west: -180,
      south: -MAX_MERCATOR_LAT,
      east: 20,
      north: MAX_MERCATOR_LAT,
    });
  });

  it('asks for every longitude when the view is wider than the world or panned past the antimeridian', () => {
    expect(clampBBox({ west: -300, south: 0, east: 300, north: 10 })).toMatchObject({ west: -180, east: 180 });
    expect(clampBBox({ west: 185, south: 0, east: 195, north: 10 })).toMatchObject({ west: -180, east: 180 });
  });

  it('has no box for a map without area or with nonsense bounds', () => {
    expect(clampBBox({ west: -1, south: 53, east: 1, north: 53 })).toBeNull();
    expect(clampBBox({ west: Number.NaN, south: 53, east: 1, north: 54 })).toBeNull();
  });

  it('works out what a map of a given size would show, for the table view', () => {
    const box = bboxAround({ lat: 54.5, lng: -3.5 }, 5, { width: 1024, height: 640 })!;
    expect(box.west).toBeLessThan(box.east);
    expect(box.south).toBeLessThan(box.north);
    for (const corner of [
      { lat: UK_BBOX.south + 0.5, lng: UK_BBOX.west + 0.5 },
      { lat: UK_BBOX.north - 0.5, lng: UK_BBOX.east - 0.5 },
    ]) {
      expect(bboxContains(box, corner)).toBe(true);
    }
    // Twice the zoom, half the width in degrees.
    const closer = bboxAround({ lat: 54.5, lng: -3.5 }, 6, { width: 1024, height: 640 })!;
    expect(closer.east - closer.west).toBeCloseTo((box.east - box.west) / 2, 2);
  });
});
