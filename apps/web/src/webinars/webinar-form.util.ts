import { z } from 'zod';
import type { CreateWebinarInput, UpdateWebinarInput, Webinar, WebinarSpeakerInput } from '@kindred/api-client';
import { isHttpsUrl, isThemeId, WEBINAR_LIMITS, WEBINAR_REGIONS, type ThemeId, type WebinarRegion } from '@kindred/domain';
import { formErrorsFrom, type FieldErrors, type FormErrors } from '../forms/api-errors.util';
import { skippedTimeMessage, zonedInstant } from './webinar-time.util';
import { ordinal } from './webinar-labels.util';

export type RecurrenceKind = 'none' | 'weekly' | 'monthly';

export interface SpeakerValue {
  /** A Kindred member kept from the saved WHAMinar (shown, not edited); null for a named guest. */
  readonly userId: string | null;
  readonly name: string;
  readonly affiliation: string;
}

export interface WebinarFormValues {
  title: string;
  description: string;
  /** "2027-03-28" from the date input. */
  date: string;
  /** "10:00" from the time input. */
  time: string;
  timeZone: string;
  /** Text from the number input; checked as a whole number of minutes. */
  durationMinutes: string;
  joinUrl: string;
  /** Empty: unlimited. */
  capacity: string;
  themes: ThemeId[];
  speakers: SpeakerValue[];
  region: WebinarRegion | '';
  placeName: string;
  /** Set when a place is chosen from the gazetteer; typing clears it. */
  point: { lat: number; lng: number } | null;
  recurrence: RecurrenceKind;
  occurrences: string;
  publish: boolean;
}

/** The form's field names, named like the API's paths so its errors land beside the right field. */
export const WEBINAR_FORM_FIELDS = [
  'title',
  'description',
  'startsAt',
  'timeZone',
  'durationMinutes',
  'joinUrl',
  'capacity',
  'themes',
  'speakers',
  ...Array.from({ length: WEBINAR_LIMITS.speakers.max }, (_, i) => `speakers.${i}`),
  'regionFocus.region',
  'regionFocus.placeName',
  'recurrence',
] as const;

export const DEFAULT_DURATION_MINUTES = 60;
export const DEFAULT_OCCURRENCES = 6;
export const OCCURRENCES_MIN = 2;

export function emptyWebinarValues(timeZone: string): WebinarFormValues {
  return {
    title: '',
    description: '',
    date: '',
    time: '',
    timeZone,
    durationMinutes: String(DEFAULT_DURATION_MINUTES),
    joinUrl: '',
    capacity: '',
    themes: [],
    speakers: [],
    region: '',
    placeName: '',
    point: null,
    recurrence: 'none',
    occurrences: String(DEFAULT_OCCURRENCES),
    publish: true,
  };
}

