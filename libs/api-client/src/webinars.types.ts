import type { ThemeId, WebinarRegion, WebinarRegistrationStatus, WebinarResourceKind, WebinarStatus } from '@kindred/domain';
import type { Clinician } from './account.types';
import type { Message } from './conversations.types';
import type { BBoxInput } from './map.types';
import type { PageInfo, Point, PointInput, Theme } from './project.types';

/** A Kindred user (`user` set) or a named guest (`user` null). */
export interface WebinarSpeaker {
  readonly __typename?: 'WebinarSpeaker';
  readonly user: Clinician | null;
  readonly name: string;
  readonly affiliation: string | null;
}

/** A UK nation; with a point the WHAMinar is also on the map layer. */
export interface WebinarRegionFocus {
  readonly __typename?: 'WebinarRegionFocus';
  readonly region: WebinarRegion;
  readonly point: Point | null;
  readonly placeName: string | null;
}

export interface WebinarResource {
  readonly __typename?: 'WebinarResource';
  readonly id: string;
  readonly kind: WebinarResourceKind;
  readonly title: string;
  readonly url: string;
  readonly createdAt: string;
}

/** The series an occurrence belongs to (its occurrences are not fetched by the web app). */
export interface WebinarSeriesSummary {
  readonly __typename?: 'WebinarSeries';
  readonly id: string;
  readonly rrule: string;
  readonly timeZone: string;
  readonly occurrenceCount: number;
}

export interface MyWebinarRegistration {
  readonly __typename?: 'MyWebinarRegistration';
  readonly status: WebinarRegistrationStatus;
  /** 1 = next to be promoted; null unless waiting. */
  readonly waitingPosition: number | null;
  readonly registeredAt: string | null;
  readonly emailReminders: boolean;
  readonly attended: boolean;
  readonly attendedAt: string | null;
}

/** The pinned message as the detail page shows it. */
export type WebinarPinnedMessage = Pick<Message, '__typename' | 'id' | 'body' | 'createdAt' | 'deletedAt' | 'hiddenAt'> & {
  readonly author: (Pick<Clinician, 'id' | 'displayName'> & { readonly __typename?: 'Clinician' }) | null;
};

/** The follow-up discussion: a conversation of kind "webinar". */
export interface WebinarThread {
  readonly __typename?: 'WebinarThread';
  readonly conversationId: string;
  /** open | closed (closed by the organiser). */
  readonly status: 'open' | 'closed';
  /** = startsAt: posting opens then. */
  readonly opensAt: string;
  readonly isOpenForPosting: boolean;
  readonly isMember: boolean;
  readonly memberCount: number;
  /** Members only (read the conversation itself with CONVERSATION and conversationId). */
  readonly pinnedMessage: WebinarPinnedMessage | null;
}

/** What a card in a list needs. */
export interface WebinarSummary {
  readonly __typename?: 'Webinar';
  readonly id: string;
  readonly title: string;
  readonly status: WebinarStatus;
  /** UTC instants (ISO 8601). */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly durationMinutes: number;
  /** The organiser's IANA zone. */
  readonly timeZone: string;
  /** The organiser's wall time, "2027-03-28T10:00". */
  readonly localStartsAt: string;
  readonly localEndsAt: string;
  /** At the start: "BST". */
  readonly timeZoneAbbreviation: string;
  /** At the start: "+01:00". */
  readonly utcOffset: string;
  /** null: unlimited. */
  readonly capacity: number | null;
  readonly registeredCount: number;
  readonly waitingCount: number;
  /** null: unlimited; 0: new registrations join the waiting list. */
  readonly placesLeft: number | null;
  readonly themes: readonly Theme[];
  readonly organiser: Clinician;
  readonly regionFocus: WebinarRegionFocus | null;
  readonly myRegistration: MyWebinarRegistration | null;
  readonly canManage: boolean;
  readonly isLive: boolean;
  readonly isPast: boolean;
}

