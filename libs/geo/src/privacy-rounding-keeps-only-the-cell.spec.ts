import { roundToPrecision, distanceKm, formatApproxDistance, bboxProblem, UK_BBOX } from './index';

describe('roundToPrecision', () => {
  const leedsClinic = { lat: 53.80076, lng: -1.54908 };

  it('keeps an exact point as it is', () => {
    expect(roundToPrecision(leedsClinic, 'exact')).toEqual(leedsClinic);
  });

  it('moves an area point by at most about a kilometre', () => {
    const r = roundToPrecision(leedsClinic, 'area');
    expect(r).not.toEqual(leedsClinic);
    expect(distanceKm(r, leedsClinic)).toBeLessThan(0.8);
  });

  it('moves a region point by at most about ten kilometres', () => {
    const r = roundToPrecision(leedsClinic, 'region');
    expect(distanceKm(r, leedsClinic)).toBeLessThan(8);
  });

  it('gives every point in the same cell the same answer', () => {
    const centre = roundToPrecision(leedsClinic, 'region');
    const near = [
      { lat: centre.lat + 0.03, lng: centre.lng - 0.05 },
      { lat: centre.lat - 0.03, lng: centre.lng + 0.05 },
    ];
    for (const p of near) expect(roundToPrecision(p, 'region')).toEqual(centre);
    // ...and a point two cells away does not.
    expect(roundToPrecision({ lat: centre.lat + 0.2, lng: centre.lng }, 'region')).not.toEqual(centre);
  });

  it('is idempotent', () => {
    const once = roundToPrecision(leedsClinic, 'area');
    expect(roundToPrecision(once, 'area')).toEqual(once);
  });
});

describe('distances', () => {
  it('measures London to Manchester at about 262 km', () => {
    const km = distanceKm({ lat: 51.5074, lng: -0.1278 }, { lat: 53.4808, lng: -2.2426 });
    expect(km).toBeGreaterThan(255);
    expect(km).toBeLessThan(270);
  });
  it('rounds distances shown to others', () => {
    expect(formatApproxDistance(0.3)).toBe('under 2 km');
    expect(formatApproxDistance(8.4)).toBe('about 8 km');
    expect(formatApproxDistance(47)).toBe('about 45 km');
    expect(formatApproxDistance(262)).toBe('about 260 km');
  });
});

describe('bboxProblem', () => {
  it('accepts the UK and the whole world', () => {
    expect(bboxProblem(UK_BBOX)).toBeNull();
    expect(bboxProblem({ west: -180, south: -90, east: 180, north: 90 })).toBeNull();
  });
  it('refuses inverted and out-of-range boxes', () => {
    expect(bboxProblem({ west: 1, south: 50, east: -1, north: 55 })).toMatch(/West/);
    expect(bboxProblem({ west: -1, south: 56, east: 1, north: 55 })).toMatch(/South/);
    expect(bboxProblem({ west: -200, south: 50, east: 1, north: 55 })).toMatch(/Longitudes/);
  });
});
