import { LIMITS } from '@kindred/domain';
import { UK_BBOX, bboxContains } from '@kindred/geo';
import { normalisePlaceName } from './place-name.util';
import { PlacesService } from './places.service';
import { ukPlaces } from './uk-places.util';

describe('PlacesService (GeoNames UK gazetteer)', () => {
  const places = new PlacesService();

  it('loads only British places, each inside the UK with a nation', () => {
    const all = ukPlaces();
    expect(all.length).toBeGreaterThan(4000);
    expect(all.length).toBeLessThan(5000);
    for (const p of all) {
      expect(bboxContains(UK_BBOX, p)).toBe(true);
      expect(['England', 'Scotland', 'Wales', 'Northern Ireland']).toContain(p.region);
    }
    expect(ukPlaces()).toBe(all);
  });

  it('resolves a city whatever the case', () => {
    const leeds = places.resolve('Leeds');
    expect(leeds).toMatchObject({ name: 'Leeds', region: 'England' });
    expect(leeds?.population).toBeGreaterThan(400_000);
    expect(leeds?.lat).toBeCloseTo(53.8, 1);
    expect(leeds?.lng).toBeCloseTo(-1.55, 1);
    expect(places.resolve('leeds')).toEqual(leeds);
    expect(places.resolve('  LEEDS ')).toEqual(leeds);
  });

  it('resolves multi-word names, with or without hyphens', () => {
    expect(places.resolve('Newcastle upon Tyne')?.name).toBe('Newcastle upon Tyne');
    expect(places.resolve('newcastle-upon-tyne')?.name).toBe('Newcastle upon Tyne');
    expect(places.resolve('Stoke on Trent')?.name).toBe('Stoke-on-Trent');
  });

  it('treats St, St. and Saint alike', () => {
    const stAlbans = places.resolve('St Albans');
    expect(stAlbans?.name).toBe('St Albans');
    expect(places.resolve('St. Albans')).toEqual(stAlbans);
    expect(places.resolve('saint albans')).toEqual(stAlbans);
    expect(places.resolve('St Andrews')?.name).toBe('Saint Andrews');
  });

  it('ignores accents and apostrophes', () => {
    expect(places.resolve("Bo'ness")?.name).toBe('Bo’ness');
    expect(places.resolve('bóness')?.name).toBe('Bo’ness');
    expect(places.resolve('Kings Lynn')?.name).toBe("King's Lynn");
  });

  it('prefers the most populous of several places with the same name', () => {
    const newports = places.search('Newport', 10).filter((p) => p.name === 'Newport');
    expect(newports.length).toBeGreaterThan(2);
    expect(places.resolve('Newport')).toEqual(newports[0]);
    expect(newports[0]?.region).toBe('Wales');
    for (let i = 1; i < newports.length; i++) expect(newports[i - 1]!.population).toBeGreaterThanOrEqual(newports[i]!.population);
  });

  it('ranks an exact match, then prefixes by population, then later-word matches', () => {
    const hits = places.search('man', 10).map((p) => p.name);
    expect(hits[0]).toBe('Manchester');
    expect(hits).toContain('Mansfield');
    expect(hits.indexOf('Manchester')).toBeLessThan(hits.indexOf('Mansfield'));

    const york = places.search('york', 10);
    expect(york[0]?.name).toBe('York');

    const tyne = places.search('upon tyne', 5).map((p) => p.name);
    expect(tyne[0]).toBe('Newcastle upon Tyne');
    expect(places.search('tyne newcastle', 5)[0]?.name).toBe('Newcastle upon Tyne');
  });

  it('returns nothing for an unknown place or an empty query', () => {
    expect(places.search('Xqzzyville')).toEqual([]);
    expect(places.resolve('Xqzzyville')).toBeNull();
    expect(places.search('   ')).toEqual([]);
    expect(places.search('!!')).toEqual([]);
    expect(places.resolve('')).toBeNull();
  });

  it('caps the number of results', () => {
    expect(places.search('b', 3)).toHaveLength(3);
    expect(places.search('b', 1000)).toHaveLength(LIMITS.placeSearch.maxResults);
    expect(places.search('b')).toHaveLength(8);
    expect(places.search('b', 0)).toEqual([]);
  });

  it('returns records carrying the GeoNames id', () => {
    const london = places.resolve('London');
    expect(london).toEqual({ id: expect.stringMatching(/^\d+$/), name: 'London', region: 'England', lat: expect.any(Number), lng: expect.any(Number), population: expect.any(Number) });
    expect(places.search('London', 1)).toEqual([london]);
  });
});

describe('normalisePlaceName', () => {
  it.each([
    ['St. Albans', 'st albans'],
    ['SAINT  Albans', 'st albans'],
    ['Stoke-on-Trent', 'stoke on trent'],
    ['Bo’ness', 'boness'],
    ['Ynys Môn', 'ynys mon'],
    ['Basford, Stoke-on-Trent', 'basford stoke on trent'],
    ['Saintfield', 'saintfield'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePlaceName(input)).toBe(expected);
  });
});