export function valuesFromWebinar(webinar: Webinar): WebinarFormValues {
  return {
    title: webinar.title,
    description: webinar.description,
    date: webinar.localStartsAt.slice(0, 10),
    time: webinar.localStartsAt.slice(11, 16),
    timeZone: webinar.timeZone,
    durationMinutes: String(webinar.durationMinutes),
    joinUrl: webinar.configuredJoinUrl ?? '',
    capacity: webinar.capacity === null ? '' : String(webinar.capacity),
    themes: webinar.themes.map((t) => t.id),
    speakers: webinar.speakers.map((s) => ({ userId: s.user?.id ?? null, name: s.user?.displayName ?? s.name, affiliation: s.affiliation ?? '' })),
    region: webinar.regionFocus?.region ?? '',
    placeName: webinar.regionFocus?.placeName ?? '',
    point: webinar.regionFocus?.point ? { lat: webinar.regionFocus.point.lat, lng: webinar.regionFocus.point.lng } : null,
    recurrence: 'none',
    occurrences: String(DEFAULT_OCCURRENCES),
    publish: webinar.status !== 'draft',
  };
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function weekdayOf(date: string): { index: number; nth: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return null;
  return { index: (d.getUTCDay() + 6) % 7, nth: Math.ceil(Number(m[3]) / 7) };
}

/**
 * The RRULE for a simple repeat from the start date: weekly on its weekday, or monthly on the same
 * weekday of the month ("2TU"; the fifth one, which not every month has, becomes the last: "-1TU").
 */
export function recurrenceRule(kind: RecurrenceKind, date: string, count: number): string | null {
  if (kind === 'none') return null;
  const day = weekdayOf(date);
  if (!day) return null;
  const code = WEEKDAYS[day.index];
  if (kind === 'weekly') return `FREQ=WEEKLY;BYDAY=${code};COUNT=${count}`;
  return `FREQ=MONTHLY;BYDAY=${day.nth >= 5 ? -1 : day.nth}${code};COUNT=${count}`;
}

/** "Every week on Tuesday, 6 times in all", "Every month on the 2nd Tuesday, 6 times in all". */
export function describeRecurrence(kind: RecurrenceKind, date: string, count: number): string | null {
  if (kind === 'none') return null;
  const day = weekdayOf(date);
  if (!day) return 'Choose the first date to see when it repeats.';
  const name = WEEKDAY_NAMES[day.index];
  const times = `${count} times in all`;
  if (kind === 'weekly') return `Every week on ${name}, ${times}.`;
  return `Every month on the ${day.nth >= 5 ? 'last' : ordinal(day.nth)} ${name}, ${times}.`;
}

const L = WEBINAR_LIMITS;
const wholeNumber = /^\d+$/;

const speakerSchema = z
  .object({ userId: z.string().nullable(), name: z.string(), affiliation: z.string() })
  .superRefine((s, ctx) => {
    if (s.userId) return;
    const name = s.name.trim();
    if (name.length < L.speakerName.min) ctx.addIssue({ code: 'custom', message: 'Enter the speaker’s name, or remove this speaker.' });
    else if (name.length > L.speakerName.max) ctx.addIssue({ code: 'custom', message: `A name must be at most ${L.speakerName.max} characters.` });
    else if (s.affiliation.trim().length > L.speakerAffiliation.max) {
      ctx.addIssue({ code: 'custom', message: `An affiliation must be at most ${L.speakerAffiliation.max} characters.` });
    }
  });

/** The rules the API applies to the scheduling form, checked before anything is sent. */
function webinarSchema(now: Date, mode: 'create' | 'edit', startUnchanged: boolean) {
  return z
    .object({
      title: z
        .string()
        .transform((t) => t.trim())
        .pipe(
          z
            .string()
            .min(1, 'Give the WHAMinar a title.')
            .min(L.title.min, `Title must be at least ${L.title.min} characters.`)
            .max(L.title.max, `Title must be at most ${L.title.max} characters.`),
        ),
      description: z.string().max(L.description.max, `Description must be at most ${L.description.max.toLocaleString('en-GB')} characters.`),
      date: z.string(),
      time: z.string(),
      timeZone: z.string().min(1, 'Choose a time zone.'),
      durationMinutes: z.string().refine((d) => {
        const n = Number(d.trim());
        return wholeNumber.test(d.trim()) && n >= L.durationMinutes.min && n <= L.durationMinutes.max;
      }, `Enter how long it lasts in whole minutes, from ${L.durationMinutes.min} to ${L.durationMinutes.max} (8 hours).`),
      joinUrl: z
        .string()
        .transform((u) => u.trim())
        .pipe(
          z
            .string()
            .min(1, 'Enter the link people use to join, starting with https://')
            .max(L.urlMax, `The join link must be at most ${L.urlMax} characters.`)
            .refine(isHttpsUrl, 'The join link must be a full web address starting with https://'),
        ),
      capacity: z.string().refine((c) => {
        const t = c.trim();
        return !t || (wholeNumber.test(t) && Number(t) >= L.capacity.min && Number(t) <= L.capacity.max);
      }, `Capacity must be a whole number of at least ${L.capacity.min}, or leave it empty for unlimited places.`),
      themes: z
        .array(z.string())
        .max(L.themes.max, `Choose at most ${L.themes.max} themes.`)
        .refine((themes) => themes.every(isThemeId), 'Choose themes from the list.'),
      speakers: z.array(speakerSchema).max(L.speakers.max, `Add at most ${L.speakers.max} speakers.`),
      region: z.string(),
      placeName: z.string().max(L.placeName.max, `Place must be at most ${L.placeName.max} characters.`),
      recurrence: z.enum(['none', 'weekly', 'monthly']),
      occurrences: z.string(),
    })
    .superRefine((v, ctx) => {
      const at = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
      if (!v.date && !v.time) at('startsAt', 'Enter the date and time it starts.');
      else if (!v.date) at('startsAt', 'Enter the date it starts.');
      else if (!v.time) at('startsAt', 'Enter the time it starts.');
      else if (v.timeZone) {
        const result = zonedInstant(`${v.date}T${v.time}`, v.timeZone);
        if (!result.ok && result.reason === 'zone') at('timeZone', 'Choose a time zone from the list.');
        else if (!result.ok && result.reason === 'format') at('startsAt', 'Enter a real date and a time such as 10:00.');
        else if (!result.ok) at('startsAt', skippedTimeMessage(v.date, v.time, v.timeZone));
        else if (!startUnchanged && result.at.toMillis() <= now.getTime()) at('startsAt', 'The start must be in the future.');
      }
      if (v.region && !(WEBINAR_REGIONS as readonly string[]).includes(v.region)) at('regionFocus.region', 'Choose a nation from the list.');
      if (!v.region && v.placeName.trim()) at('regionFocus.region', 'Choose the nation the place is in, or clear the place.');
      if (mode === 'create' && v.recurrence !== 'none') {
        const n = Number(v.occurrences);
        if (!wholeNumber.test(v.occurrences.trim()) || n < OCCURRENCES_MIN || n > L.seriesOccurrencesMax) {
          at('recurrence', `Choose from ${OCCURRENCES_MIN} to ${L.seriesOccurrencesMax} occurrences.`);
        }
      }
    });
}

/** Zod's path ["speakers", 2, "name"] as the form's field ("speakers.2"). */
function fieldOf(path: ReadonlyArray<string | number>): string {
  if (path[0] === 'speakers' && typeof path[1] === 'number') return `speakers.${path[1]}`;
  if (path[0] === 'region') return 'regionFocus.region';
  if (path[0] === 'placeName') return 'regionFocus.placeName';
  if (path[0] === 'date' || path[0] === 'time') return 'startsAt';
  if (path[0] === 'occurrences') return 'recurrence';
  return String(path[0] ?? 'title');
}

/**
 * The same rules the API applies; an empty object when all is well. Editing a WHAMinar that has
 * started is allowed (a new title, a resource link): only a changed start must be in the future.
 */
export function validateWebinar(values: WebinarFormValues, mode: 'create' | 'edit', now: Date = new Date(), initial?: WebinarFormValues): FieldErrors {
  const startUnchanged =
    mode === 'edit' && !!initial && initial.date === values.date && initial.time === values.time && initial.timeZone === values.timeZone;
  const result = webinarSchema(now, mode, startUnchanged).safeParse(values);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) errors[fieldOf(issue.path)] ??= issue.message;
  return errors;
}

