import { createContext } from 'react';
import type { Account, AuthPayload } from '@kindred/api-client';

export type AuthStatus = 'restoring' | 'signed-in' | 'signed-out';

export interface AuthContextValue {
  readonly status: AuthStatus;
  readonly account: Account | null;
  /** Call with the payload of signIn/signUp. */
  readonly signedIn: (payload: AuthPayload) => void;
  readonly signOut: () => Promise<void>;
  /** After deleteAccount succeeded: forget everything and go home. */
  readonly accountDeleted: () => void;
  readonly accountChanged: (account: Account) => void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
