import { ALERT_LIMITS } from '@kindred/api-client';
import {
  alertInput,
  alertRadiusFor,
  areaAlertInput,
  describeAlertArea,
  EMPTY_ALERT,
  radiusOptions,
  validateAlert,
  type AlertFormValues,
} from './alert-form.util';

const leeds: AlertFormValues = { ...EMPTY_ALERT, name: 'Child poverty near me', placeName: 'Leeds', centre: { lat: 53.8, lng: -1.55 } };

describe('alert form validation', () => {
  it('accepts a named place with a radius, with or without themes', () => {
    expect(validateAlert(leeds)).toEqual({});
    expect(validateAlert({ ...leeds, centre: null })).toEqual({});
    expect(validateAlert({ ...leeds, themes: ['child-poverty', 'housing'] })).toEqual({});
  });

  it('needs a name, and not a long one', () => {
    expect(validateAlert({ ...leeds, name: '   ' })['name']).toMatch(/Give the alert a name/);
    expect(validateAlert({ ...leeds, name: 'x'.repeat(ALERT_LIMITS.name.max + 1) })['name']).toMatch(/at most 80/);
  });

  it('needs a place (or a point) when watching around a place', () => {
    expect(validateAlert({ ...leeds, placeName: '', centre: null })['placeName']).toMatch(/Search for a town or city/);
    expect(validateAlert({ ...leeds, placeName: '', centre: { lat: 53.8, lng: -1.55 } })).toEqual({});
    expect(validateAlert({ ...leeds, centre: { lat: 123, lng: 0 } })['placeName']).toBeDefined();
  });

  it('keeps the radius within 1 to 200 km', () => {
    expect(validateAlert({ ...leeds, radiusKm: 0 })['radiusKm']).toMatch(/from 1 to 200 km/);
    expect(validateAlert({ ...leeds, radiusKm: 201 })['radiusKm']).toBeDefined();
    expect(validateAlert({ ...leeds, radiusKm: 2.5 })['radiusKm']).toBeDefined();
  });

  it('needs a nation when watching a whole nation, and then ignores the place', () => {
    const region: AlertFormValues = { ...leeds, where: 'region', placeName: '', centre: null, region: '' };
    expect(validateAlert(region)['region']).toMatch(/England, Scotland, Wales or Northern Ireland/);
    expect(validateAlert({ ...region, region: 'Wales' })).toEqual({});
  });

  it('allows no themes but at most five', () => {
    expect(validateAlert({ ...leeds, themes: [] })).toEqual({});
    const six = ['child-poverty', 'housing', 'food-insecurity', 'fuel-poverty', 'employment', 'disability'] as const;
    expect(validateAlert({ ...leeds, themes: [...six] })['themes']).toMatch(/at most 5/);
  });
});

describe('alert input', () => {
  it('sends a chosen point with its name as the label', () => {
    expect(alertInput({ ...leeds, name: '  Near Leeds ', radiusKm: 10, themes: ['housing'], emailDigest: true })).toEqual({
      name: 'Near Leeds',
      centre: { lat: 53.8, lng: -1.55 },
      placeName: 'Leeds',
      radiusKm: 10,
      themes: ['housing'],
      emailDigest: true,
    });
  });

  it('sends a typed place for the API to look up', () => {
    expect(alertInput({ ...leeds, centre: null, placeName: ' York ' })).toEqual({
      name: 'Child poverty near me',
      placeName: 'York',
      radiusKm: 25,
      themes: [],
      emailDigest: false,
    });
  });

  it('sends only the nation for a region alert', () => {
    expect(alertInput({ ...leeds, where: 'region', region: 'Scotland' })).toEqual({
      name: 'Child poverty near me',
      region: 'Scotland',
      themes: [],
      emailDigest: false,
    });
  });

  it('describes an area in words and keeps an unusual radius choosable', () => {
    expect(describeAlertArea({ region: null, radiusKm: 25, placeName: 'Leeds', centre: { lat: 53.8, lng: -1.55 } })).toBe('Within 25 km of Leeds');
    expect(describeAlertArea({ region: 'Wales', radiusKm: null, placeName: null, centre: null })).toBe('Anywhere in Wales');
    expect(radiusOptions(40).map((o) => o.value)).toEqual(['1', '2', '5', '10', '25', '40', '50', '100', '200']);
  });
});

describe('alert for a map view', () => {
  it('rounds the radius and keeps it within 1 to 200 km', () => {
    expect(alertRadiusFor(37.4)).toBe(37);
    expect(alertRadiusFor(0.2)).toBe(1);
    expect(alertRadiusFor(650)).toBe(200);
    expect(alertRadiusFor(Number.NaN)).toBe(25);
  });

  it('refuses a blank name or more than five themes', () => {
    expect(areaAlertInput(' ', { lat: 53.8, lng: -1.55 }, 10, []).problem).toMatch(/name/);
    expect(
      areaAlertInput('Mine', { lat: 53.8, lng: -1.55 }, 10, ['child-poverty', 'housing', 'food-insecurity', 'fuel-poverty', 'employment', 'disability'])
        .problem,
    ).toMatch(/at most 5 themes/);
    expect(areaAlertInput('Mine', { lat: 53.8, lng: -1.55 }, 12.6, ['housing']).input).toEqual({
      name: 'Mine',
      centre: { lat: 53.8, lng: -1.55 },
      radiusKm: 13,
      themes: ['housing'],
      emailDigest: false,
    });
  });
});
