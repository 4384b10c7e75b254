import type { Clinician, Webinar, WebinarRegistration, WebinarSummary } from '@kindred/api-client';

export const ORGANISER: Clinician = {
  __typename: 'Clinician',
  id: 'org-1',
  displayName: 'Dr Demo Organiser',
  profession: 'doctor',
  professionLabel: 'Doctor',
  specialty: 'General practice',
  organisation: 'Kindred demo',
  role: 'organiser',
};

export function personFixture(id: string, displayName: string, overrides: Partial<Clinician> = {}): Clinician {
  return {
    __typename: 'Clinician',
    id,
    displayName,
    profession: 'nurse',
    professionLabel: 'Nurse',
    specialty: null,
    organisation: 'Bradford Community Health',
    role: 'clinician',
    ...overrides,
  };
}

/**
 * A published WHAMinar on Tuesday 9 March 2027 at 10:00 London time (GMT, so 10:00 UTC), an hour
 * long, 40 places with 12 taken, seen by a signed-in clinician who has not registered.
 */
export function webinarFixture(overrides: Partial<Webinar> = {}): Webinar {
  return {
    __typename: 'Webinar',
    id: 'web-1',
    title: 'Asking about money in a 10-minute consultation',
    status: 'published',
    startsAt: '2027-03-09T10:00:00.000Z',
    endsAt: '2027-03-09T11:00:00.000Z',
    durationMinutes: 60,
    timeZone: 'Europe/London',
    localStartsAt: '2027-03-09T10:00',
    localEndsAt: '2027-03-09T11:00',
    timeZoneAbbreviation: 'GMT',
    utcOffset: '+00:00',
    capacity: 40,
    registeredCount: 12,
    waitingCount: 0,
    placesLeft: 28,
    themes: [{ __typename: 'Theme', id: 'child-poverty', label: 'Child poverty', group: 'determinant' }],
    organiser: ORGANISER,
    regionFocus: null,
    myRegistration: null,
    canManage: false,
    isLive: false,
    isPast: false,
    description: 'How do you ask about **money**?',
    descriptionHtml: '<p>How do you ask about <strong>money</strong>?</p>',
    speakers: [{ __typename: 'WebinarSpeaker', user: null, name: 'Aisha Rahman', affiliation: 'Citizens Advice, Bradford' }],
    series: null,
    detachedFromSeries: false,
    sequence: 0,
    cancelReason: null,
    isSpeaker: false,
    joinUrl: null,
    joinUrlAvailableAt: '2027-03-09T09:30:00.000Z',
    configuredJoinUrl: null,
    thread: {
      __typename: 'WebinarThread',
      conversationId: 'conv-w1',
      status: 'open',
      opensAt: '2027-03-09T10:00:00.000Z',
      isOpenForPosting: false,
      isMember: false,
      memberCount: 13,
      pinnedMessage: null,
    },
    resources: [],
    pageUrl: 'http://localhost:3000/webinars/web-1',
    icsUrl: 'http://localhost:3000/api/webinars/web-1.ics',
    googleCalendarUrl: 'https://calendar.google.com/calendar/render?action=TEMPLATE',
    outlookCalendarUrl: 'https://outlook.live.com/calendar/0/deeplink/compose',
    publishedAt: '2027-01-01T09:00:00.000Z',
    cancelledAt: null,
    createdAt: '2027-01-01T09:00:00.000Z',
    updatedAt: '2027-01-01T09:00:00.000Z',
    ...overrides,
  };
}

/** The same WHAMinar as a list returns it (the summary fields only). */
export function summaryFixture(overrides: Partial<Webinar> = {}): WebinarSummary {
  const w = webinarFixture(overrides);
  return {
    __typename: 'Webinar',
    id: w.id,
    title: w.title,
    status: w.status,
    startsAt: w.startsAt,
    endsAt: w.endsAt,
    durationMinutes: w.durationMinutes,
    timeZone: w.timeZone,
    localStartsAt: w.localStartsAt,
    localEndsAt: w.localEndsAt,
    timeZoneAbbreviation: w.timeZoneAbbreviation,
    utcOffset: w.utcOffset,
    capacity: w.capacity,
    registeredCount: w.registeredCount,
    waitingCount: w.waitingCount,
    placesLeft: w.placesLeft,
    themes: w.themes,
    organiser: w.organiser,
    regionFocus: w.regionFocus,
    myRegistration: w.myRegistration,
    canManage: w.canManage,
    isLive: w.isLive,
    isPast: w.isPast,
  };
}

export function registrationFixture(user: Clinician, overrides: Partial<WebinarRegistration> = {}): WebinarRegistration {
  return {
    __typename: 'WebinarRegistration',
    user,
    status: 'registered',
    waitingPosition: null,
    signedUpAt: '2027-03-01T12:00:00.000Z',
    registeredAt: '2027-03-01T12:00:00.000Z',
    cancelledAt: null,
    attended: false,
    attendedAt: null,
    attendanceSource: null,
    ...overrides,
  };
}

export const myRegistration = (status: 'registered' | 'waiting' | 'cancelled', waitingPosition: number | null = null) => ({
  __typename: 'MyWebinarRegistration' as const,
  status,
  waitingPosition,
  registeredAt: status === 'registered' ? '2027-03-01T12:00:00.000Z' : null,
  emailReminders: true,
  attended: false,
  attendedAt: null,
});
