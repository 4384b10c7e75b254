import { LOCATION_PRECISIONS, type LocationPrecision } from '@kindred/domain';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : DATE.format(date);
}

export function precisionLabel(precision: LocationPrecision): string {
  return LOCATION_PRECISIONS.find((p) => p.id === precision)?.label ?? precision;
}

/** A link's host and path without the scheme, for display. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname === '/' ? '' : u.pathname;
    return `${u.hostname}${path}${u.search}`;
  } catch {
    return url;
  }
}
