import { GraphQLError } from 'graphql';
import { MESSAGING_LIMITS } from '@kindred/domain';
import { KindredValidationPipe } from '../../common/validation.pipe';
import { SendMessageInput } from './message.inputs';
import { fastSendMessageInput } from './send-message.fast-path';

const pipe = new KindredValidationPipe();
const { bodyMax, groupMembersMax } = MESSAGING_LIMITS;

const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-aaaa-4bbb-8ccc-${n.toString(16).padStart(12, '0')}`;
const CONV = uuid(1);
const MSG = uuid(2);

/** What the gateway got before the fast path: the pipe's answer (input or error), for a copy of the payload. */
async function viaPipe(payload: unknown): Promise<{ ok: true; input: unknown } | { ok: false; code: unknown; message: string; extensions: unknown }> {
  try {
    return { ok: true, input: await pipe.transform(structuredCloneish(payload), { type: 'body', metatype: SendMessageInput, data: '' }) };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { ok: false, code: error.extensions['code'], message: error.message, extensions: error.extensions };
  }
}

/** What the gateway does now: the fast path, else the pipe. */
async function viaGateway(payload: unknown) {
  const fast = fastSendMessageInput(payload);
  return fast ? { ok: true as const, input: fast } : viaPipe(payload);
}

/** The pipe strips keys and closes array gaps in place: each side gets its own copy (sparse arrays and odd prototypes kept). */
function structuredCloneish(value: unknown): unknown {
  if (Array.isArray(value)) {
    const copy = new Array(value.length);
    value.forEach((v, i) => (copy[i] = structuredCloneish(v)));
    return copy;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
    for (const key of Object.keys(value)) copy[key] = structuredCloneish((value as Record<string, unknown>)[key]);
    return copy;
  }
  return value;
}

const valid: Array<Record<string, unknown>> = [
  { conversationId: CONV, clientId: 'abcdefgh', body: 'Hello' },
  { conversationId: CONV.toUpperCase(), clientId: 'A_b-9'.repeat(2), body: '  padded  ' },
  { conversationId: '00000000-0000-0000-0000-000000000000', clientId: 'x'.repeat(64), body: 'x' },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'b'.repeat(bodyMax) },
  { conversationId: CONV, clientId: 'abcdefgh', body: `  ${'c'.repeat(bodyMax)}\n\t` },
  { conversationId: CONV, clientId: 'abcdefgh', body: '😀'.repeat(bodyMax) },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'é\u0301 ❤️ 中文' },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'reply', parentId: MSG },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'reply', parentId: null },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'no mentions', mentionIds: [] },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'null mentions', mentionIds: null },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'mentions', mentionIds: [uuid(3), uuid(4)] },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'max', mentionIds: Array.from({ length: groupMembersMax }, (_, i) => uuid(100 + i)) },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'all', parentId: MSG, mentionIds: [uuid(5)] },
];

const invalid: unknown[] = [
  {},
  { conversationId: CONV },
  { conversationId: 'nope', clientId: 'abcdefgh', body: 'x' },
  { conversationId: 42, clientId: 'abcdefgh', body: 'x' },
  { conversationId: `${CONV} `, clientId: 'abcdefgh', body: 'x' },
  { conversationId: CONV, clientId: 'short', body: 'x' },
  { conversationId: CONV, clientId: 'has space!', body: 'x' },
  { conversationId: CONV, clientId: 'x'.repeat(65), body: 'x' },
  { conversationId: CONV, clientId: 12345678, body: 'x' },
  { conversationId: CONV, clientId: ['abcdefgh'], body: 'x' },
  { conversationId: CONV, clientId: 'abcdefgh', body: '' },
  { conversationId: CONV, clientId: 'abcdefgh', body: '   \n\t ' },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'b'.repeat(bodyMax + 1) },
  { conversationId: CONV, clientId: 'abcdefgh', body: '😀'.repeat(bodyMax + 1) },
  { conversationId: CONV, clientId: 'abcdefgh', body: 7 },
  { conversationId: CONV, clientId: 'abcdefgh', body: null },
  { conversationId: CONV, clientId: 'abcdefgh', body: ['x'] },
  { conversationId: CONV, clientId: 'abcdefgh', body: { text: 'x' } },
  { conversationId: CONV, clientId: 'abcdefgh', body: Buffer.from('x') },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'NUL \u0000 inside' },
  { conversationId: CONV, clientId: 'abcdefgh', body: '\u0000' },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'x', parentId: 'nope' },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'x', parentId: '' },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'x', parentId: 5 },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'x', mentionIds: uuid(3) },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'x', mentionIds: [uuid(3), uuid(3)] },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'x', mentionIds: ['nope'] },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'x', mentionIds: [uuid(3), 7] },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'x', mentionIds: [null] },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'x', mentionIds: Array.from({ length: groupMembersMax + 1 }, (_, i) => uuid(100 + i)) },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'x', mentionIds: { 0: uuid(3) } },
  { conversationId: 'nope', clientId: 'short', body: '', parentId: 'x', mentionIds: ['y', 'y'] },
];

/** Payloads the fast path leaves to the pipe although the pipe may accept them (its copy is then the answer). */
const odd: unknown[] = [
  { conversationId: CONV, clientId: 'abcdefgh', body: 'extra', unknown: 1 },
  { conversationId: CONV, clientId: 'abcdefgh', body: 'proto', __proto__: { evil: true } },
  JSON.parse(`{"conversationId":"${CONV}","clientId":"abcdefgh","body":"json proto","__proto__":{"x":1}}`),
  JSON.parse(`{"conversationId":"${CONV}","clientId":"abcdefgh","body":"ctor","constructor":"x"}`),
  Object.assign(Object.create(null) as object, { conversationId: CONV, clientId: 'abcdefgh', body: 'null prototype' }),
  Object.assign(new (class Other {})(), { conversationId: CONV, clientId: 'abcdefgh', body: 'class instance' }),
  // eslint-disable-next-line no-sparse-arrays
  { conversationId: CONV, clientId: 'abcdefgh', body: 'sparse', mentionIds: [uuid(3), , uuid(4)] },
  [CONV, 'abcdefgh', 'array'],
];

/** Every combination-ish of field values, valid and not (deterministic). */
function generated(count: number): Array<Record<string, unknown>> {
  const choices: Record<string, unknown[]> = {
    conversationId: [CONV, uuid(9).toUpperCase(), 'x', '', 1, null, undefined, [CONV]],
    clientId: ['abcdefgh', 'Z'.repeat(64), 'a-b_c-d_', 'abc', 'a'.repeat(65), 'abcdefg!', 0, undefined],
    body: ['hi', ' hi ', '', ' ', 'n\u0000l', 'b'.repeat(bodyMax), `${'b'.repeat(bodyMax)} `, 'b'.repeat(bodyMax + 1), 0, false, undefined],
    parentId: [undefined, null, MSG, 'm', 0, [MSG]],
    mentionIds: [undefined, null, [], [uuid(3)], [uuid(3), uuid(3)], ['m'], 'm', [uuid(3), uuid(4), uuid(5)]],
  };
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  return Array.from({ length: count }, () => {
    const payload: Record<string, unknown> = {};
    for (const [key, options] of Object.entries(choices)) {
      const value = options[rand(options.length)];
      if (value !== undefined) payload[key] = value;
    }
    return payload;
  });
}

describe('message:send fast path against the class-validator pipe', () => {
  it('accepts every plainly valid payload, giving exactly the pipe’s input (body trimmed)', async () => {
    for (const payload of valid) {
      const fast = fastSendMessageInput(structuredCloneish(payload));
      const piped = await viaPipe(payload);
      expect(piped.ok).toBe(true);
      expect(fast).toBeInstanceOf(SendMessageInput);
      expect(fast).toStrictEqual((piped as { input: unknown }).input);
    }
    expect(fastSendMessageInput(valid[1])?.body).toBe('padded');
  });

  it('never accepts an invalid payload: the refusal is the pipe’s, same code, fields and messages', async () => {
    for (const payload of invalid) {
      expect(fastSendMessageInput(structuredCloneish(payload))).toBeNull();
      const piped = await viaPipe(payload);
      expect(piped.ok).toBe(false);
      expect(await viaGateway(payload)).toEqual(piped);
    }
  });

  it('leaves unusual payloads (unknown keys, odd prototypes, sparse arrays, arrays) to the pipe', async () => {
    for (const payload of odd) {
      expect(fastSendMessageInput(structuredCloneish(payload))).toBeNull();
      expect(await viaGateway(payload)).toEqual(await viaPipe(payload));
    }
  });

  it('agrees with the pipe on 3,000 generated payloads, valid and invalid', async () => {
    let accepted = 0;
    let refused = 0;
    for (const payload of generated(3000)) {
      const fast = fastSendMessageInput(structuredCloneish(payload));
      const piped = await viaPipe(payload);
      if (fast) {
        accepted += 1;
        expect(piped.ok).toBe(true);
        expect(fast).toStrictEqual((piped as { input: unknown }).input);
      } else {
        // Everything generated is a plain object of known keys: a null means the pipe refuses it.
        expect(piped.ok).toBe(false);
        refused += 1;
      }
      expect(await viaGateway(payload)).toEqual(piped);
    }
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });
});
