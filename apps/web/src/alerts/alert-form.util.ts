import { ALERT_LIMITS, UK_NATIONS, type Alert, type CreateAlertInput, type UkNation } from '@kindred/api-client';
import { isLatitude, isLongitude, isThemeId, type ThemeId } from '@kindred/domain';
import type { FieldErrors } from '../forms/api-errors.util';

export interface LatLngValue {
  readonly lat: number;
  readonly lng: number;
}

export type AlertWhere = 'place' | 'region';

export interface AlertFormValues {
  name: string;
  where: AlertWhere;
  /** The text in the place search (also the label of a chosen point). */
  placeName: string;
  /** Set when a place is chosen from the list or a project's location is used; typing clears it. */
  centre: LatLngValue | null;
  radiusKm: number;
  region: UkNation | '';
  themes: ThemeId[];
  emailDigest: boolean;
}

/** Radii offered in the form, in km. An alert saved with another radius keeps it as an extra choice. */
export const RADIUS_CHOICES: readonly number[] = [1, 2, 5, 10, 25, 50, 100, 200];
export const DEFAULT_RADIUS_KM = 25;

/** The form's field names; API paths (`input.radiusKm`, `input.centre.lat`) are mapped onto them. */
export const ALERT_FORM_FIELDS = ['name', 'placeName', 'centre', 'radiusKm', 'region', 'themes', 'emailDigest'] as const;

export const EMPTY_ALERT: AlertFormValues = {
  name: '',
  where: 'place',
  placeName: '',
  centre: null,
  radiusKm: DEFAULT_RADIUS_KM,
  region: '',
  themes: [],
  emailDigest: false,
};

export function isUkNation(value: unknown): value is UkNation {
  return typeof value === 'string' && (UK_NATIONS as readonly string[]).includes(value);
}

export function valuesFromAlert(alert: Alert): AlertFormValues {
  return {
    name: alert.name,
    where: alert.region ? 'region' : 'place',
    placeName: alert.placeName ?? '',
    centre: alert.centre ? { lat: alert.centre.lat, lng: alert.centre.lng } : null,
    radiusKm: alert.radiusKm ?? DEFAULT_RADIUS_KM,
    region: alert.region ?? '',
    themes: alert.themes.map((t) => t.id),
    emailDigest: alert.emailDigest,
  };
}

/** The same rules the API applies, so most mistakes are caught before sending. */
export function validateAlert(values: AlertFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const name = values.name.trim();
  if (name.length < ALERT_LIMITS.name.min) errors['name'] = 'Give the alert a name, for example “Child poverty near me”.';
  else if (name.length > ALERT_LIMITS.name.max) errors['name'] = `Name must be at most ${ALERT_LIMITS.name.max} characters.`;

  if (values.where === 'place') {
    const place = values.placeName.trim();
    if (!values.centre && !place) errors['placeName'] = 'Search for a town or city, or use your project’s location.';
    else if (place.length > ALERT_LIMITS.placeName.max) errors['placeName'] = `Place must be at most ${ALERT_LIMITS.placeName.max} characters.`;
    else if (values.centre && (!isLatitude(values.centre.lat) || !isLongitude(values.centre.lng))) {
      errors['placeName'] = 'That location is not a valid point; search for the place again.';
    }
    const { min, max } = ALERT_LIMITS.radiusKm;
    if (!Number.isInteger(values.radiusKm) || values.radiusKm < min || values.radiusKm > max) {
      errors['radiusKm'] = `Choose a radius from ${min} to ${max} km.`;
    }
  } else if (!isUkNation(values.region)) {
    errors['region'] = 'Choose England, Scotland, Wales or Northern Ireland.';
  }

  if (values.themes.length > ALERT_LIMITS.themes.max) errors['themes'] = `Choose at most ${ALERT_LIMITS.themes.max} themes, or none for any theme.`;
  else if (!values.themes.every(isThemeId)) errors['themes'] = 'Choose themes from the list.';
  return errors;
}

/** What the API receives: a point when one was chosen (the text is its label), else the place name; or a region. */
export function alertInput(values: AlertFormValues): CreateAlertInput {
  const common = { name: values.name.trim(), themes: values.themes, emailDigest: values.emailDigest };
  if (values.where === 'region') return { ...common, region: values.region as UkNation };
  const placeName = values.placeName.trim() || null;
  return values.centre
    ? { ...common, centre: { lat: values.centre.lat, lng: values.centre.lng }, placeName, radiusKm: values.radiusKm }
    : { ...common, placeName, radiusKm: values.radiusKm };
}

/** "Within 25 km of Leeds", "Anywhere in Wales". */
export function describeAlertArea(alert: Pick<Alert, 'region' | 'radiusKm' | 'placeName' | 'centre'>): string {
  if (alert.region) return `Anywhere in ${alert.region}`;
  const where = alert.placeName ?? (alert.centre ? `${alert.centre.lat.toFixed(3)}, ${alert.centre.lng.toFixed(3)}` : 'a point');
  return `Within ${alert.radiusKm ?? '?'} km of ${where}`;
}

export function radiusOptions(current: number): Array<{ value: string; label: string }> {
  const all = RADIUS_CHOICES.includes(current) ? RADIUS_CHOICES : [...RADIUS_CHOICES, current].sort((a, b) => a - b);
  return all.map((km) => ({ value: String(km), label: `${km} km` }));
}

/** A map view's radius as an alert radius: whole km within the allowed range. */
export function alertRadiusFor(radiusKm: number): number {
  const { min, max } = ALERT_LIMITS.radiusKm;
  if (!Number.isFinite(radiusKm)) return DEFAULT_RADIUS_KM;
  return Math.min(max, Math.max(min, Math.round(radiusKm)));
}

/** The input for "alert me about this map view", or the reason it cannot be saved. */
export function areaAlertInput(
  name: string,
  centre: LatLngValue,
  radiusKm: number,
  themes: readonly ThemeId[],
): { input: CreateAlertInput; problem?: undefined } | { input?: undefined; problem: string } {
  const trimmed = name.trim();
  if (!trimmed) return { problem: 'Give the alert a name.' };
  if (trimmed.length > ALERT_LIMITS.name.max) return { problem: `The name must be at most ${ALERT_LIMITS.name.max} characters.` };
  if (themes.length > ALERT_LIMITS.themes.max) {
    return { problem: `An alert can follow at most ${ALERT_LIMITS.themes.max} themes. Choose fewer themes on the map first.` };
  }
  if (!isLatitude(centre.lat) || !isLongitude(centre.lng)) return { problem: 'The map centre is not a valid point.' };
  return {
    input: {
      name: trimmed,
      centre: { lat: centre.lat, lng: centre.lng },
      radiusKm: alertRadiusFor(radiusKm),
      themes: [...new Set(themes)],
      emailDigest: false,
    },
  };
}
