/**
 * Conversations: limits, choices and the socket.io contract shared by the API gateway, the web
 * app and the realtime tests and benchmark. One definition, so both ends agree.
 */

export const MESSAGING_LIMITS = {
  /** Characters in one message body (after trimming). */
  bodyMax: 4000,
  /** Members of a group conversation, its creator included. */
  groupMembersMax: 50,
  groupTitle: { min: 1, max: 80 },
  /** A client id (idempotency key) is 8 to 64 characters of letters, digits, `-` and `_`. */
  clientIdPattern: /^[A-Za-z0-9_-]{8,64}$/,
  /** Flood control: at most this many messages from one user... */
  floodMessages: 20,
  /** ...in this many seconds (across every conversation and API instance). */
  floodWindowSeconds: 10,
  /** Report reason text. */
  reportDetailsMax: 1000,
  /** Messages per catch-up (sync) answer; a client asks again while `hasMore`. */
  syncPageMax: 200,
  /** Messages per page in `conversationMessages`. */
  pageMax: 100,
} as const;

/** The reactions people can add to a message (a short fixed set keeps it calm and accessible). */
export const REACTIONS = [
  { emoji: '👍', label: 'thumbs up' },
  { emoji: '❤️', label: 'heart' },
  { emoji: '🎉', label: 'celebrate' },
  { emoji: '🙏', label: 'thank you' },
  { emoji: '💡', label: 'good idea' },
  { emoji: '😮', label: 'surprised' },
] as const;
export type ReactionEmoji = (typeof REACTIONS)[number]['emoji'];
export const REACTION_EMOJI: readonly string[] = REACTIONS.map((r) => r.emoji);

/** Who may send me a first direct message (a message request). */
export const MESSAGE_POLICIES = [
  { id: 'anyone', label: 'Anyone on Kindred' },
  { id: 'shared-theme', label: 'Only people whose projects share a theme with mine' },
  { id: 'nobody', label: 'Nobody (people I already talk with can still message me)' },
] as const;
export type MessagePolicy = (typeof MESSAGE_POLICIES)[number]['id'];
export const MESSAGE_POLICY_IDS: readonly string[] = MESSAGE_POLICIES.map((p) => p.id);

export const REPORT_REASONS = [
  { id: 'spam', label: 'Spam or advertising' },
  { id: 'harassment', label: 'Harassment or abuse' },
  { id: 'patient-data', label: 'Shares patient-identifiable information' },
  { id: 'misinformation', label: 'Unsafe or misleading clinical information' },
  { id: 'other', label: 'Something else' },
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number]['id'];
export const REPORT_REASON_IDS: readonly string[] = REPORT_REASONS.map((r) => r.id);

/** `direct`: two people, one per pair. `group`: named, up to 50. `webinar`: a WHAMinar's thread. */
export type ConversationKind = 'direct' | 'group' | 'webinar';
/** A direct conversation starts as a `request` until the recipient accepts (`open`) or declines. */
export type ConversationStatus = 'request' | 'open' | 'declined' | 'closed';

/** Server → client and client → server event names on the socket.io connection. */
export const SOCKET_EVENTS = {
  // client → server, each with an ack callback answering SocketAck<...>
  send: 'message:send',
  edit: 'message:edit',
  delete: 'message:delete',
  react: 'message:react',
  typing: 'typing',
  read: 'conversation:read',
  sync: 'sync',
  renew: 'session:renew',
  // server → client
  messageNew: 'message:new',
  messageUpdated: 'message:updated',
  typingUpdate: 'typing',
  readUpdate: 'conversation:read',
  conversationUpdated: 'conversation:updated',
  conversationRemoved: 'conversation:removed',
  notification: 'notification:new',
  sessionExpired: 'session:expired',
} as const;

export interface SocketAuthor {
  id: string;
  displayName: string;
  profession: string;
}

export interface SocketReaction {
  emoji: string;
  count: number;
  userIds: string[];
}

/** A stored message as it travels over the socket (the GraphQL `Message` has the same fields). */
export interface SocketMessage {
  id: string;
  conversationId: string;
  /** Position in its conversation: 1, 2, 3... (gapless, in commit order). */
  seq: number;
  clientId: string;
  author: SocketAuthor | null;
  /** Null once deleted by its author or hidden by a moderator. */
  body: string | null;
  parentId: string | null;
  mentionIds: string[];
  reactions: SocketReaction[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  hiddenAt: string | null;
}

export interface SocketError {
  code: string;
  message: string;
  field?: string;
}

export type SocketAck<T> = { ok: true; data: T } | { ok: false; error: SocketError };

export interface SendMessagePayload {
  conversationId: string;
  clientId: string;
  body: string;
  parentId?: string | null;
  mentionIds?: string[];
}

export interface EditMessagePayload {
  messageId: string;
  body: string;
}

export interface MessageIdPayload {
  messageId: string;
}

export interface ReactPayload {
  messageId: string;
  emoji: string;
  /** true adds, false removes. */
  on: boolean;
}

export interface TypingPayload {
  conversationId: string;
  typing: boolean;
}

export interface ReadPayload {
  conversationId: string;
  /** The newest message the reader has seen. */
  messageId: string;
}

/** Catch-up: for each conversation, everything after the last message id the client saw. */
export interface SyncPayload {
  conversations: Array<{ conversationId: string; afterMessageId: string | null }>;
}

export interface SyncResult {
  /** One entry per asked conversation; `error` instead of messages when it cannot be read. */
  conversations: Array<{ conversationId: string; messages: SocketMessage[]; hasMore: boolean; error?: SocketError }>;
}

export interface TypingEvent {
  conversationId: string;
  userId: string;
  displayName: string;
  typing: boolean;
}

export interface ReadEvent {
  conversationId: string;
  userId: string;
  messageId: string;
  seq: number;
}

export interface ConversationEvent {
  conversationId: string;
  /** Why: created, request, accepted, declined, members, renamed, closed. */
  reason: string;
}
