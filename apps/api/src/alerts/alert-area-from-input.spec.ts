import { ERROR_CODES } from '@kindred/domain';
import { AlertArea, AreaGazetteer, areaFromInput, describeArea, nationFromNearestPlace } from './alert-area.util';

const LEEDS = { name: 'Leeds', lat: 53.79648, lng: -1.54785 };
const gazetteer: AreaGazetteer = {
  resolve: (name) => (name.toLowerCase() === 'leeds' ? LEEDS : null),
  nameNear: () => 'Leeds',
};
const circle: AlertArea = { kind: 'circle', centre: { lat: 53.8, lng: -1.55 }, radiusKm: 10, placeName: 'Leeds' };
const wales: AlertArea = { kind: 'region', region: 'Wales' };

describe('alert area from input', () => {
  it('resolves a place name to its point and uses its own name', () => {
    expect(areaFromInput({ placeName: ' leeds ', radiusKm: 25 }, null, gazetteer)).toEqual({
      area: { kind: 'circle', centre: { lat: LEEDS.lat, lng: LEEDS.lng }, radiusKm: 25, placeName: 'Leeds' },
    });
  });

  it('lets a point win over the name, which stays as its label; a bare point is named from the gazetteer', () => {
    expect(areaFromInput({ centre: { lat: 51.5, lng: -0.1 }, placeName: 'My clinic', radiusKm: 5 }, null, gazetteer).area).toEqual({
      kind: 'circle',
      centre: { lat: 51.5, lng: -0.1 },
      radiusKm: 5,
      placeName: 'My clinic',
    });
    expect(areaFromInput({ centre: { lat: 53.8, lng: -1.5 }, radiusKm: 5 }, null, gazetteer).area).toMatchObject({ placeName: 'Leeds' });
  });

  it('takes a region on its own', () => {
    expect(areaFromInput({ region: 'Scotland' }, null, gazetteer)).toEqual({ area: { kind: 'region', region: 'Scotland' } });
  });

  it('names the field at fault', () => {
    const problem = (input: Parameters<typeof areaFromInput>[0], current: AlertArea | null = null) => areaFromInput(input, current, gazetteer).problem;
    expect(problem({ region: 'Wales', radiusKm: 5 })).toMatchObject({ code: ERROR_CODES.badUserInput, field: 'input.region' });
    expect(problem({ region: 'Cornwall' })).toMatchObject({ code: ERROR_CODES.badUserInput, field: 'input.region' });
    expect(problem({ placeName: 'Leeds' })).toMatchObject({ code: ERROR_CODES.badUserInput, field: 'input.radiusKm' });
    expect(problem({ placeName: 'Atlantis', radiusKm: 5 })).toMatchObject({ code: ERROR_CODES.unknownPlace, field: 'input.placeName' });
    expect(problem({ radiusKm: 5 })).toMatchObject({ field: 'input.radiusKm' });
    expect(problem({})).toMatchObject({ code: ERROR_CODES.badUserInput, field: 'input.centre' });
    expect(problem({ radiusKm: 5 }, wales)).toMatchObject({ field: 'input.radiusKm' });
  });

  it('on update keeps what is not given: the area, or the radius when only the place changes', () => {
    expect(areaFromInput({}, circle, gazetteer)).toEqual({ area: null });
    expect(areaFromInput({ radiusKm: 40 }, circle, gazetteer).area).toEqual({ ...circle, radiusKm: 40 });
    expect(areaFromInput({ placeName: 'Leeds' }, circle, gazetteer).area).toMatchObject({ radiusKm: 10, placeName: 'Leeds' });
    expect(areaFromInput({ region: 'Wales' }, circle, gazetteer).area).toEqual(wales);
    expect(areaFromInput({ placeName: 'Leeds' }, wales, gazetteer).problem).toMatchObject({ field: 'input.radiusKm' });
  });

  it('describes an area in words', () => {
    expect(describeArea(circle)).toBe('Within 10 km of Leeds');
    expect(describeArea(wales)).toBe('Anywhere in Wales');
  });
});

describe('nation from the nearest place', () => {
  it('takes the nearest town’s nation when it is close enough', () => {
    expect(nationFromNearestPlace({ lat: 51.49, lng: -3.2 }, { lat: 51.48, lng: -3.18, region: 'Wales' })).toBe('Wales');
    expect(nationFromNearestPlace({ lat: 55.0, lng: -9.5 }, { lat: 54.6, lng: -5.9, region: 'Northern Ireland' })).toBeNull();
    expect(nationFromNearestPlace({ lat: 51.49, lng: -3.2 }, null)).toBeNull();
  });
});
