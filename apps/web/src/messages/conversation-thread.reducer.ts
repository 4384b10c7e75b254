import type { ConversationMember, Message } from '@kindred/api-client';
import type { ReadEvent, TypingEvent } from '@kindred/domain';
import { fromGraphQLMessage, mergeMessages, quoteOf, type QuotedMessage, type ThreadMessage } from './message-list.util';

/** Someone else's "typing" lapses after this long without a fresh signal (their stop may be lost). */
export const TYPING_LAPSE_MS = 6_000;

export interface ThreadState {
  /** Stored messages, by seq, each once. */
  readonly messages: readonly ThreadMessage[];
  /** Parents of replies that are not among the loaded messages. */
  readonly quotes: Readonly<Record<string, QuotedMessage>>;
  /** Whether the first page has arrived. */
  readonly loaded: boolean;
  /** Cursor for older messages; null when there are none. */
  readonly olderCursor: string | null;
  /** Who is typing now: userId → name and when we last heard. */
  readonly typing: Readonly<Record<string, { readonly displayName: string; readonly at: number }>>;
  /** How far each member has read: userId → seq. */
  readonly readSeqs: Readonly<Record<string, number>>;
}

export const EMPTY_THREAD: ThreadState = { messages: [], quotes: {}, loaded: false, olderCursor: null, typing: {}, readSeqs: {} };

export type ThreadAction =
  /** A page from `conversationMessages` (newest first). `older`: a page further back. */
  | { type: 'page'; nodes: readonly Message[]; hasMore: boolean; endCursor: string | null; older: boolean }
  /** Stored messages from the socket (new, updated, acked, caught up) or a mutation's answer. */
  | { type: 'received'; messages: readonly ThreadMessage[] }
  | { type: 'typing'; event: TypingEvent; at: number }
  | { type: 'typing-lapsed'; now: number }
  | { type: 'read'; event: Pick<ReadEvent, 'userId' | 'seq'> }
  | { type: 'members'; members: readonly ConversationMember[] };

function withQuotes(quotes: ThreadState['quotes'], nodes: readonly Message[]): ThreadState['quotes'] {
  const parents = nodes.flatMap((n) => (n.parent ? [n.parent] : []));
  if (!parents.length) return quotes;
  const next = { ...quotes };
  for (const p of parents) next[p.id] = quoteOf(p);
  return next;
}

function withoutTypist(typing: ThreadState['typing'], userIds: readonly (string | undefined)[]): ThreadState['typing'] {
  const present = userIds.filter((id): id is string => !!id && id in typing);
  if (!present.length) return typing;
  const next = { ...typing };
  for (const id of present) delete next[id];
  return next;
}

export function threadReducer(state: ThreadState, action: ThreadAction): ThreadState {
  switch (action.type) {
    case 'page': {
      const messages = mergeMessages(state.messages, action.nodes.map(fromGraphQLMessage), 'existing');
      const cursor = action.hasMore ? action.endCursor : null;
      return {
        ...state,
        messages,
        quotes: withQuotes(state.quotes, action.nodes),
        loaded: true,
        // A refetch of the newest page must not forget how far back we had already gone.
        olderCursor: action.older || !state.loaded ? cursor : state.olderCursor,
      };
    }
    case 'received': {
      const messages = mergeMessages(state.messages, action.messages, 'incoming');
      // Someone whose message just arrived has stopped typing it.
      const typing = withoutTypist(state.typing, action.messages.map((m) => m.author?.id));
      if (messages === state.messages && typing === state.typing) return state;
      return { ...state, messages, typing };
    }
    case 'typing': {
      const { userId, displayName, typing } = action.event;
      if (!typing) {
        const next = withoutTypist(state.typing, [userId]);
        return next === state.typing ? state : { ...state, typing: next };
      }
      return { ...state, typing: { ...state.typing, [userId]: { displayName, at: action.at } } };
    }
    case 'typing-lapsed': {
      const stale = Object.entries(state.typing).filter(([, t]) => action.now - t.at >= TYPING_LAPSE_MS).map(([id]) => id);
      const typing = withoutTypist(state.typing, stale);
      return typing === state.typing ? state : { ...state, typing };
    }
    case 'read': {
      const { userId, seq } = action.event;
      if ((state.readSeqs[userId] ?? 0) >= seq) return state; // read marks never move back
      return { ...state, readSeqs: { ...state.readSeqs, [userId]: seq } };
    }
    case 'members': {
      let readSeqs = state.readSeqs;
      for (const m of action.members) {
        if ((readSeqs[m.user.id] ?? 0) < m.lastReadSeq) readSeqs = { ...readSeqs, [m.user.id]: m.lastReadSeq };
      }
      return readSeqs === state.readSeqs ? state : { ...state, readSeqs };
    }
  }
}

/** "Dr Asha Patel is typing…", "Dr Asha Patel and Sam Okafor are typing…", "3 people are typing…". */
export function typingText(typing: ThreadState['typing']): string {
  const names = Object.values(typing).map((t) => t.displayName);
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
}
