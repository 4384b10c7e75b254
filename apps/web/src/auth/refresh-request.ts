import { print } from 'graphql';
import { REFRESH_SESSION, type AuthPayload } from '@kindred/api-client';
import { RefreshRejectedError } from './auth-session';

interface GraphQLResponse {
  data?: { refreshSession?: AuthPayload } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const REFRESH_QUERY = print(REFRESH_SESSION);

/**
 * Calls `refreshSession` with plain fetch rather than through Apollo, so the auth link can never
 * recurse into itself while it waits for a new token.
 */
export async function requestRefresh(refreshToken: string, fetchImpl: typeof fetch = fetch): Promise<AuthPayload> {
  const response = await fetchImpl('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ operationName: 'RefreshSession', query: REFRESH_QUERY, variables: { refreshToken } }),
  });
  let body: GraphQLResponse;
  try {
    body = (await response.json()) as GraphQLResponse;
  } catch {
    throw new Error(`Refreshing the session failed (HTTP ${response.status}).`);
  }
  const error = body.errors?.[0];
  if (error) throw new RefreshRejectedError(error.message, error.extensions?.code);
  const payload = body.data?.refreshSession;
  if (!payload) throw new Error('Refreshing the session returned no session.');
  return payload;
}
