import { WEBINAR_LIMITS } from '@kindred/domain';
import type { AuthUser } from '../auth/auth-user';
import type { Clinician } from '../clinicians/models/clinician.model';
import { toThemes } from '../projects/project-models.util';
import { googleCalendarUrl, outlookCalendarUrl } from './calendar-links.util';
import { markdownToText, renderMarkdown } from './markdown.util';
import type { Webinar } from './models/webinar.model';
import type { WebinarResource } from './models/webinar-resource.model';
import type { WebinarSpeaker } from './models/webinar-speaker.model';
import { toLocal, utcOffset, zoneAbbreviation } from './webinar-time.util';

/** A `webinars` row with what the viewer needs, as WEBINAR_SELECT reads it. */
export interface WebinarRow {
  id: string;
  organiser_id: string;
  series_id: string | null;
  detached: boolean;
  title: string;
  description: string;
  time_zone: string;
  local_start: string;
  starts_at: Date;
  duration_minutes: number;
  ends_at: Date;
  join_url: string;
  capacity: number | null;
  themes: string[];
  region: string | null;
  lat: number | null;
  lng: number | null;
  place_name: string | null;
  status: string;
  sequence: number;
  cancel_reason: string | null;
  thread_conversation_id: string | null;
  pinned_message_id: string | null;
  published_at: Date | null;
  cancelled_at: Date | null;
  created_at: Date;
  updated_at: Date;
  /** starts_at as microsecond UTC text, for cursors. */
  cursor_ts: string;
  db_now: Date;
  registered_count: number;
  waiting_count: number;
  series_rrule: string | null;
  series_time_zone: string | null;
  series_count: number | null;
  thread_status: string | null;
  thread_opens_at: Date | null;
  thread_member_count: number | null;
  thread_member: boolean;
  my_status: string | null;
  my_registered_at: Date | null;
  my_attended_at: Date | null;
  my_email_reminders: boolean | null;
  my_position: number | null;
  i_speak: boolean;
}

/**
 * Every column of WebinarRow, for `FROM webinars w` with the viewer's id as `$1` (null when signed
 * out). Counts and the viewer's own state are read in the same statement as the row.
 */
export const WEBINAR_SELECT = `
  SELECT w.id, w.organiser_id, w.series_id, w.detached, w.title, w.description, w.time_zone,
    to_char(w.local_start, 'YYYY-MM-DD"T"HH24:MI') AS local_start,
    w.starts_at, w.duration_minutes, w.ends_at, w.join_url, w.capacity, w.themes, w.region,
    ST_Y(w.location::geometry) AS lat, ST_X(w.location::geometry) AS lng, w.place_name,
    w.status, w.sequence, w.cancel_reason, w.thread_conversation_id, w.pinned_message_id,
    w.published_at, w.cancelled_at, w.created_at, w.updated_at,
    to_char(w.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_ts,
    now() AS db_now,
    (SELECT count(*)::int FROM webinar_registrations r WHERE r.webinar_id = w.id AND r.status = 'registered') AS registered_count,
    (SELECT count(*)::int FROM webinar_registrations r WHERE r.webinar_id = w.id AND r.status = 'waiting') AS waiting_count,
    s.rrule AS series_rrule, s.time_zone AS series_time_zone,
    (SELECT count(*)::int FROM webinars o WHERE o.series_id = w.series_id) AS series_count,
    c.status AS thread_status, c.opens_at AS thread_opens_at,
    (SELECT count(*)::int FROM conversation_members cm WHERE cm.conversation_id = w.thread_conversation_id) AS thread_member_count,
    EXISTS (SELECT 1 FROM conversation_members cm WHERE cm.conversation_id = w.thread_conversation_id AND cm.user_id = $1::uuid) AS thread_member,
    mr.status AS my_status, mr.registered_at AS my_registered_at, mr.attended_at AS my_attended_at,
    mr.email_reminders AS my_email_reminders,
    CASE WHEN mr.status = 'waiting' THEN (
      SELECT count(*)::int + 1 FROM webinar_registrations q
       WHERE q.webinar_id = w.id AND q.status = 'waiting' AND (q.queued_at, q.user_id) < (mr.queued_at, mr.user_id)) END AS my_position,
    EXISTS (SELECT 1 FROM webinar_speakers sp WHERE sp.webinar_id = w.id AND sp.user_id = $1::uuid) AS i_speak
  FROM webinars w
  LEFT JOIN webinar_series s ON s.id = w.series_id
  LEFT JOIN conversations c ON c.id = w.thread_conversation_id
  LEFT JOIN webinar_registrations mr ON mr.webinar_id = w.id AND mr.user_id = $1::uuid`;

/** Who may see a webinar: anything but a draft, and drafts to their organiser and admins. `$1` viewer, `$2` is-admin. */
export const WEBINAR_VISIBLE = `(w.status <> 'draft' OR w.organiser_id = $1::uuid OR $2::boolean)`;

export interface SpeakerRow {
  webinar_id: string;
  user_id: string | null;
  name: string | null;
  affiliation: string | null;
}

export interface ResourceRow {
  id: string;
  webinar_id: string;
  kind: string;
  title: string;
  url: string;
  created_at: Date;
}

