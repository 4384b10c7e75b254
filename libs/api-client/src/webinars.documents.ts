import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  CreateWebinarInput,
  MapWebinar,
  RecommendedWebinar,
  UpdateWebinarInput,
  Webinar,
  WebinarConnection,
  WebinarRegistration,
  WebinarResourceInput,
  WebinarsInBBoxVariables,
  WebinarsVariables,
} from './webinars.types';

/** A person as WHAMinar pages show them (organiser, speaker, registrant). */
export const WEBINAR_PERSON_FIELDS = gql`
  fragment WebinarPersonFields on Clinician {
    id
    displayName
    profession
    professionLabel
    specialty
    organisation
    role
  }
`;

/** What a WHAMinar card in a list shows. */
export const WEBINAR_SUMMARY_FIELDS = gql`
  fragment WebinarSummaryFields on Webinar {
    id
    title
    status
    startsAt
    endsAt
    durationMinutes
    timeZone
    localStartsAt
    localEndsAt
    timeZoneAbbreviation
    utcOffset
    capacity
    registeredCount
    waitingCount
    placesLeft
    themes {
      id
      label
      group
    }
    organiser {
      ...WebinarPersonFields
    }
    regionFocus {
      region
      point {
        lat
        lng
      }
      placeName
    }
    myRegistration {
      status
      waitingPosition
      registeredAt
      emailReminders
      attended
      attendedAt
    }
    canManage
    isLive
    isPast
  }
  ${WEBINAR_PERSON_FIELDS}
`;

/** Everything the detail and edit pages show. */
export const WEBINAR_FIELDS = gql`
  fragment WebinarFields on Webinar {
    ...WebinarSummaryFields
    description
    descriptionHtml
    speakers {
      user {
        ...WebinarPersonFields
      }
      name
      affiliation
    }
    series {
      id
      rrule
      timeZone
      occurrenceCount
    }
    detachedFromSeries
    sequence
    cancelReason
    isSpeaker
    joinUrl
    joinUrlAvailableAt
    configuredJoinUrl
    thread {
      conversationId
      status
      opensAt
      isOpenForPosting
      isMember
      memberCount
      pinnedMessage {
        id
        body
        createdAt
        deletedAt
        hiddenAt
        author {
          id
          displayName
        }
      }
    }
    resources {
      id
      kind
      title
      url
      createdAt
    }
    pageUrl
    icsUrl
    googleCalendarUrl
    outlookCalendarUrl
    publishedAt
    cancelledAt
    createdAt
    updatedAt
  }
  ${WEBINAR_SUMMARY_FIELDS}
`;

/** Public. Upcoming soonest first, or past (`filter.past`) latest first; cursor-paged. */
export const WEBINARS: TypedDocumentNode<{ webinars: WebinarConnection }, WebinarsVariables> = gql`
  query Webinars($filter: WebinarFilterInput, $first: Int, $after: String) {
    webinars(filter: $filter, first: $first, after: $after) {
      nodes {
        ...WebinarSummaryFields
      }
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${WEBINAR_SUMMARY_FIELDS}
`;

/** Signed in: published, not started, not mine, not signed up for; most shared themes first. */
export const RECOMMENDED_WEBINARS: TypedDocumentNode<{ recommendedWebinars: RecommendedWebinar[] }, { first?: number }> = gql`
  query RecommendedWebinars($first: Int) {
    recommendedWebinars(first: $first) {
      webinar {
        ...WebinarSummaryFields
      }
      sharedThemes {
        id
        label
        group
      }
      reason
    }
  }
  ${WEBINAR_SUMMARY_FIELDS}
`;

/** Public; drafts only for their organiser and admins (NOT_FOUND otherwise). */
export const WEBINAR: TypedDocumentNode<{ webinar: Webinar }, { id: string }> = gql`
  query Webinar($id: ID!) {
    webinar(id: $id) {
      ...WebinarFields
    }
  }
  ${WEBINAR_FIELDS}
`;

