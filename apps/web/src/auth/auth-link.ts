import { ApolloLink } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { Observable, type Subscription } from 'rxjs';
import { ERROR_CODES } from '@kindred/domain';
import type { AuthSession } from './auth-session';

export type SessionForLink = Pick<AuthSession, 'getAccessToken' | 'refresh' | 'end'>;

/** Set `{ skipSessionRefresh: true }` in an operation's context to pass UNAUTHENTICATED straight through. */
export interface AuthLinkContext {
  skipSessionRefresh?: boolean;
}

function isUnauthenticatedResult(result: ApolloLink.Result): boolean {
  const errors = 'errors' in result ? result.errors : undefined;
  return !!errors?.some((e) => e.extensions?.['code'] === ERROR_CODES.unauthenticated);
}

function isUnauthenticatedError(error: unknown): boolean {
  return ServerError.is(error) && error.statusCode === 401;
}

/**
 * Adds `Authorization: Bearer <access token>` to every request. When the API answers
 * UNAUTHENTICATED (the access token expired), refreshes the session once and retries the
 * operation with the new token; if that is impossible, ends the session as expired and lets
 * the error through.
 */
export function createAuthLink(session: SessionForLink): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const canRetry = !(operation.getContext() as AuthLinkContext).skipSessionRefresh;

    const send = () => {
      const token = session.getAccessToken();
      operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => {
        const next: Record<string, string> = { ...headers };
        if (token) next['authorization'] = `Bearer ${token}`;
        else delete next['authorization'];
        return { headers: next };
      });
      return forward(operation);
    };

    return new Observable<ApolloLink.Result>((observer) => {
      let current: Subscription | null = null;
      let closed = false;
      let retried = false;

      const giveUp = (deliver: () => void) => {
        session.end('expired');
        deliver();
      };

      // Called when the first attempt was refused for want of a valid token.
      const refreshThenRetry = (deliverOriginal: () => void) => {
        retried = true;
        session.refresh().then(
          (ok) => {
            if (closed) return;
            if (ok) attempt();
            else giveUp(deliverOriginal);
          },
          () => !closed && giveUp(deliverOriginal),
        );
      };

      const attempt = () => {
        let waiting = false;
        current = send().subscribe({
          next: (result) => {
            if (isUnauthenticatedResult(result)) {
              if (canRetry && !retried) {
                waiting = true;
                refreshThenRetry(() => {
                  observer.next(result);
                  observer.complete();
                });
                return;
              }
              if (canRetry) session.end('expired');
            }
            observer.next(result);
          },
          error: (error: unknown) => {
            if (isUnauthenticatedError(error) && canRetry && !retried) {
              waiting = true;
              refreshThenRetry(() => observer.error(error));
              return;
            }
            if (isUnauthenticatedError(error) && canRetry) session.end('expired');
            observer.error(error);
          },
          complete: () => {
            if (!waiting) observer.complete();
          },
        });
      };

      attempt();
      return () => {
        closed = true;
        current?.unsubscribe();
      };
    });
  });
}
