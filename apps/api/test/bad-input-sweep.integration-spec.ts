import { UK_BBOX } from '@kindred/geo';
import { createAlert, LEEDS, MANCHESTER } from './alerts-fixtures';
import { createGroup, send } from './conversation-fixtures';
import { registerProject, signUp, type SignedUpUser } from './fixtures';
import { connect, sendPayload, type TestSocket } from './socket-fixtures';
import { createTestApp, type TestApp } from './test-app';
import { createWebinar } from './webinar-fixtures';

/**
 * Bad input must get a clear error, never an internal one. This sweep reads the schema and, for
 * every query and mutation with arguments, sends a valid call (real projects, conversations,
 * messages, WHAMinars, alerts, an indicator and a report, so it reaches the resolvers and the
 * database) with one value at a time replaced by something hostile: empty and 200,000-character
 * strings, NUL and lone surrogates, quotes and LIKE wildcards, extreme numbers, impossible dates,
 * 2,000-item and empty lists, unknown ids. It runs as a clinician and as an admin (so admin-only
 * resolvers get past their role check) and fails naming every call answered INTERNAL_SERVER_ERROR
 * or an HTTP error. The last test does the same for every socket.io client event.
 */

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}
interface SchemaType {
  name: string;
  kind: string;
  inputFields: InputValue[] | null;
  fields: Array<{ name: string; args: InputValue[]; type: TypeRef }> | null;
  enumValues: Array<{ name: string }> | null;
}