/** Public: the map layer (published, not ended, with a region point in the box; at most 200). */
export const WEBINARS_IN_BBOX: TypedDocumentNode<{ webinarsInBBox: MapWebinar[] }, WebinarsInBBoxVariables> = gql`
  query WebinarsInBBox($bbox: BBoxInput!, $themes: [String!]) {
    webinarsInBBox(bbox: $bbox, themes: $themes) {
      id
      title
      status
      startsAt
      endsAt
      timeZone
      themes {
        id
        label
        group
      }
      regionFocus {
        region
        point {
          lat
          lng
        }
        placeName
      }
    }
  }
`;

export const WEBINAR_REGISTRATION_FIELDS = gql`
  fragment WebinarRegistrationFields on WebinarRegistration {
    user {
      ...WebinarPersonFields
    }
    status
    waitingPosition
    signedUpAt
    registeredAt
    cancelledAt
    attended
    attendedAt
    attendanceSource
  }
  ${WEBINAR_PERSON_FIELDS}
`;

/** Its organiser or an admin: places first, then the waiting list in order, then cancellations. */
export const WEBINAR_REGISTRATIONS: TypedDocumentNode<{ webinarRegistrations: WebinarRegistration[] }, { webinarId: string }> = gql`
  query WebinarRegistrations($webinarId: ID!) {
    webinarRegistrations(webinarId: $webinarId) {
      ...WebinarRegistrationFields
    }
  }
  ${WEBINAR_REGISTRATION_FIELDS}
`;

/** Signed in: my private .ics feed of everything I hold a place at, organise or speak at. */
export const CALENDAR_FEED_URL: TypedDocumentNode<{ calendarFeedUrl: string }, Record<string, never>> = gql`
  query CalendarFeedUrl {
    calendarFeedUrl
  }
`;

/** A new feed URL; the old one stops at once. */
export const RESET_CALENDAR_FEED_TOKEN: TypedDocumentNode<{ resetCalendarFeedToken: string }, Record<string, never>> = gql`
  mutation ResetCalendarFeedToken {
    resetCalendarFeedToken
  }
`;

/** Organiser or admin role. Returns the first occurrence of a series. */
export const CREATE_WEBINAR: TypedDocumentNode<{ createWebinar: Webinar }, { input: CreateWebinarInput }> = gql`
  mutation CreateWebinar($input: CreateWebinarInput!) {
    createWebinar(input: $input) {
      ...WebinarFields
    }
  }
  ${WEBINAR_FIELDS}
`;

/** Its organiser or an admin; detaches an occurrence from its series. */
export const UPDATE_WEBINAR: TypedDocumentNode<{ updateWebinar: Webinar }, { id: string; input: UpdateWebinarInput }> = gql`
  mutation UpdateWebinar($id: ID!, $input: UpdateWebinarInput!) {
    updateWebinar(id: $id, input: $input) {
      ...WebinarFields
    }
  }
  ${WEBINAR_FIELDS}
`;

export const PUBLISH_WEBINAR: TypedDocumentNode<{ publishWebinar: Webinar }, { id: string; wholeSeries?: boolean }> = gql`
  mutation PublishWebinar($id: ID!, $wholeSeries: Boolean) {
    publishWebinar(id: $id, wholeSeries: $wholeSeries) {
      ...WebinarFields
    }
  }
  ${WEBINAR_FIELDS}
`;

export const CANCEL_WEBINAR: TypedDocumentNode<{ cancelWebinar: Webinar }, { id: string; reason?: string | null; wholeSeries?: boolean }> = gql`
  mutation CancelWebinar($id: ID!, $reason: String, $wholeSeries: Boolean) {
    cancelWebinar(id: $id, reason: $reason, wholeSeries: $wholeSeries) {
      ...WebinarFields
    }
  }
  ${WEBINAR_FIELDS}
`;

export const FINISH_WEBINAR: TypedDocumentNode<{ finishWebinar: Webinar }, { id: string }> = gql`
  mutation FinishWebinar($id: ID!) {
    finishWebinar(id: $id) {
      ...WebinarFields
    }
  }
  ${WEBINAR_FIELDS}
`;

