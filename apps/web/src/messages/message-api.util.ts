import type { ApolloClient } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { SEND_MESSAGE } from '@kindred/api-client';
import type { SendMessagePayload, SocketError, SocketMessage } from '@kindred/domain';
import { fromGraphQLMessage } from './message-list.util';
import { SendRefusedError } from './message-outbox';

/** The API's refusal (code, message, field) inside a failed GraphQL operation; null for network failures. */
export function refusalOf(error: unknown): SocketError | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const first = error.errors[0];
  if (!first) return null;
  const ext = first.extensions ?? {};
  const code = typeof ext['code'] === 'string' ? ext['code'] : 'ERROR';
  const field = typeof ext['field'] === 'string' ? ext['field'] : undefined;
  return { code, message: first.message, ...(field ? { field } : {}) };
}

/** The outbox's way round a socket that is down: `sendMessage` with the same client id. */
export async function sendOverGraphQL(client: ApolloClient, payload: SendMessagePayload): Promise<SocketMessage> {
  try {
    const { data } = await client.mutate({
      mutation: SEND_MESSAGE,
      variables: {
        input: {
          conversationId: payload.conversationId,
          clientId: payload.clientId,
          body: payload.body,
          parentId: payload.parentId ?? null,
          mentionIds: payload.mentionIds ?? [],
        },
      },
    });
    if (!data) throw new Error('Sending returned nothing.');
    return fromGraphQLMessage(data.sendMessage);
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) throw new SendRefusedError(refusal);
    throw error;
  }
}