function speakerInputs(speakers: readonly SpeakerValue[]): WebinarSpeakerInput[] {
  return speakers.map((s) =>
    s.userId ? { userId: s.userId } : { name: s.name.trim(), affiliation: s.affiliation.trim() || null },
  );
}

function regionFocusInput(values: WebinarFormValues) {
  if (!values.region) return null;
  const placeName = values.placeName.trim() || null;
  return { region: values.region, ...(values.point ? { point: { lat: values.point.lat, lng: values.point.lng } } : {}), placeName };
}

/** What `createWebinar` receives. */
export function createInput(values: WebinarFormValues): CreateWebinarInput {
  const capacity = values.capacity.trim();
  const regionFocus = regionFocusInput(values);
  const recurrence = recurrenceRule(values.recurrence, values.date, Number(values.occurrences));
  return {
    title: values.title.trim(),
    description: values.description,
    startsAt: `${values.date}T${values.time}`,
    timeZone: values.timeZone,
    durationMinutes: Number(values.durationMinutes.trim()),
    joinUrl: values.joinUrl.trim(),
    ...(capacity ? { capacity: Number(capacity) } : {}),
    themes: values.themes,
    speakers: speakerInputs(values.speakers),
    ...(regionFocus ? { regionFocus } : {}),
    ...(recurrence ? { recurrence } : {}),
    publish: values.publish,
  };
}

/**
 * What `updateWebinar` receives: only what changed, so registrants are told exactly that (and an
 * edit that changes nothing sends nothing).
 */
export function updateInput(initial: WebinarFormValues, values: WebinarFormValues): UpdateWebinarInput {
  const before = createInput(initial);
  const after = createInput(values);
  const input: UpdateWebinarInput = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(before.title, after.title)) input.title = after.title;
  if (!same(before.description, after.description)) input.description = after.description;
  if (!same(before.startsAt, after.startsAt)) input.startsAt = after.startsAt;
  if (!same(before.timeZone, after.timeZone)) input.timeZone = after.timeZone;
  if (!same(before.durationMinutes, after.durationMinutes)) input.durationMinutes = after.durationMinutes ?? null;
  if (!same(before.joinUrl, after.joinUrl)) input.joinUrl = after.joinUrl;
  if (!same(before.capacity ?? null, after.capacity ?? null)) input.capacity = after.capacity ?? null;
  if (!same(before.themes, after.themes)) input.themes = after.themes ?? [];
  if (!same(before.speakers, after.speakers)) input.speakers = after.speakers ?? [];
  if (!same(before.regionFocus ?? null, after.regionFocus ?? null)) input.regionFocus = after.regionFocus ?? null;
  return input;
}

/**
 * The API's refusal beside the form's fields. This form has no local end time, so a problem with
 * `input.endsAt` belongs to the duration.
 */
export function webinarErrorsFrom(error: unknown): FormErrors {
  const result = formErrorsFrom(error, [...WEBINAR_FORM_FIELDS, 'endsAt']);
  const { endsAt, ...fields } = result.fields;
  if (endsAt) fields['durationMinutes'] ??= endsAt;
  return { ...result, fields };
}