/** A place, or the waiting list when full. */
export const REGISTER_FOR_WEBINAR: TypedDocumentNode<{ registerForWebinar: Webinar }, { webinarId: string; emailReminders?: boolean }> = gql`
  mutation RegisterForWebinar($webinarId: ID!, $emailReminders: Boolean) {
    registerForWebinar(webinarId: $webinarId, emailReminders: $emailReminders) {
      ...WebinarFields
    }
  }
  ${WEBINAR_FIELDS}
`;

export const CANCEL_WEBINAR_REGISTRATION: TypedDocumentNode<{ cancelWebinarRegistration: Webinar }, { webinarId: string }> = gql`
  mutation CancelWebinarRegistration($webinarId: ID!) {
    cancelWebinarRegistration(webinarId: $webinarId) {
      ...WebinarFields
    }
  }
  ${WEBINAR_FIELDS}
`;

/** A registrant holding a place, from the start to the end. */
export const CHECK_IN_TO_WEBINAR: TypedDocumentNode<{ checkInToWebinar: Webinar }, { webinarId: string }> = gql`
  mutation CheckInToWebinar($webinarId: ID!) {
    checkInToWebinar(webinarId: $webinarId) {
      ...WebinarFields
    }
  }
  ${WEBINAR_FIELDS}
`;

/** Once started, for people holding a place; returns the whole list. */
export const MARK_WEBINAR_ATTENDANCE: TypedDocumentNode<
  { markWebinarAttendance: WebinarRegistration[] },
  { webinarId: string; userIds: string[]; attended: boolean }
> = gql`
  mutation MarkWebinarAttendance($webinarId: ID!, $userIds: [ID!]!, $attended: Boolean!) {
    markWebinarAttendance(webinarId: $webinarId, userIds: $userIds, attended: $attended) {
      ...WebinarRegistrationFields
    }
  }
  ${WEBINAR_REGISTRATION_FIELDS}
`;

export const CLOSE_WEBINAR_THREAD: TypedDocumentNode<{ closeWebinarThread: Webinar }, { webinarId: string }> = gql`
  mutation CloseWebinarThread($webinarId: ID!) {
    closeWebinarThread(webinarId: $webinarId) {
      ...WebinarFields
    }
  }
  ${WEBINAR_FIELDS}
`;

export const REOPEN_WEBINAR_THREAD: TypedDocumentNode<{ reopenWebinarThread: Webinar }, { webinarId: string }> = gql`
  mutation ReopenWebinarThread($webinarId: ID!) {
    reopenWebinarThread(webinarId: $webinarId) {
      ...WebinarFields
    }
  }
  ${WEBINAR_FIELDS}
`;

/** `messageId` null unpins. */
export const PIN_WEBINAR_MESSAGE: TypedDocumentNode<{ pinWebinarMessage: Webinar }, { webinarId: string; messageId: string | null }> = gql`
  mutation PinWebinarMessage($webinarId: ID!, $messageId: ID) {
    pinWebinarMessage(webinarId: $webinarId, messageId: $messageId) {
      ...WebinarFields
    }
  }
  ${WEBINAR_FIELDS}
`;

export const ADD_WEBINAR_RESOURCE: TypedDocumentNode<{ addWebinarResource: Webinar }, { webinarId: string; input: WebinarResourceInput }> = gql`
  mutation AddWebinarResource($webinarId: ID!, $input: WebinarResourceInput!) {
    addWebinarResource(webinarId: $webinarId, input: $input) {
      ...WebinarFields
    }
  }
  ${WEBINAR_FIELDS}
`;

export const REMOVE_WEBINAR_RESOURCE: TypedDocumentNode<{ removeWebinarResource: Webinar }, { resourceId: string }> = gql`
  mutation RemoveWebinarResource($resourceId: ID!) {
    removeWebinarResource(resourceId: $resourceId) {
      ...WebinarFields
    }
  }
  ${WEBINAR_FIELDS}
`;
