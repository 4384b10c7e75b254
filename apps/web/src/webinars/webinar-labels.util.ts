import type { Webinar, WebinarSummary } from '@kindred/api-client';
import { WEBINAR_RESOURCE_KINDS } from '@kindred/domain';

export interface StatusBadge {
  readonly label: string;
  /** Modifier for `.webinar-badge--<tone>`. */
  readonly tone: 'live' | 'draft' | 'cancelled' | 'finished';
}

/** The badge a card or page shows: cancelled, finished (or ended), draft, live now; none for an upcoming one. */
export function statusBadge(webinar: Pick<WebinarSummary, 'status' | 'isLive' | 'isPast'>): StatusBadge | null {
  if (webinar.status === 'cancelled') return { label: 'Cancelled', tone: 'cancelled' };
  if (webinar.status === 'finished' || webinar.isPast) return { label: 'Finished', tone: 'finished' };
  if (webinar.status === 'draft') return { label: 'Draft', tone: 'draft' };
  if (webinar.isLive) return { label: 'Live now', tone: 'live' };
  return null;
}

/** "12 places left", "1 place left", "Full: 3 on the waiting list", "Unlimited places". */
export function placesText(webinar: Pick<WebinarSummary, 'capacity' | 'placesLeft' | 'waitingCount'>): string {
  if (webinar.capacity === null || webinar.placesLeft === null) return 'Unlimited places';
  if (webinar.placesLeft > 0) return `${webinar.placesLeft} ${webinar.placesLeft === 1 ? 'place' : 'places'} left of ${webinar.capacity}`;
  if (webinar.waitingCount === 0) return 'Full: join the waiting list';
  return `Full: ${webinar.waitingCount} on the waiting list`;
}

export function isFull(webinar: Pick<WebinarSummary, 'placesLeft'>): boolean {
  return webinar.placesLeft !== null && webinar.placesLeft <= 0;
}

/** Why nobody can register now, or null when registration is open. */
export function registrationClosedReason(webinar: Pick<WebinarSummary, 'status' | 'isPast'>): string | null {
  if (webinar.status === 'cancelled') return 'Registration is closed: this WHAMinar was cancelled.';
  if (webinar.status === 'finished' || webinar.isPast) return 'Registration is closed: this WHAMinar has finished.';
  if (webinar.status === 'draft') return 'Registration opens when the WHAMinar is published.';
  return null;
}

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(n: number): string {
  const rem100 = n % 100;
  if (rem100 >= 11 && rem100 <= 13) return `${n}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export function resourceKindLabel(kind: string): string {
  return WEBINAR_RESOURCE_KINDS.find((k) => k.id === kind)?.label ?? kind;
}

/** A name for a downloaded file: "asking-about-money.ics". */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'whaminar';
}

/** Who speaks: "Aisha Rahman (Citizens Advice, Bradford)". */
export function speakerText(speaker: Webinar['speakers'][number]): string {
  const name = speaker.user?.displayName ?? speaker.name;
  const affiliation = speaker.affiliation ?? speaker.user?.organisation ?? null;
  return affiliation ? `${name} (${affiliation})` : name;
}