const INTROSPECTION = `{ __schema { queryType { name } mutationType { name }
  types { name kind inputFields { name type { ...T } } fields { name args { name type { ...T } } type { ...T } } enumValues { name } } } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

/** Ends a session or the account the sweep runs as: covered by their own tests. */
const SKIPPED = new Set(['signOut', 'deleteAccount']);

const LONG = 'x'.repeat(200_000);

/** Hostile text, for GraphQL and socket alike; `long` is as long as the transport allows. */
const hostileStrings = (long: string): string[] => ['', '  ', long, 'a\u0000b', '\ud800', "'; DROP TABLE users; --", '%_\\', 'é'.repeat(5_000)];

const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
const isList = (t: TypeRef): boolean => t.kind === 'LIST' || (t.kind === 'NON_NULL' && isList(t.ofType!));
const typeString = (t: TypeRef): string =>
  t.kind === 'NON_NULL' ? `${typeString(t.ofType!)}!` : t.kind === 'LIST' ? `[${typeString(t.ofType!)}]` : t.name!;

function hostileScalars(scalar: string): unknown[] {
  switch (scalar) {
    case 'Int':
      return [-1, 0, 2_147_483_647, -2_147_483_648];
    case 'Float':
      return [-1e308, 1e308, -0.0000001, 91, -181];
    case 'Boolean':
      return [true];
    case 'ID':
      return ['', 'nope', '00000000-0000-0000-0000-000000000000', '-1', 'a\u0000b', LONG];
    case 'DateTime':
      return ['', 'not-a-date', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T00:00:00Z'];
    default:
      return hostileStrings(LONG);
  }
}

class Sweep {
  private readonly types: Map<string, SchemaType>;

  constructor(
    types: SchemaType[],
    private readonly someId: string,
  ) {
    this.types = new Map(types.map((t) => [t.name, t]));
  }

  type(name: string): SchemaType {
    return this.types.get(name)!;
  }

  /** A plausible value: required input fields filled, lists of one. */
  base(t: TypeRef, depth = 0): unknown {
    const n = named(t);
    let value: unknown;
    if (n.kind === 'SCALAR') {
      const plain: Record<string, unknown> = { String: 'Leeds', ID: this.someId, Int: 1, Float: 1, Boolean: false, DateTime: '2027-01-01T10:00:00Z' };
      value = plain[n.name!] ?? 'x';
    } else if (n.kind === 'ENUM') {
      value = this.type(n.name!).enumValues![0]!.name;
    } else {
      const object: Record<string, unknown> = {};
      if (depth < 4) for (const f of this.type(n.name!).inputFields ?? []) if (f.type.kind === 'NON_NULL') object[f.name] = this.base(f.type, depth + 1);
      value = object;
    }
    return isList(t) ? [value] : value;
  }

  /** Every one-leaf change: [path inside the argument, hostile value]. */
  *changes(t: TypeRef, path: string[] = [], depth = 0): Generator<[string[], unknown]> {
    const n = named(t);
    if (isList(t)) {
      const item = this.base(n, depth);
      yield [path, Array.from({ length: 2_000 }, () => item)];
      yield [path, []];
    }
    if (n.kind === 'SCALAR') for (const v of hostileScalars(n.name!)) yield [path, isList(t) ? [v] : v];
    if (n.kind === 'INPUT_OBJECT' && depth < 3) {
      for (const f of this.type(n.name!).inputFields ?? []) yield* this.changes(f.type, [...path, f.name], depth + 1);
    }
  }
}

function setAt(value: unknown, path: string[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  if (Array.isArray(value)) return [setAt(value[0], path, leaf), ...value.slice(1)];
  const object = { ...((value ?? {}) as Record<string, unknown>) };
  object[path[0]!] = setAt(object[path[0]!], path.slice(1), leaf);
  return object;
}

/** What the calls are about: real rows, owned by the user sweeping where ownership matters. */
interface Fixtures {
  other: SignedUpUser;
  /** Signed up but in no conversation: for "add a member". */
  third: SignedUpUser;
  project: string;
  othersProject: string;
  conversation: string;
  ownMessage: string;
  othersMessage: string;
  alert: string;
  webinar: string;
  series: string;
  indicator: string;
  report: string;
}

const LEEDS_BOX = { west: -1.7, south: 53.7, east: -1.4, north: 53.9 };
const NEED_CSV = ['area_code,area_name,value,lat,lng', `A,Leeds,10,${LEEDS.lat},${LEEDS.lng}`, `B,Manchester,20,${MANCHESTER.lat},${MANCHESTER.lng}`].join('\n');
const FILTER = { themes: ['housing', 'child-poverty'], stage: 'running', profession: 'doctor', seekingCollaborators: true };

/** A valid call per operation; operations left out get required fields filled with placeholders. */
function plainArguments(as: SignedUpUser, fx: Fixtures): Record<string, Record<string, unknown>> {
  return {
    auditLog: { first: 10 },
    conversation: { id: fx.conversation },
    conversationMessages: { conversationId: fx.conversation, first: 10 },
    gapLayer: { indicatorId: fx.indicator, filter: FILTER },
    heatmap: { bbox: UK_BBOX, zoom: 6, filter: FILTER },
    mapProjects: { bbox: LEEDS_BOX, filter: FILTER, first: 50 },
    mapSummary: { bbox: UK_BBOX, zoom: 6, filter: FILTER },
    moderationQueue: { first: 10, status: 'open' },
    myConversations: { first: 10, requests: false },
    myNotifications: { first: 10 },
    peers: { input: { point: LEEDS, radiusKm: 50, themes: ['housing'] }, first: 10 },
    places: { query: 'Leeds', limit: 5 },
    project: { id: fx.project },
    projects: { filter: { ...FILTER, text: 'welfare', ownerId: fx.other.id }, first: 10 },
    recommendedWebinars: { first: 5 },
    similarProjects: { projectId: fx.project, first: 10 },
    webinar: { id: fx.webinar },
    webinarRegistrations: { webinarId: fx.webinar },
    webinars: { filter: { themes: ['child-poverty'], from: '2026-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' }, first: 10 },
    webinarsInBBox: { bbox: UK_BBOX, themes: ['child-poverty'] },
    acceptMessageRequest: { conversationId: fx.conversation },
    addConversationMembers: { conversationId: fx.conversation, userIds: [fx.third.id] },
    addWebinarResource: { webinarId: fx.webinar, input: { kind: 'slides', title: 'Slides', url: 'https://example.org/slides.pdf' } },
    blockUser: { userId: fx.third.id },
    cancelWebinar: { id: fx.webinar, reason: 'Speaker unwell', wholeSeries: false },
    cancelWebinarRegistration: { webinarId: fx.webinar },
    checkInToWebinar: { webinarId: fx.webinar },
    closeWebinarThread: { webinarId: fx.webinar },
    createAlert: { input: { name: 'Near Leeds', centre: LEEDS, radiusKm: 20, themes: ['housing'], emailDigest: true } },
    createGroupConversation: { input: { title: 'Housing leads', memberIds: [fx.other.id] } },
    createWebinar: {
      input: {
        title: 'Asking about money', description: 'How to ask.', startsAt: '2031-03-04T10:00', timeZone: 'Europe/London', durationMinutes: 60,
        joinUrl: 'https://meet.example.org/w', themes: ['child-poverty'], capacity: 50, publish: false,
        speakers: [{ name: 'Dr Speaker', affiliation: 'NHS' }], regionFocus: { region: 'England', placeName: 'Leeds' },
      },
    },
    declineMessageRequest: { conversationId: fx.conversation },
    deleteAlert: { id: fx.alert },
    deleteIndicator: { id: fx.indicator },
    deleteMessage: { messageId: fx.ownMessage },
    deleteProject: { id: fx.project },
    editMessage: { messageId: fx.ownMessage, body: 'edited' },
    finishWebinar: { id: fx.webinar },
    grantRole: { userId: fx.third.id, role: 'organiser' },
    importIndicator: {
      input: { name: 'Need', csv: NEED_CSV, higherIsWorse: true, unit: '%', source: 'Test', description: 'Test' },
    },
    leaveConversation: { conversationId: fx.conversation },
    markConversationRead: { conversationId: fx.conversation, messageId: fx.othersMessage },
    markNotificationsRead: { ids: [fx.project] },
    markWebinarAttendance: { webinarId: fx.webinar, userIds: [fx.other.id], attended: false },
    pinWebinarMessage: { webinarId: fx.webinar, messageId: null },
    publishWebinar: { id: fx.webinar, wholeSeries: false },
    reactToMessage: { messageId: fx.othersMessage, emoji: '👍', on: true },
    refreshSession: { refreshToken: as.refreshToken },
    registerForWebinar: { webinarId: fx.webinar, emailReminders: true },
    registerProject: {
      input: {
        title: 'Warm spaces', summary: 'Warm spaces in health visiting clinics.', themes: ['housing'], stage: 'running',
        location: LEEDS, locationPrecision: 'area', seekingCollaborators: true, links: ['https://example.org/warm'],
      },
    },
    removeConversationMember: { conversationId: fx.conversation, userId: fx.third.id },
    removeWebinarResource: { resourceId: fx.webinar },
    renameConversation: { conversationId: fx.conversation, title: 'Renamed' },
    reopenWebinarThread: { webinarId: fx.webinar },
    reportContent: { input: { reason: 'spam', details: 'Advert', projectId: fx.othersProject } },
    resolveReport: { input: { reportId: fx.report, action: 'dismiss', note: 'Fine' } },
    sendMessage: { input: { conversationId: fx.conversation, clientId: 'sweep-client-1', body: 'hello', parentId: fx.othersMessage, mentionIds: [fx.other.id] } },
    signIn: { input: { email: as.email, password: as.password } },
    signUp: { input: { email: 'sweep-new@example.org', password: 'Tall-river-sweep-lantern', displayName: 'Dr Sweep', profession: 'doctor', organisation: 'NHS', specialty: 'GP' } },
    startDirectConversation: { input: { userId: fx.other.id, projectId: fx.project } },
    unblockUser: { userId: fx.third.id },
    updateAlert: { id: fx.alert, input: { name: 'Renamed', radiusKm: 30, themes: ['housing'], centre: LEEDS, emailDigest: false } },
    updateMessagingSettings: { input: { messagePolicy: 'anyone', emailDigest: true } },
    updateProfile: { input: { displayName: 'Dr Swept', bio: 'GP', organisation: 'NHS', profession: 'doctor', specialty: 'GP' } },
    updateProject: { id: fx.project, input: { title: 'Warm spaces, renamed', stage: 'evaluating', themes: ['housing'], location: LEEDS, locationPrecision: 'area' } },
    updateWebinar: { id: fx.webinar, input: { title: 'Renamed', startsAt: '2031-03-05T10:00', timeZone: 'Europe/London', capacity: 40 } },
    updateWebinarSeries: { seriesId: fx.series, input: { title: 'Renamed series', startTime: '11:00', timeZone: 'Europe/London' } },
  };
}

/** Run last: with a valid id and one hostile optional value they can end what the others use. */
const LAST = ['cancelWebinar', 'finishWebinar', 'resolveReport', 'deleteProject', 'deleteIndicator', 'leaveConversation', 'deleteMessage'];

/**
 * Plain calls not sent on their own (each is still swept): those that would delete or end what the
 * sweep uses, and those whose plain call is refused for the state of things, not its input (a
 * group conversation is no message request; attendance waits for the start).
 */
const PLAIN_NOT_SENT = new Set([
  ...LAST,
  'deleteAlert', 'blockUser', 'removeConversationMember', 'closeWebinarThread', 'cancelWebinarRegistration',
  'acceptMessageRequest', 'declineMessageRequest', 'markWebinarAttendance',
]);

interface Sweeps {
  calls: number;
  /** Calls that got past argument validation (answered without BAD_USER_INPUT). */
  reachedResolvers: number;
  /** Operations whose plain call is itself refused as bad input (the table above is out of date). */
  invalidPlain: string[];
  internal: string[];
}

async function sweep(t: TestApp, as: SignedUpUser, fx: Fixtures): Promise<Sweeps> {
  const schema = (await t.gql<{ __schema: { queryType: { name: string }; mutationType: { name: string }; types: SchemaType[] } }>(INTROSPECTION))
    .data!.__schema;
  const s = new Sweep(schema.types, fx.other.id);
  const plainArgs = plainArguments(as, fx);
  const result: Sweeps = { calls: 0, reachedResolvers: 0, invalidPlain: [], internal: [] };
  const roots = [
    ...(s.type(schema.queryType.name).fields ?? []).map((f) => ['query', f] as const),
    ...(s.type(schema.mutationType.name).fields ?? []).map((f) => ['mutation', f] as const),
  ].sort(([, a], [, b]) => Number(LAST.includes(a.name)) - Number(LAST.includes(b.name)));
  for (const [operation, field] of roots) {
    if (!field.args.length || SKIPPED.has(field.name)) continue;
    const n = named(field.type);
    const selection = n.kind === 'OBJECT' || n.kind === 'INTERFACE' || n.kind === 'UNION' ? ' { __typename }' : '';
    const query = `${operation} (${field.args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ')}) {
      ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})${selection} }`;
    const known = plainArgs[field.name];
    if (known && !PLAIN_NOT_SENT.has(field.name)) {
      const check = await t.gql(query, known, as.token);
      if (check.errors?.some((e) => e.extensions?.code === 'BAD_USER_INPUT')) result.invalidPlain.push(`${field.name}: ${check.errors[0]!.message}`);
    }
    const plain = known ?? Object.fromEntries(field.args.map((a) => [a.name, s.base(a.type)]));
    for (const arg of field.args) {
      for (const [path, value] of s.changes(arg.type)) {
        const variables = { ...plain, [arg.name]: setAt(plain[arg.name] ?? s.base(arg.type), path, value) };
        const res = await t.gql(query, variables, as.token);
        result.calls += 1;
        if (!res.errors?.some((e) => e.extensions?.code === 'BAD_USER_INPUT' || e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')) result.reachedResolvers += 1;
        const errors = (res.errors ?? []).filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
        if (!res.data && !res.errors) errors.push({ message: 'no GraphQL answer (HTTP error)' });
        for (const e of errors) result.internal.push(`${field.name}(${[arg.name, ...path].join('.')} = ${JSON.stringify(value).slice(0, 50)}): ${e.message}`);
      }
    }
  }
  return result;
}

async function fixturesFor(t: TestApp, as: SignedUpUser, other: SignedUpUser, third: SignedUpUser, admin: SignedUpUser, suffix: string): Promise<Fixtures> {
  const project = (await registerProject(t, as.token, { title: `Welfare advice ${suffix}` })).id;
  const othersProject = (await registerProject(t, other.token, { title: `Food bank referrals ${suffix}` })).id;
  const conversation = await createGroup(t, as, [other], `Sweep ${suffix}`);
  const othersMessage = (await send(t, other, conversation, 'from the other member')).id;
  const ownMessage = (await send(t, as, conversation, 'my own')).id;
  const alert = (await createAlert(t, as.token, { name: `Leeds ${suffix}`, centre: LEEDS, radiusKm: 20 })).id;
  const webinar = await createWebinar(t, admin, { title: `Sweep ${suffix}`, recurrence: 'FREQ=WEEKLY;COUNT=2' });
  const imported = await t.gql<{ importIndicator: { indicator: { id: string } } }>(
    `mutation($input: ImportIndicatorInput!) { importIndicator(input: $input) { indicator { id } } }`,
    { input: { name: `Need ${suffix}`, csv: NEED_CSV, higherIsWorse: true } },
    admin.token,
  );
  const reported = await t.gql<{ reportContent: { id: string } }>(
    `mutation($input: ReportInput!) { reportContent(input: $input) { id } }`,
    { input: { reason: 'spam', projectId: othersProject } },
    as.token,
  );
  const fx = {
    other,
    third,
    project,
    othersProject,
    conversation,
    ownMessage,
    othersMessage,
    alert,
    webinar: webinar.id,
    series: webinar.series?.id ?? '',
    indicator: imported.data?.importIndicator.indicator.id ?? '',
    report: reported.data?.reportContent.id ?? '',
  };
  for (const [key, value] of Object.entries(fx)) if (!value) throw new Error(`fixture ${key} missing: ${JSON.stringify([imported.errors, reported.errors])}`);
  return fx;
}

/** Hostile stand-ins for one socket payload value, by the type of the valid one. */
function hostileFor(valid: unknown): unknown[] {
  // Under the socket's 64 KB frame limit (a bigger frame closes the connection, by design).
  const anything = [null, 7, true, [], {}, ['x'], { $gt: '' }];
  if (typeof valid === 'string') return [...hostileStrings('x'.repeat(50_000)), ...anything];
  if (typeof valid === 'boolean') return ['yes', 1, ...anything];
  if (Array.isArray(valid)) {
    // As long as fits the frame limit.
    const many = Math.min(2_000, Math.floor(50_000 / (JSON.stringify(valid[0]).length + 1)));
    return [Array.from({ length: many }, () => valid[0]), 'x', ...anything];
  }
  return anything;
}

/** Every one-leaf change of a socket payload: [path, payload]. */
function* socketChanges(payload: Record<string, unknown>): Generator<[string, unknown]> {
  const deep = Array.from({ length: 500 }).reduce<unknown>((inner) => [inner], 'bottom');
  for (const whole of [null, undefined, 'text', 42, [], {}, [payload], deep]) yield ['(payload)', whole];
  for (const [key, value] of Object.entries(payload)) {
    for (const v of hostileFor(value)) yield [key, { ...payload, [key]: v }];
    if (Array.isArray(value) && value[0] && typeof value[0] === 'object') {
      for (const [inner, innerValue] of Object.entries(value[0] as Record<string, unknown>)) {
        for (const v of hostileFor(innerValue)) yield [`${key}[0].${inner}`, { ...payload, [key]: [{ ...(value[0] as object), [inner]: v }] }];
      }
    }
    yield [`${key} (left out)`, Object.fromEntries(Object.entries(payload).filter(([k]) => k !== key))];
  }
  yield ['(unknown key)', { ...payload, extra: 'a\u0000b' }];
}

describe('bad input never becomes an internal error (integration, schema sweep)', () => {
  let t: TestApp;
  let admin: SignedUpUser;
  let clinician: SignedUpUser;
  let other: SignedUpUser;
  let third: SignedUpUser;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    admin = await signUp(t); // the first account on an empty database is the admin
    clinician = await signUp(t);
    other = await signUp(t);
    third = await signUp(t);
  });
  afterAll(async () => t.close());

  it.each([
    ['a clinician', () => clinician],
    ['an admin', () => admin],
  ])('as %s: every argument of every operation, one hostile value at a time', async (who, user) => {
    const fx = await fixturesFor(t, user(), other, third, admin, who);
    const { calls, reachedResolvers, invalidPlain, internal } = await sweep(t, user(), fx);
    expect(invalidPlain).toEqual([]);
    expect(calls).toBeGreaterThan(1_500);
    // Most hostile values are refused up front; a good share must still reach a resolver.
    expect(reachedResolvers).toBeGreaterThan(calls / 5);
    expect(internal).toEqual([]);
  });

  it('over the socket: every client event, one hostile value at a time; the socket keeps working', async () => {
    const fx = await fixturesFor(t, clinician, other, third, admin, 'socket');
    const socket: TestSocket = await connect(t, clinician.token);
    const watcher: TestSocket = await connect(t, other.token);
    try {
      const events: Array<[string, Record<string, unknown>]> = [
        ['message:send', { ...sendPayload(fx.conversation, 'hello'), parentId: fx.othersMessage, mentionIds: [other.id] }],
        ['message:edit', { messageId: fx.ownMessage, body: 'edited' }],
        ['message:react', { messageId: fx.othersMessage, emoji: '👍', on: true }],
        ['typing', { conversationId: fx.conversation, typing: true }],
        ['conversation:read', { conversationId: fx.conversation, messageId: fx.othersMessage }],
        ['sync', { conversations: [{ conversationId: fx.conversation, afterMessageId: fx.othersMessage }] }],
        ['session:renew', { token: clinician.token }],
        ['message:delete', { messageId: fx.ownMessage }],
      ];
      const internal: string[] = [];
      const paceRefusals: string[] = [];
      let calls = 0;
      // The gateway takes at most 30 events a second from one socket (per wall-clock second):
      // keep under it, so every event is judged on its payload.
      let window = { second: 0, count: 0 };
      const pace = async () => {
        const second = Math.floor(Date.now() / 1000);
        if (second !== window.second) window = { second, count: 0 };
        if (window.count >= 20) {
          await new Promise((resolve) => setTimeout(resolve, (second + 1) * 1000 - Date.now() + 20));
          window = { second: second + 1, count: 0 };
        }
        window.count += 1;
      };
      for (const [event, plain] of events) {
        for (const [path, payload] of socketChanges(plain)) {
          await pace();
          const ack = await socket.call<unknown>(event, payload, 10_000).catch((error: Error) => {
            throw new Error(`${event} ${path}: ${error.message}`);
          });
          calls += 1;
          if (!ack.ok && ack.error.code === 'INTERNAL_SERVER_ERROR') internal.push(`${event} ${path}: ${ack.error.message}`);
          if (!ack.ok && ack.error.message === 'Too many events: slow down.') paceRefusals.push(`${event} ${path}`);
          // sync answers per conversation: an entry's error must not be internal either.
          const entries = ack.ok ? ((ack.data as { conversations?: Array<{ error?: { code: string; message: string } }> }).conversations ?? []) : [];
          for (const entry of entries) if (entry.error?.code === 'INTERNAL_SERVER_ERROR') internal.push(`${event} ${path} (entry): ${entry.error.message}`);
          expect(socket.socket.connected).toBe(true);
        }
      }
      expect(calls).toBeGreaterThan(200);
      expect(paceRefusals).toEqual([]);
      expect(internal).toEqual([]);
      // Still delivering, to others too.
      const delivered = watcher.next<{ body: string }>('message:new', (m) => m.body === 'after the sweep');
      const ack = await socket.call('message:send', sendPayload(fx.conversation, 'after the sweep'));
      expect(ack.ok ? 'sent' : ack.error).toBe('sent');
      expect((await delivered).body).toBe('after the sweep');
    } finally {
      socket.close();
      watcher.close();
    }
  });
});
