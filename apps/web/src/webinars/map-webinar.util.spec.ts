import { mapWebinarWhen } from './map-webinar.util';

describe('a WHAMinar on the map', () => {
  it('says when and where, in the zone asked for', () => {
    const w = { startsAt: '2027-03-28T09:00:00.000Z', regionFocus: { region: 'Scotland' as const, point: { lat: 55.86, lng: -4.25 }, placeName: 'Glasgow' } };
    expect(mapWebinarWhen(w, 'Europe/London')).toBe('Sun 28 Mar 2027, 10:00, Glasgow');
    expect(mapWebinarWhen({ ...w, regionFocus: { ...w.regionFocus, placeName: null } }, 'UTC')).toBe('Sun 28 Mar 2027, 09:00, Scotland');
  });
});
