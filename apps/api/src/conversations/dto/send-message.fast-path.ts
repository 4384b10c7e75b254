import { arrayMaxSize, arrayUnique, isUUID, length, matches } from 'class-validator';
import { MESSAGING_LIMITS } from '@kindred/domain';
import { SendMessageInput } from './message.inputs';

const { bodyMax, clientIdPattern, groupMembersMax } = MESSAGING_LIMITS;
const KNOWN_KEYS = new Set(['conversationId', 'clientId', 'body', 'parentId', 'mentionIds']);

/**
 * The socket's hot path for `message:send`: the rules of SendMessageInput (message.inputs.ts),
 * checked by hand with class-validator's own functions instead of class-transformer and
 * class-validator's decorators, which cost far more per message.
 *
 * It only ever says yes: it returns the input exactly as KindredValidationPipe would (a
 * SendMessageInput with the payload's properties, the body trimmed) when the payload is certainly
 * valid, and null for anything else (a broken rule, a property it does not know, an object that
 * is not plain), which the caller then hands to the pipe. So every refusal, with its code, fields
 * and messages, is the pipe's own. send-message.fast-path.spec.ts compares the two on many
 * payloads; a rule added to SendMessageInput must be added here too.
 */
export function fastSendMessageInput(payload: unknown): SendMessageInput | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  if (Object.getPrototypeOf(payload) !== Object.prototype) return null;
  const p = payload as Record<string, unknown>;
  for (const key of Object.keys(p)) if (!KNOWN_KEYS.has(key)) return null;

  const { conversationId, clientId, body, parentId, mentionIds } = p;
  if (!isUUID(conversationId, 'all')) return null;
  if (typeof clientId !== 'string' || !matches(clientId, clientIdPattern)) return null;
  if (typeof body !== 'string' || body.includes('\u0000')) return null;
  const trimmed = body.trim();
  if (!length(trimmed, 1, bodyMax)) return null;
  if (parentId !== undefined && parentId !== null && !isUUID(parentId, 'all')) return null;
  let mentions: string[] | null | undefined = mentionIds as null | undefined;
  if (mentionIds !== undefined && mentionIds !== null) {
    if (!Array.isArray(mentionIds) || !arrayMaxSize(mentionIds, groupMembersMax) || !arrayUnique(mentionIds)) return null;
    mentions = [];
    // Index by index: a hole (sparse array) is undefined and fails, leaving it to the pipe.
    for (let i = 0; i < mentionIds.length; i += 1) {
      const id: unknown = mentionIds[i];
      if (!isUUID(id, 'all')) return null;
      mentions.push(id as string);
    }
  }

  // The same own properties as class-transformer's instance: those the payload has.
  const input = new SendMessageInput();
  input.conversationId = conversationId as string;
  input.clientId = clientId;
  input.body = trimmed;
  if ('parentId' in p) input.parentId = parentId as string | null;
  if ('mentionIds' in p) input.mentionIds = mentions;
  return input;
}
