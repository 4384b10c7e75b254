import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadingState } from '../layout/LoadingState';
import { useAuth } from './useAuth';

/** Shows its children to signed-in users; sends everyone else to sign in and back again. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <LoadingState label="Checking your session…" />;
  if (status === 'signed-out') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}`} replace state={{ message: 'Please sign in to continue.' }} />;
  }
  return <>{children}</>;
}
