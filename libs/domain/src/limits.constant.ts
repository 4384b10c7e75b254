/** Limits shared by the API (validation) and the web app (form hints). */
export const LIMITS = {
  email: { max: 254 },
  password: { min: 10, max: 128 },
  displayName: { min: 2, max: 80 },
  organisation: { max: 120 },
  specialty: { max: 80 },
  bio: { max: 1000 },
  project: {
    title: { min: 3, max: 120 },
    summary: { min: 10, max: 2000 },
    themes: { min: 1, max: 5 },
    placeName: { max: 120 },
    links: { max: 5, urlMax: 500 },
  },
  page: { defaultSize: 20, maxSize: 100 },
  placeSearch: { maxResults: 10, queryMax: 80 },
  /** GraphQL/HTTP request body cap. */
  bodyBytes: 1_000_000,
} as const;

/** Stable GraphQL error codes (extensions.code). */
export const ERROR_CODES = {
  badUserInput: 'BAD_USER_INPUT',
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  emailTaken: 'EMAIL_TAKEN',
  weakPassword: 'WEAK_PASSWORD',
  invalidCredentials: 'INVALID_CREDENTIALS',
  unknownTheme: 'UNKNOWN_THEME',
  unknownPlace: 'UNKNOWN_PLACE',
  invalidToken: 'INVALID_TOKEN',
  notAMember: 'NOT_A_MEMBER',
  blocked: 'BLOCKED',
  rateLimited: 'RATE_LIMITED',
  messagingClosed: 'MESSAGING_CLOSED',
  requestPending: 'REQUEST_PENDING',
  conversationFull: 'CONVERSATION_FULL',
  suspended: 'ACCOUNT_SUSPENDED',
  // WHAMinars
  alreadyRegistered: 'ALREADY_REGISTERED',
  notRegistered: 'NOT_REGISTERED',
  registrationClosed: 'REGISTRATION_CLOSED',
  webinarClosed: 'WEBINAR_CLOSED',
  threadNotOpen: 'THREAD_NOT_OPEN',
  checkInClosed: 'CHECK_IN_CLOSED',
  // Hardening: refused before anything runs
  queryTooDeep: 'QUERY_TOO_DEEP',
  queryTooComplex: 'QUERY_TOO_COMPLEX',
  operationNotAllowed: 'OPERATION_NOT_ALLOWED',
  // The HTTP body itself, refused before GraphQL reads it
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  malformedRequest: 'MALFORMED_REQUEST',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
