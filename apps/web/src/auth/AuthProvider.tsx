import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useLocation, useNavigate } from 'react-router';
import { SIGN_OUT, type Account, type AuthPayload } from '@kindred/api-client';
import { AuthContext, type AuthContextValue, type AuthStatus } from './AuthContext';
import type { AuthSession } from './auth-session';
import type { AuthLinkContext } from './auth-link';

export const SESSION_ENDED_MESSAGE = 'Your session has ended. Please sign in again.';

interface AuthState {
  status: AuthStatus;
  account: Account | null;
}

function initialState(session: AuthSession): AuthState {
  if (session.isSignedIn()) return { status: 'signed-in', account: session.getAccount() };
  return { status: session.getRefreshToken() ? 'restoring' : 'signed-out', account: null };
}

/** Owns the signed-in state for the React tree; the tokens themselves live in AuthSession. */
export function AuthProvider({ session, children }: { session: AuthSession; children: ReactNode }) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef(location);
  useEffect(() => {
    here.current = location;
  }, [location]);
  const [state, setState] = useState<AuthState>(() => initialState(session));

  useEffect(
    () =>
      session.subscribe((event) => {
        if (event.type === 'ended') {
          // The router applies navigations as transitions. Signing out in the same transition
          // lets the page change and the session end render together; otherwise a protected page
          // would see "signed out" first and redirect to sign-in over our own navigation.
          startTransition(() => setState({ status: 'signed-out', account: null }));
          void client.clearStore();
          if (event.reason === 'expired') {
            const next = `${here.current.pathname}${here.current.search}`;
            navigate(`/sign-in?next=${encodeURIComponent(next)}`, { state: { message: SESSION_ENDED_MESSAGE } });
          }
        } else {
          setState({ status: 'signed-in', account: event.account });
        }
      }),
    [session, client, navigate],
  );

  // Restore the session from the stored refresh token on start.
  useEffect(() => {
    if (session.isSignedIn() || !session.getRefreshToken()) return;
    let cancelled = false;
    void session.refresh().then((ok) => {
      if (!ok && !cancelled) setState({ status: 'signed-out', account: null });
    });
    return () => {
      cancelled = true;
    };
  }, [session]);

  const signedIn = useCallback((payload: AuthPayload) => session.start(payload), [session]);

  const signOut = useCallback(async () => {
    const refreshToken = session.getRefreshToken();
    if (refreshToken) {
      const context: AuthLinkContext = { skipSessionRefresh: true };
      // Revoke the token on the server when we can; signing out locally must work regardless.
      await client.mutate({ mutation: SIGN_OUT, variables: { refreshToken }, context }).catch(() => undefined);
    }
    session.end('signed-out');
    navigate('/', { state: { flash: 'You have signed out.' } });
  }, [client, navigate, session]);

  const accountDeleted = useCallback(() => {
    session.end('account-deleted');
    navigate('/', { state: { flash: 'Your account and everything in it have been deleted.' } });
  }, [navigate, session]);

  const accountChanged = useCallback((account: Account) => session.updateAccount(account), [session]);

  const value = useMemo<AuthContextValue>(
    () => ({ ...state, signedIn, signOut, accountDeleted, accountChanged }),
    [state, signedIn, signOut, accountDeleted, accountChanged],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
