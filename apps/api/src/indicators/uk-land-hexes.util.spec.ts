import { cellToLatLng, getResolution } from 'h3-js';
import { isOnUkLand, ukLandHexes } from './uk-land-hexes.util';

describe('UK land and its hexagons', () => {
  it.each([
    ['Leeds', 53.8, -1.55],
    ['Birmingham', 52.48, -1.9],
    ['Belfast', 54.6, -5.93],
    ['Inverness', 57.48, -4.22],
    ['Cardiff', 51.48, -3.18],
  ])('%s is on UK land', (_name, lat, lng) => {
    expect(isOnUkLand(lat, lng)).toBe(true);
  });

  it.each([
    ['the North Sea', 55.0, 2.0],
    ['the Irish Sea', 53.8, -5.0],
    ['Dublin (Ireland)', 53.35, -6.26],
    ['Calais (France)', 50.95, 1.86],
    ['the Bristol Channel', 51.3, -3.9],
  ])('%s is not', (_name, lat, lng) => {
    expect(isOnUkLand(lat, lng)).toBe(false);
  });

  it('covers UK land with about 1,000 to 2,000 resolution-5 hexagons, each centred on land', () => {
    const hexes = ukLandHexes(5);
    expect(hexes.length).toBeGreaterThan(900);
    expect(hexes.length).toBeLessThan(2000);
    expect(new Set(hexes.map((h) => h.h3)).size).toBe(hexes.length);
    for (const h of hexes) {
      expect(getResolution(h.h3)).toBe(5);
      const [lat, lng] = cellToLatLng(h.h3);
      expect([lat, lng]).toEqual([h.lat, h.lng]);
      expect(isOnUkLand(lat, lng)).toBe(true);
    }
    expect(ukLandHexes(5)).toBe(hexes);
  });
});
