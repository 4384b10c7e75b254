/**
 * WHAMinars: limits, choices and rules shared by the API (validation) and the web app (forms,
 * labels, hints). One definition, so both ends agree.
 */

export const WEBINAR_LIMITS = {
  title: { min: 3, max: 120 },
  /** Markdown source. */
  description: { max: 10_000 },
  /** 1 minute to 8 hours. */
  durationMinutes: { min: 1, max: 480 },
  capacity: { min: 1, max: 100_000 },
  themes: { max: 5 },
  speakers: { max: 12 },
  speakerName: { min: 2, max: 80 },
  speakerAffiliation: { max: 120 },
  urlMax: 500,
  placeName: { max: 120 },
  cancelReason: { max: 500 },
  /** Occurrences one recurring series may create (its RRULE must end within them). */
  seriesOccurrencesMax: 24,
  /** The join link shows this many minutes before the start (to registrants, speakers, organisers). */
  joinWindowMinutes: 30,
  resources: { perWebinar: 20, title: { min: 1, max: 120 } },
  /** `recommendedWebinars(first)`. */
  recommendedMax: 50,
  /** `webinarsInBBox` answers at most this many. */
  mapMax: 200,
  /** `markWebinarAttendance(userIds)`. */
  attendanceBatchMax: 500,
} as const;

export const WEBINAR_STATUSES = ['draft', 'published', 'cancelled', 'finished'] as const;
export type WebinarStatus = (typeof WEBINAR_STATUSES)[number];

/** `registered` holds a place; `waiting` is on the waiting list (promoted in order when a place frees). */
export const WEBINAR_REGISTRATION_STATUSES = ['registered', 'waiting', 'cancelled'] as const;
export type WebinarRegistrationStatus = (typeof WEBINAR_REGISTRATION_STATUSES)[number];

export const WEBINAR_RESOURCE_KINDS = [
  { id: 'slides', label: 'Slides' },
  { id: 'recording', label: 'Recording' },
  { id: 'document', label: 'Document' },
  { id: 'link', label: 'Link' },
] as const;
export type WebinarResourceKind = (typeof WEBINAR_RESOURCE_KINDS)[number]['id'];
export const WEBINAR_RESOURCE_KIND_IDS: readonly string[] = WEBINAR_RESOURCE_KINDS.map((k) => k.id);

/** A WHAMinar's optional region focus: one of the UK nations (the same areas alerts use). */
export const WEBINAR_REGIONS = ['England', 'Scotland', 'Wales', 'Northern Ireland'] as const;
export type WebinarRegion = (typeof WEBINAR_REGIONS)[number];

/** Reminders to registrants, each sent once per start time. */
export const WEBINAR_REMINDERS = [
  { kind: '24h', minutesBefore: 24 * 60, label: 'tomorrow' },
  { kind: '1h', minutesBefore: 60, label: 'in 1 hour' },
] as const;
export type WebinarReminderKind = (typeof WEBINAR_REMINDERS)[number]['kind'];

/** `type` of the in-app notifications WHAMinars produce (payload: `{ webinarId, ... }`). */
export const WEBINAR_NOTIFICATION_TYPES = {
  reminder: 'webinar-reminder',
  updated: 'webinar-updated',
  cancelled: 'webinar-cancelled',
  promoted: 'webinar-promoted',
} as const;

/**
 * A start or end as the organiser enters it: a wall-clock time in their time zone, no offset,
 * e.g. "2027-03-28T10:00". The zone travels separately as an IANA name ("Europe/London").
 */
export const LOCAL_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
/** A series' new time of day, "HH:mm". */
export const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
