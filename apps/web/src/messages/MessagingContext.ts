import { createContext } from 'react';
import type { MessageOutbox } from './message-outbox';
import type { ConnectionStatus } from './messaging-connection';
import type { MessagingTransport } from './messaging-transport';

export interface MessagingContextValue {
  /** The signed-in session's socket; null when signed out. */
  readonly transport: MessagingTransport | null;
  readonly status: ConnectionStatus;
  /** Messages on their way; null when signed out. */
  readonly outbox: MessageOutbox | null;
}

export const NO_MESSAGING: MessagingContextValue = { transport: null, status: 'offline', outbox: null };

export const MessagingContext = createContext<MessagingContextValue>(NO_MESSAGING);
