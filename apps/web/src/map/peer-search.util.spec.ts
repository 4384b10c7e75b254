import type { Place } from '@kindred/api-client';
import { peerOriginPoint, peerSearchInput } from './peer-search.util';

const leeds: Place = { id: 'leeds', name: 'Leeds', region: 'England', lat: 53.7965, lng: -1.5478, population: 455123 };
const project = { id: 'p1', title: 'Damp homes', location: { lat: 53.8, lng: -1.55 }, exactLocation: { lat: 53.80071, lng: -1.54912 } };

describe('peer search input', () => {
  it('searches from exactly one of a project, a place or a point', () => {
    expect(peerSearchInput({ kind: 'project', project }, 25, [])).toEqual({ projectId: 'p1', radiusKm: 25 });
    expect(peerSearchInput({ kind: 'place', place: leeds, text: 'Leeds' }, 50, [])).toEqual({
      point: { lat: 53.7965, lng: -1.5478 },
      radiusKm: 50,
    });
    expect(peerSearchInput({ kind: 'place', place: null, text: ' York ' }, 10, [])).toEqual({ placeName: 'York', radiusKm: 10 });
    expect(peerSearchInput({ kind: 'centre', point: { lat: 54.123456, lng: -2.987654 } }, 100, [])).toEqual({
      point: { lat: 54.1235, lng: -2.9877 },
      radiusKm: 100,
    });
  });

  it('sends the map’s theme filter when set, else lets the server use the project’s themes', () => {
    expect(peerSearchInput({ kind: 'project', project }, 25, ['housing', 'child-poverty'])).toEqual({
      projectId: 'p1',
      radiusKm: 25,
      themes: ['housing', 'child-poverty'],
    });
  });

  it('has nothing to ask without an origin or a place', () => {
    expect(peerSearchInput(null, 25, [])).toBeNull();
    expect(peerSearchInput({ kind: 'place', place: null, text: '  ' }, 25, [])).toBeNull();
  });

  it('measures card distances from my own exact point, the place, or the point searched from', () => {
    expect(peerOriginPoint({ kind: 'project', project })).toEqual({
      point: { lat: 53.80071, lng: -1.54912 },
      label: 'your project “Damp homes”',
    });
    expect(peerOriginPoint({ kind: 'place', place: leeds, text: 'Leeds' })?.label).toBe('Leeds');
    expect(peerOriginPoint({ kind: 'place', place: null, text: 'York' })).toBeNull();
  });
});
