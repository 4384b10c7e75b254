import { LIMITS } from '@kindred/domain';
import { createTestApp, GqlResult, TestApp } from './test-app';

const PLACES = `query($query: String!, $limit: Int) { places(query: $query, limit: $limit) { id name region lat lng population } }`;

interface PlaceData {
  places: Array<{ id: string; name: string; region: string | null; lat: number; lng: number; population: number }>;
}

function refusal(res: GqlResult<PlaceData>): { code?: string; field?: string } {
  expect(res.data ?? null).toBeNull();
  expect(res.errors).toHaveLength(1);
  return { code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field };
}

describe('places gazetteer (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
  });
  afterAll(async () => t.close());

  it('answers anyone, without a token, best match first', async () => {
    const res = await t.gql<PlaceData>(PLACES, { query: 'leeds' });
    expect(res.errors).toBeUndefined();
    const [leeds] = res.data?.places ?? [];
    expect(leeds).toMatchObject({ name: 'Leeds', region: 'England', id: expect.stringMatching(/^\d+$/) });
    expect(leeds?.population).toBeGreaterThan(400_000);
    expect(leeds?.lat).toBeCloseTo(53.8, 1);
    expect(leeds?.lng).toBeCloseTo(-1.55, 1);
  });

  it('matches punctuation and "St"/"Saint" loosely', async () => {
    const res = await t.gql<PlaceData>(PLACES, { query: 'St. Albans', limit: 1 });
    expect(res.data?.places.map((p) => p.name)).toEqual(['St Albans']);
    const tyne = await t.gql<PlaceData>(PLACES, { query: 'newcastle-upon-tyne', limit: 1 });
    expect(tyne.data?.places[0]).toMatchObject({ name: 'Newcastle upon Tyne', region: 'England' });
    const belfast = await t.gql<PlaceData>(PLACES, { query: 'BELFAST', limit: 1 });
    expect(belfast.data?.places[0]?.region).toBe('Northern Ireland');
  });

  it('returns 8 places by default and up to the limit asked', async () => {
    expect((await t.gql<PlaceData>(PLACES, { query: 'b' })).data?.places).toHaveLength(8);
    expect((await t.gql<PlaceData>(PLACES, { query: 'b', limit: 3 })).data?.places).toHaveLength(3);
    const max = await t.gql<PlaceData>(PLACES, { query: 'b', limit: LIMITS.placeSearch.maxResults });
    expect(max.data?.places).toHaveLength(LIMITS.placeSearch.maxResults);
  });

  it('returns an empty list for a place it does not know', async () => {
    const res = await t.gql<PlaceData>(PLACES, { query: 'Xqzzyville' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.places).toEqual([]);
  });

  it.each([
    ['an empty query', { query: '' }, 'query'],
    ['a blank query', { query: '   ' }, 'query'],
    ['a query over the maximum length', { query: 'a'.repeat(LIMITS.placeSearch.queryMax + 1) }, 'query'],
    ['a zero limit', { query: 'leeds', limit: 0 }, 'limit'],
    ['a negative limit', { query: 'leeds', limit: -1 }, 'limit'],
    ['a limit over the maximum', { query: 'leeds', limit: LIMITS.placeSearch.maxResults + 1 }, 'limit'],
  ])('refuses %s as BAD_USER_INPUT on the field', async (_case, variables, field) => {
    expect(refusal(await t.gql<PlaceData>(PLACES, variables))).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('accepts a query of exactly the maximum length', async () => {
    const res = await t.gql<PlaceData>(PLACES, { query: 'a'.repeat(LIMITS.placeSearch.queryMax) });
    expect(res.errors).toBeUndefined();
    expect(res.data?.places).toEqual([]);
  });
});