/** Everything the detail, edit and registrants pages show. */
export interface Webinar extends WebinarSummary {
  readonly description: string;
  /** Safe HTML rendered by the API. */
  readonly descriptionHtml: string;
  readonly speakers: readonly WebinarSpeaker[];
  readonly series: WebinarSeriesSummary | null;
  readonly detachedFromSeries: boolean;
  readonly sequence: number;
  readonly cancelReason: string | null;
  readonly isSpeaker: boolean;
  /** Only for those entitled, and only from joinUrlAvailableAt. */
  readonly joinUrl: string | null;
  readonly joinUrlAvailableAt: string;
  /** The link as entered: organiser and admins only. */
  readonly configuredJoinUrl: string | null;
  /** null for signed-out viewers. */
  readonly thread: WebinarThread | null;
  readonly resources: readonly WebinarResource[];
  readonly pageUrl: string;
  readonly icsUrl: string;
  readonly googleCalendarUrl: string;
  readonly outlookCalendarUrl: string;
  readonly publishedAt: string | null;
  readonly cancelledAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A WHAMinar on the map layer. */
export type MapWebinar = Pick<WebinarSummary, '__typename' | 'id' | 'title' | 'status' | 'startsAt' | 'endsAt' | 'timeZone' | 'themes' | 'regionFocus'>;

export interface WebinarConnection {
  readonly __typename?: 'WebinarConnection';
  readonly nodes: readonly WebinarSummary[];
  readonly totalCount: number;
  readonly pageInfo: PageInfo;
}

export interface RecommendedWebinar {
  readonly __typename?: 'RecommendedWebinar';
  readonly webinar: WebinarSummary;
  readonly sharedThemes: readonly Theme[];
  readonly reason: string;
}

/** The organiser's view of one person. */
export interface WebinarRegistration {
  readonly __typename?: 'WebinarRegistration';
  readonly user: Clinician;
  readonly status: WebinarRegistrationStatus;
  readonly waitingPosition: number | null;
  readonly signedUpAt: string;
  readonly registeredAt: string | null;
  readonly cancelledAt: string | null;
  readonly attended: boolean;
  readonly attendedAt: string | null;
  /** organiser | check-in */
  readonly attendanceSource: string | null;
}

/** `userId`, or `name` (+ `affiliation`): not both. */
export interface WebinarSpeakerInput {
  userId?: string | null;
  name?: string | null;
  affiliation?: string | null;
}

export interface WebinarRegionFocusInput {
  region: WebinarRegion;
  point?: PointInput | null;
  placeName?: string | null;
}

export interface CreateWebinarInput {
  title: string;
  /** Markdown. */
  description?: string;
  /** Local wall time in timeZone, "2027-03-28T10:00" (no offset). */
  startsAt: string;
  /** IANA name. */
  timeZone: string;
  durationMinutes?: number | null;
  /** A local end (same zone), instead of durationMinutes. */
  endsAt?: string | null;
  joinUrl: string;
  /** Omitted: unlimited. */
  capacity?: number | null;
  themes?: ThemeId[];
  speakers?: WebinarSpeakerInput[];
  regionFocus?: WebinarRegionFocusInput | null;
  /** An RRULE line without DTSTART, e.g. "FREQ=MONTHLY;BYDAY=2TU;COUNT=6". */
  recurrence?: string | null;
  /** false: a draft. */
  publish?: boolean;
}

/** Every field optional; capacity null = unlimited, regionFocus null removes it. */
export interface UpdateWebinarInput {
  title?: string;
  description?: string;
  startsAt?: string;
  timeZone?: string;
  durationMinutes?: number | null;
  endsAt?: string | null;
  joinUrl?: string;
  capacity?: number | null;
  themes?: ThemeId[];
  speakers?: WebinarSpeakerInput[];
  regionFocus?: WebinarRegionFocusInput | null;
}

export interface WebinarFilterInput {
  /** Any of. */
  themes?: ThemeId[];
  /** startsAt in [from, to). */
  from?: string;
  to?: string;
  status?: WebinarStatus;
  /** false/omitted: not yet ended, soonest first; true: ended, latest first. */
  past?: boolean;
  /** Only mine (registered or waiting). */
  registered?: boolean;
  /** Only those I organise, drafts included. */
  organising?: boolean;
}

export interface WebinarResourceInput {
  kind: WebinarResourceKind;
  title: string;
  url: string;
}

export interface WebinarsVariables {
  filter?: WebinarFilterInput | null;
  first?: number;
  after?: string | null;
}

export interface WebinarsInBBoxVariables {
  bbox: BBoxInput;
  themes?: ThemeId[] | null;
}
