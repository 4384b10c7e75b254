import {
  mapFilterInput,
  mapStateFromSearch,
  NO_MAP_FILTERS,
  sameView,
  searchFromMapState,
  sinceDate,
  type MapUrlState,
} from './map-url-state.util';

describe('map state in the URL', () => {
  const full: MapUrlState = {
    view: { lat: 53.8008, lng: -1.5491, zoom: 9 },
    filters: {
      themes: ['housing', 'food-insecurity'],
      stage: 'running',
      profession: 'nurse',
      seekingCollaborators: true,
      since: '30d',
    },
    mode: 'table',
  };

  it('round-trips the view, every filter and the mode through the query string', () => {
    const query = searchFromMapState(full).toString();
    expect(query).toBe(
      'lat=53.8008&lng=-1.5491&z=9&theme=housing&theme=food-insecurity&stage=running&profession=nurse&seeking=yes&since=30d&view=table',
    );
    expect(mapStateFromSearch(new URLSearchParams(query))).toEqual(full);
  });

  it('writes nothing for the default state and reads the default back', () => {
    const empty: MapUrlState = { view: null, filters: NO_MAP_FILTERS, mode: 'map' };
    expect(searchFromMapState(empty).toString()).toBe('');
    expect(mapStateFromSearch(new URLSearchParams(''))).toEqual(empty);
  });

  it('uses the explore page’s filter keys, so a link from one works on the other', () => {
    const state = mapStateFromSearch(new URLSearchParams('theme=child-poverty,housing&stage=idea&seeking=true&q=ignored'));
    expect(state.filters).toEqual({ ...NO_MAP_FILTERS, themes: ['child-poverty', 'housing'], stage: 'idea', seekingCollaborators: true });
  });

  it('ignores a partial, out-of-range or malformed view and unknown values', () => {
    const read = (q: string) => mapStateFromSearch(new URLSearchParams(q));
    expect(read('lat=53&lng=-1').view).toBeNull();
    expect(read('lat=95&lng=-1&z=5').view).toBeNull();
    expect(read('lat=abc&lng=-1&z=5').view).toBeNull();
    expect(read('lat=53&lng=-1&z=').view).toBeNull();
    expect(read('since=forever&view=globe&stage=someday').filters).toEqual(NO_MAP_FILTERS);
    expect(read('view=globe').mode).toBe('map');
  });

  it('rounds the view to about 10 m and keeps the zoom whole and in range', () => {
    expect(mapStateFromSearch(new URLSearchParams('lat=53.800812345&lng=-1.549149&z=30')).view).toEqual({
      lat: 53.8008,
      lng: -1.5491,
      zoom: 18,
    });
    expect(sameView({ lat: 53.80081, lng: -1.54912, zoom: 9.2 }, { lat: 53.80079, lng: -1.54908, zoom: 9 })).toBe(true);
    expect(sameView({ lat: 53.8, lng: -1.5, zoom: 9 }, { lat: 53.8, lng: -1.5, zoom: 10 })).toBe(false);
    expect(sameView(null, null)).toBe(true);
  });

  it('turns "updated since" into a date that stays the same all day', () => {
    const morning = new Date('2026-03-31T06:00:00Z');
    const evening = new Date('2026-03-31T23:30:00Z');
    expect(sinceDate('30d', morning)).toBe('2026-03-01T00:00:00.000Z');
    expect(sinceDate('30d', evening)).toBe(sinceDate('30d', morning));
    expect(sinceDate('12m', morning)).toBe('2025-03-31T00:00:00.000Z');
    expect(sinceDate('', morning)).toBeNull();
  });

  it('turns filters into the API input, leaving out what is not set', () => {
    expect(mapFilterInput(NO_MAP_FILTERS)).toBeNull();
    expect(mapFilterInput(full.filters, new Date('2026-03-31T12:00:00Z'))).toEqual({
      themes: ['housing', 'food-insecurity'],
      stage: 'running',
      profession: 'nurse',
      seekingCollaborators: true,
      updatedSince: '2026-03-01T00:00:00.000Z',
    });
  });
});
