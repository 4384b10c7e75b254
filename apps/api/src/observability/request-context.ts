import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line and audit entry of one HTTP request can find without it being passed along. */
export interface RequestContext {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** The id of the HTTP request being handled, if any (none in commands, timers and socket events). */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
