import { createContext, useContext } from 'react';
import type { AuthSession } from './auth-session';

/** What a REST download needs of the session: the current access token, and a refresh when it has expired. */
export type AccessTokenSource = Pick<AuthSession, 'getAccessToken' | 'refresh'>;

/**
 * The session for requests outside Apollo (file downloads sent with `Authorization: Bearer`).
 * Null outside the provider (specs): downloads then go without a token.
 */
export const AccessTokenContext = createContext<AccessTokenSource | null>(null);

export function useAccessTokenSource(): AccessTokenSource | null {
  return useContext(AccessTokenContext);
}