export interface WebinarModelContext {
  viewer: AuthUser | null;
  people: ReadonlyMap<string, Clinician>;
  speakers: readonly SpeakerRow[];
  resources: readonly ResourceRow[];
  publicUrl: string;
}

export function canManageWebinar(viewer: AuthUser | null, organiserId: string): boolean {
  return !!viewer && (viewer.role === 'admin' || viewer.id === organiserId);
}

/** The join link's rule: registrants, speakers and the organiser; from 30 minutes before the start; not once cancelled. */
export function joinUrlVisible(
  row: Pick<WebinarRow, 'status' | 'starts_at' | 'my_status' | 'i_speak' | 'organiser_id'>,
  viewer: AuthUser | null,
  now: Date,
): boolean {
  if (!viewer || (row.status !== 'published' && row.status !== 'finished')) return false;
  const entitled = row.my_status === 'registered' || row.i_speak || row.organiser_id === viewer.id;
  return entitled && now.getTime() >= joinUrlAvailableAt(row.starts_at).getTime();
}

export function joinUrlAvailableAt(startsAt: Date): Date {
  return new Date(startsAt.getTime() - WEBINAR_LIMITS.joinWindowMinutes * 60_000);
}

export function webinarPageUrl(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/webinars/${id}`;
}

export function toWebinar(row: WebinarRow, ctx: WebinarModelContext): Webinar {
  const { viewer } = ctx;
  const now = row.db_now;
  const manage = canManageWebinar(viewer, row.organiser_id);
  const organiser = ctx.people.get(row.organiser_id) ?? deletedPerson(row.organiser_id);
  const pageUrl = webinarPageUrl(ctx.publicUrl, row.id);
  const linkEvent = {
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    details: markdownToText(row.description),
    pageUrl,
  };
  const speakers: WebinarSpeaker[] = ctx.speakers
    .filter((s) => s.webinar_id === row.id)
    .map((s) => {
      const user = s.user_id ? (ctx.people.get(s.user_id) ?? null) : null;
      return { user, name: user?.displayName ?? s.name ?? 'Speaker', affiliation: user ? user.organisation : s.affiliation };
    });
  const resources: WebinarResource[] = ctx.resources
    .filter((r) => r.webinar_id === row.id)
    .map((r) => ({ id: r.id, kind: r.kind, title: r.title, url: r.url, createdAt: r.created_at }));
  const live = row.status !== 'cancelled' && now >= row.starts_at && now < row.ends_at;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    durationMinutes: row.duration_minutes,
    timeZone: row.time_zone,
    localStartsAt: row.local_start,
    localEndsAt: toLocal(row.ends_at, row.time_zone),
    timeZoneAbbreviation: zoneAbbreviation(row.starts_at, row.time_zone),
    utcOffset: utcOffset(row.starts_at, row.time_zone),
    capacity: row.capacity,
    registeredCount: row.registered_count,
    waitingCount: row.waiting_count,
    placesLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.registered_count),
    themes: toThemes(row.themes),
    speakers,
    organiser,
    regionFocus: row.region
      ? { region: row.region, point: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null, placeName: row.place_name }
      : null,
    series:
      row.series_id && row.series_rrule
        ? {
            id: row.series_id,
            rrule: row.series_rrule,
            timeZone: row.series_time_zone ?? row.time_zone,
            occurrenceCount: row.series_count ?? 0,
            organiserId: row.organiser_id,
          }
        : null,
    detachedFromSeries: row.detached,
    sequence: row.sequence,
    cancelReason: row.cancel_reason,
    myRegistration: row.my_status
      ? {
          status: row.my_status,
          waitingPosition: row.my_position,
          registeredAt: row.my_status === 'registered' ? row.my_registered_at : null,
          emailReminders: row.my_email_reminders ?? true,
          attended: row.my_attended_at !== null,
          attendedAt: row.my_attended_at,
        }
      : null,
    canManage: manage,
    isSpeaker: row.i_speak,
    joinUrl: joinUrlVisible(row, viewer, now) ? row.join_url : null,
    joinUrlAvailableAt: joinUrlAvailableAt(row.starts_at),
    configuredJoinUrl: manage ? row.join_url : null,
    isLive: live,
    isPast: now >= row.ends_at,
    thread:
      viewer && row.thread_conversation_id && row.thread_opens_at
        ? {
            conversationId: row.thread_conversation_id,
            status: row.thread_status ?? 'open',
            opensAt: row.thread_opens_at,
            isOpenForPosting: row.thread_status === 'open' && now >= row.thread_opens_at,
            isMember: row.thread_member,
            memberCount: row.thread_member_count ?? 0,
            webinarId: row.id,
            pinnedMessageId: row.pinned_message_id,
            viewerId: viewer.id,
          }
        : null,
    resources,
    pageUrl,
    icsUrl: `${ctx.publicUrl.replace(/\/+$/, '')}/api/webinars/${row.id}.ics`,
    googleCalendarUrl: googleCalendarUrl(linkEvent),
    outlookCalendarUrl: outlookCalendarUrl(linkEvent),
    publishedAt: row.published_at,
    cancelledAt: row.cancelled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An organiser whose account is gone (their webinars go with it; this covers a read racing the delete). */
function deletedPerson(id: string): Clinician {
  return { id, displayName: 'Former member', profession: 'other', professionLabel: 'Other', specialty: null, organisation: null, role: 'clinician' };
}
