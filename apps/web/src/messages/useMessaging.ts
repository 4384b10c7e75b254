import { useContext } from 'react';
import { MessagingContext, type MessagingContextValue } from './MessagingContext';

/** The live connection, its state and the outbox (inert outside a MessagingProvider). */
export function useMessaging(): MessagingContextValue {
  return useContext(MessagingContext);
}
