import type { HeatCell } from '@kindred/api-client';
import { heatPoints, heatRadiusPx, viewCountLabel } from './heat.util';

const cell = (lat: number, lng: number, weight: number): HeatCell => ({ level: 8, x: 0, y: 0, lat, lng, weight });

describe('heat', () => {
  it('scales each cell by the busiest cell in view', () => {
    expect(heatPoints([cell(53, -1, 12), cell(51.5, -0.1, 3), cell(55, -3, 6)], 12)).toEqual([
      [53, -1, 1],
      [51.5, -0.1, 0.25],
      [55, -3, 0.5],
    ]);
  });

  it('draws nothing when there is nothing to draw', () => {
    expect(heatPoints([], 0)).toEqual([]);
    expect(heatPoints([cell(53, -1, 0)], 0)).toEqual([]);
  });

  it('sizes blobs like their cells on screen, within limits', () => {
    expect(heatRadiusPx(8, 5)).toBe(24); // 32 px cells
    expect(heatRadiusPx(8, 6)).toBe(40); // 64 px cells, capped
    expect(heatRadiusPx(16, 6)).toBe(12); // far-out view of fine cells, floored
  });

  it('counts projects, or theme actions when several themes are chosen', () => {
    expect(viewCountLabel(1234, 0)).toBe('1,234 projects in view');
    expect(viewCountLabel(1, 1)).toBe('1 project in view');
    expect(viewCountLabel(1234, 3)).toBe('1,234 theme actions in view');
  });
});
