import type { Conversation, ConversationLastMessage } from '@kindred/api-client';
import { ERROR_CODES, REACTIONS, type SocketError } from '@kindred/domain';

export const DELETED_TEXT = 'This message was deleted';
export const HIDDEN_TEXT = 'Hidden by a moderator';

/** A refusal in words a person can act on; the API's own message when it is specific. */
export function sendErrorText(error: SocketError, otherName?: string | null): string {
  switch (error.code) {
    case ERROR_CODES.rateLimited:
      return 'You are sending messages too quickly. Wait a few seconds, then try again.';
    case ERROR_CODES.notAMember:
      return 'You are no longer in this conversation.';
    case ERROR_CODES.messagingClosed:
      return otherName ? `${otherName} is not accepting messages from you.` : 'This conversation is closed to new messages.';
    case ERROR_CODES.blocked:
      return otherName ? `You cannot message ${otherName}.` : 'You cannot message this person.';
    case ERROR_CODES.requestPending:
      return otherName ? `Wait for ${otherName} to accept your request.` : 'Wait for your request to be accepted.';
    case ERROR_CODES.suspended:
      return 'Your account is suspended.';
    default:
      return error.message || 'It could not be sent.';
  }
}

const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit' });
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const FULL = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short' });

/** "14:05" today, "Mon 14:05" this week, then "4 Mar 2026". */
export function messageTime(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return '';
  const sameDay = then.toDateString() === now.toDateString();
  if (sameDay) return TIME.format(then);
  if (now.getTime() - then.getTime() < 6 * 24 * 3600 * 1000) return WEEKDAY.format(then);
  return DATE.format(then);
}

/** The full date and time, for a tooltip and screen readers. */
export function messageTimeFull(iso: string): string {
  const then = new Date(iso);
  return Number.isNaN(then.getTime()) ? '' : FULL.format(then);
}

/** One line for the inbox: "You: see you then", "Sam: thanks", or what became of the message. */
export function lastMessagePreview(conversation: Pick<Conversation, 'kind'>, last: ConversationLastMessage | null): string {
  if (!last) return 'No messages yet';
  const text = last.hiddenAt ? HIDDEN_TEXT : last.deletedAt || last.body === null ? DELETED_TEXT : last.body.replace(/\s+/g, ' ');
  if (last.isMine) return `You: ${text}`;
  if (conversation.kind !== 'direct' && last.author) return `${last.author.displayName}: ${text}`;
  return text;
}

export function unreadLabel(count: number): string {
  return count === 1 ? '1 unread message' : `${count} unread messages`;
}

export function reactionLabel(emoji: string): string {
  return REACTIONS.find((r) => r.emoji === emoji)?.label ?? emoji;
}

/** "thumbs up: 2 people, including you". */
export function reactionSummary(emoji: string, count: number, mine: boolean): string {
  const people = count === 1 ? '1 person' : `${count} people`;
  if (mine && count === 1) return `${reactionLabel(emoji)}: you`;
  return `${reactionLabel(emoji)}: ${people}${mine ? ', including you' : ''}`;
}

/** Cuts a quoted body to a line. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
