import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, getNullableType, type GraphQLArgument, type GraphQLField, type GraphQLObjectType, isCompositeType } from 'graphql';
import { createAlert } from './alerts-fixtures';
import { openDirect, createGroup, send } from './conversation-fixtures';
import { projectInput, registerProject, signUp, type SignedUpUser } from './fixtures';
import { createTestApp, type TestApp } from './test-app';
import { createWebinar, minutesFromNow, moveWebinar, register, signUpOrganiser, stopReminderJob, webinarInput } from './webinar-fixtures';

/**
 * Every operation of the live schema, called as anonymous, as another clinician and as the one it
 * belongs to (owner, member, organiser or admin), with the outcome each must get. The table is
 * checked against the schema itself, so a new query or mutation without an entry here fails the
 * suite: say who may call it before it ships.
 *
 * Outcomes: 'ok' (data, no error), 'false' (ok, and the field answered false: nothing happened),
 * or the error code. Each call gets fresh variables from `variables(world, caller)`, so a call that
 * deletes or changes something works on its own copy.
 */

type Caller = 'anonymous' | 'other' | 'owner' | 'peer';
type Outcome = 'ok' | 'false' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_A_MEMBER' | 'NOT_FOUND' | 'NOT_REGISTERED' | 'INVALID_CREDENTIALS' | 'BAD_USER_INPUT';
type Variables = Record<string, unknown>;

interface World {
  t: TestApp;
  /** The first account: admin. */
  admin: SignedUpUser;
  /** Owns the project, alerts and conversations the cases use. */
  olivia: SignedUpUser;
  /** Olivia's contact: member of her direct conversation. */
  bella: SignedUpUser;
  /** Another clinician with nothing of her own in play. */
  mallory: SignedUpUser;
  /** Organiser who runs the webinars the cases use. */
  oscar: SignedUpUser;
  /** Another organiser. */
  otto: SignedUpUser;
  projectId: string;
  directId: string;
  indicatorId: string;
  webinarId: string;
}

interface Case {
  /** Fresh variables for one call by `caller`. */
  variables?: (w: World, caller: Caller) => Variables | Promise<Variables>;
  /** Who calls as the owner (default Olivia). */
  owner?: (w: World) => SignedUpUser;
  /** Optional fourth caller: someone close to the owner who still may not (a group member, another organiser). */
  peer?: (w: World) => SignedUpUser;
  expect: Partial<Record<Caller, Outcome>> & { anonymous: Outcome; other: Outcome; owner: Outcome };
}

const PUBLIC: Case['expect'] = { anonymous: 'ok', other: 'ok', owner: 'ok' };
const SIGNED_IN: Case['expect'] = { anonymous: 'UNAUTHENTICATED', other: 'ok', owner: 'ok' };
const OWNER_ONLY: Case['expect'] = { anonymous: 'UNAUTHENTICATED', other: 'FORBIDDEN', owner: 'ok' };
const MEMBERS_ONLY: Case['expect'] = { anonymous: 'UNAUTHENTICATED', other: 'NOT_A_MEMBER', owner: 'ok' };
const ADMIN_ONLY: Case['expect'] = { anonymous: 'UNAUTHENTICATED', other: 'FORBIDDEN', owner: 'ok' };
const ORGANISER_OF_IT: Case['expect'] = { anonymous: 'UNAUTHENTICATED', other: 'FORBIDDEN', owner: 'ok', peer: 'FORBIDDEN' };

const BBOX = { west: -2.5, south: 53, east: -1, north: 54.5 };
const asAdmin = (w: World) => w.admin;
const asOscar = (w: World) => w.oscar;
const asOtto = (w: World) => w.otto;

// Fresh things for one call.
const freshUser = (w: World) => signUp(w.t);
const freshProject = async (w: World) => (await registerProject(w.t, w.olivia.token)).id;
const freshAlert = async (w: World) => (await createAlert(w.t, w.olivia.token, { name: `Alert ${randomUUID().slice(0, 6)}`, region: 'England' })).id;
const freshGroup = (w: World) => createGroup(w.t, w.olivia, [w.bella], `Group ${randomUUID().slice(0, 6)}`);
const oliviasMessage = async (w: World) => (await send(w.t, w.olivia, w.directId, `Hello ${randomUUID().slice(0, 6)}`)).id;
const freshWebinar = async (w: World, overrides: Record<string, unknown> = {}) => (await createWebinar(w.t, w.oscar, overrides)).id;
async function liveWebinarWith(w: World, registrant: SignedUpUser): Promise<string> {
  const id = await freshWebinar(w);
  await register(w.t, registrant, id);
  await moveWebinar(w.t, id, minutesFromNow(-5));
  return id;
}
async function requestTo(w: World, recipient: SignedUpUser): Promise<string> {
  const sender = await freshUser(w);
  const res = await w.t.gql<{ startDirectConversation: { id: string } }>(
    `mutation($input: StartDirectConversationInput!) { startDirectConversation(input: $input) { id } }`,
    { input: { userId: recipient.id } },
    sender.token,
  );
  return res.data!.startDirectConversation.id;
}
async function freshIndicator(w: World): Promise<string> {
  const res = await w.t.gql<{ importIndicator: { indicator: { id: string } } }>(
    `mutation($input: ImportIndicatorInput!) { importIndicator(input: $input) { indicator { id } } }`,
    { input: indicatorInput() },
    w.admin.token,
  );
  return res.data!.importIndicator.indicator.id;
}
function indicatorInput() {
  return { name: `Need ${randomUUID().slice(0, 8)}`, csv: 'area_code,area_name,value,lat,lng\nA,Leeds,10,53.8,-1.55\nB,York,20,53.96,-1.08\nC,Hull,30,53.74,-0.33' };
}
async function oliviasNotification(w: World): Promise<string> {
  const [row] = await w.t.db.query(`INSERT INTO notifications (user_id, type, message) VALUES ($1, 'alert-match', 'Test') RETURNING id`, [w.olivia.id]);
  return row.id as string;
}
async function openReport(w: World): Promise<string> {
  const res = await w.t.gql<{ reportContent: { id: string } }>(
    `mutation($input: ReportInput!) { reportContent(input: $input) { id } }`,
    { input: { projectId: await freshProject(w), reason: 'spam' } },
    w.mallory.token,
  );
  return res.data!.reportContent.id;
}
async function webinarResource(w: World): Promise<string> {
  const res = await w.t.gql<{ addWebinarResource: { resources: Array<{ id: string }> } }>(
    `mutation($id: ID!, $input: WebinarResourceInput!) { addWebinarResource(webinarId: $id, input: $input) { resources { id } } }`,
    { id: await freshWebinar(w), input: { kind: 'slides', title: 'Slides', url: 'https://example.org/slides.pdf' } },
    w.oscar.token,
  );
  return res.data!.addWebinarResource.resources[0]!.id;
}

/** The account that deletes itself in the deleteAccount case (a new one per call). */
let throwaway: SignedUpUser | null = null;

/** One entry per field of Query and Mutation, keyed `Query.<field>` / `Mutation.<field>`. */
const CASES: Record<string, Case> = {
  // Accounts and sessions
  'Query.me': { expect: SIGNED_IN },
  'Query.exportMyData': { expect: SIGNED_IN },
  'Mutation.signUp': {
    variables: () => ({ input: { email: `new-${randomUUID().slice(0, 8)}@example.org`, password: 'Tall-river-9-lantern', displayName: 'Dr New', profession: 'doctor' } }),
    expect: PUBLIC,
  },
  'Mutation.signIn': { variables: (w) => ({ input: { email: w.olivia.email, password: w.olivia.password } }), expect: PUBLIC },
  // A refresh token is the credential, whoever presents it.
  'Mutation.refreshSession': { variables: async (w) => ({ refreshToken: (await freshUser(w)).refreshToken }), expect: PUBLIC },
  // Someone else's refresh token is not revoked: false.
  'Mutation.signOut': {
    variables: async (w, caller) => ({ refreshToken: caller === 'owner' ? (await signIn(w, w.olivia)).refreshToken : w.bella.refreshToken }),
    expect: { anonymous: 'UNAUTHENTICATED', other: 'false', owner: 'ok' },
  },
  'Mutation.updateProfile': { variables: () => ({ input: { bio: 'Working on child poverty.' } }), expect: SIGNED_IN },
  // Only ever your own account, with your own password: another's password is wrong for you.
  'Mutation.deleteAccount': {
    variables: async (w, caller) => {
      if (caller !== 'owner') return { password: w.olivia.password };
      throwaway = await freshUser(w);
      return { password: throwaway.password };
    },
    owner: () => throwaway!,
    expect: { anonymous: 'UNAUTHENTICATED', other: 'INVALID_CREDENTIALS', owner: 'ok' },
  },
  'Mutation.grantRole': {
    variables: async (w) => ({ userId: (await freshUser(w)).id, role: 'organiser' }),
    owner: asAdmin,
    expect: ADMIN_ONLY,
  },

  // Projects and places
  'Query.themes': { expect: PUBLIC },
  'Query.places': { variables: () => ({ query: 'Leeds' }), expect: PUBLIC },
  'Query.project': { variables: (w) => ({ id: w.projectId }), expect: PUBLIC },
  'Query.projects': { expect: PUBLIC },
  'Query.myProjects': { expect: SIGNED_IN },
  'Mutation.registerProject': { variables: () => ({ input: projectInput() }), expect: SIGNED_IN },
  'Mutation.updateProject': { variables: async (w) => ({ id: await freshProject(w), input: { title: 'Renamed project' } }), expect: OWNER_ONLY },
  'Mutation.deleteProject': { variables: async (w) => ({ id: await freshProject(w) }), expect: OWNER_ONLY },

  // Map
  'Query.heatmap': { variables: () => ({ bbox: BBOX, zoom: 8 }), expect: PUBLIC },
  'Query.mapProjects': { variables: () => ({ bbox: BBOX }), expect: PUBLIC },
  'Query.mapSummary': { variables: () => ({ bbox: BBOX, zoom: 8 }), expect: PUBLIC },
  'Query.peers': { variables: () => ({ input: { point: { lat: 53.8, lng: -1.55 }, radiusKm: 50 } }), expect: SIGNED_IN },
  // From one of your own projects: someone else's is refused as the wrong input (field projectId).
  'Query.similarProjects': { variables: (w) => ({ projectId: w.projectId }), expect: { ...OWNER_ONLY, other: 'BAD_USER_INPUT' } },

  // Alerts and notifications
  'Query.myAlerts': { expect: SIGNED_IN },
  'Mutation.createAlert': { variables: () => ({ input: { name: 'Near me', region: 'Wales' } }), expect: SIGNED_IN },
  'Mutation.updateAlert': { variables: async (w) => ({ id: await freshAlert(w), input: { name: 'Renamed alert' } }), expect: OWNER_ONLY },
  'Mutation.deleteAlert': { variables: async (w) => ({ id: await freshAlert(w) }), expect: OWNER_ONLY },
  'Query.myNotifications': { expect: SIGNED_IN },
  'Query.unreadNotificationCount': { expect: SIGNED_IN },
  'Mutation.markNotificationsRead': { variables: async (w) => ({ ids: [await oliviasNotification(w)] }), expect: OWNER_ONLY },
  'Mutation.markAllNotificationsRead': { expect: SIGNED_IN },

  // Gaps
  'Query.indicators': { expect: PUBLIC },
  'Query.gapLayer': { variables: (w) => ({ indicatorId: w.indicatorId }), expect: PUBLIC },
  'Mutation.importIndicator': { variables: () => ({ input: indicatorInput() }), owner: asAdmin, expect: ADMIN_ONLY },
  'Mutation.deleteIndicator': { variables: async (w) => ({ id: await freshIndicator(w) }), owner: asAdmin, expect: ADMIN_ONLY },

  // Conversations and messages
  'Query.myConversations': { expect: SIGNED_IN },
  'Query.unreadMessageCount': { expect: SIGNED_IN },
  'Query.messagingSettings': { expect: SIGNED_IN },
  'Mutation.updateMessagingSettings': { variables: () => ({ input: { emailDigest: false } }), expect: SIGNED_IN },
  'Query.conversation': { variables: (w) => ({ id: w.directId }), expect: MEMBERS_ONLY },
  'Query.conversationMessages': { variables: (w) => ({ conversationId: w.directId }), expect: MEMBERS_ONLY },
  'Mutation.startDirectConversation': { variables: async (w) => ({ input: { userId: (await freshUser(w)).id } }), expect: SIGNED_IN },
  'Mutation.createGroupConversation': {
    variables: async (w) => ({ input: { title: 'Food insecurity leads', memberIds: [(await freshUser(w)).id] } }),
    expect: SIGNED_IN,
  },
  // The recipient answers a request; the sender cannot (a member, but not the one asked).
  'Mutation.acceptMessageRequest': { variables: async (w) => ({ conversationId: await requestTo(w, w.olivia) }), expect: MEMBERS_ONLY },
  'Mutation.declineMessageRequest': { variables: async (w) => ({ conversationId: await requestTo(w, w.olivia) }), expect: MEMBERS_ONLY },
  'Mutation.addConversationMembers': {
    variables: async (w) => ({ conversationId: await freshGroup(w), userIds: [(await freshUser(w)).id] }),
    peer: (w) => w.bella,
    expect: { ...MEMBERS_ONLY, peer: 'FORBIDDEN' },
  },
  'Mutation.removeConversationMember': {
    variables: async (w) => ({ conversationId: await freshGroup(w), userId: w.bella.id }),
    expect: MEMBERS_ONLY,
  },
  'Mutation.renameConversation': {
    variables: async (w) => ({ conversationId: await freshGroup(w), title: 'Renamed group' }),
    peer: (w) => w.bella,
    expect: { ...MEMBERS_ONLY, peer: 'FORBIDDEN' },
  },
  'Mutation.leaveConversation': { variables: async (w) => ({ conversationId: await freshGroup(w) }), owner: (w) => w.bella, expect: MEMBERS_ONLY },
  'Mutation.markConversationRead': { variables: (w) => ({ conversationId: w.directId }), expect: MEMBERS_ONLY },
  'Mutation.sendMessage': {
    variables: (w) => ({ input: { conversationId: w.directId, clientId: randomUUID(), body: 'Hello from the table' } }),
    expect: MEMBERS_ONLY,
  },
  'Mutation.editMessage': {
    variables: async (w) => ({ messageId: await oliviasMessage(w), body: 'Edited' }),
    peer: (w) => w.bella,
    expect: { ...MEMBERS_ONLY, peer: 'FORBIDDEN' },
  },
  'Mutation.deleteMessage': {
    variables: async (w) => ({ messageId: await oliviasMessage(w) }),
    peer: (w) => w.bella,
    expect: { ...MEMBERS_ONLY, peer: 'FORBIDDEN' },
  },
  'Mutation.reactToMessage': { variables: async (w) => ({ messageId: await oliviasMessage(w), emoji: '👍', on: true }), owner: (w) => w.bella, expect: MEMBERS_ONLY },

  // Blocks, reports and moderation
  'Query.myBlocks': { expect: SIGNED_IN },
  'Mutation.blockUser': { variables: async (w) => ({ userId: (await freshUser(w)).id }), expect: SIGNED_IN },
  // Lifting a block you never made changes nothing.
  'Mutation.unblockUser': {
    variables: async (w, caller) => {
      const target = await freshUser(w);
      if (caller === 'owner') await w.t.gql(`mutation($id: ID!) { blockUser(userId: $id) }`, { id: target.id }, w.olivia.token);
      return { userId: target.id };
    },
    expect: { anonymous: 'UNAUTHENTICATED', other: 'false', owner: 'ok' },
  },
  // Anyone may report someone else's content; your own is not reportable.
  'Mutation.reportContent': {
    variables: async (w) => ({ input: { projectId: await freshProject(w), reason: 'spam' } }),
    expect: { anonymous: 'UNAUTHENTICATED', other: 'ok', owner: 'BAD_USER_INPUT' },
  },
  'Query.moderationQueue': { owner: asAdmin, expect: ADMIN_ONLY },
  'Mutation.resolveReport': { variables: async (w) => ({ input: { reportId: await openReport(w), action: 'dismiss' } }), owner: asAdmin, expect: ADMIN_ONLY },
  'Query.auditLog': { owner: asAdmin, expect: ADMIN_ONLY },

  // WHAMinars
  'Query.webinars': { expect: PUBLIC },
  'Query.webinarsInBBox': { variables: () => ({ bbox: BBOX }), expect: PUBLIC },
  // A draft is its organiser's alone: NOT_FOUND for everyone else.
  'Query.webinar': {
    variables: async (w) => ({ id: await freshWebinar(w, { publish: false }) }),
    owner: asOscar,
    peer: asOtto,
    expect: { anonymous: 'NOT_FOUND', other: 'NOT_FOUND', owner: 'ok', peer: 'NOT_FOUND' },
  },
  'Query.recommendedWebinars': { expect: SIGNED_IN },
  'Query.calendarFeedUrl': { expect: SIGNED_IN },
  'Mutation.resetCalendarFeedToken': { expect: SIGNED_IN },
  'Query.webinarRegistrations': { variables: (w) => ({ webinarId: w.webinarId }), owner: asOscar, peer: asOtto, expect: ORGANISER_OF_IT },
  'Mutation.createWebinar': {
    variables: () => ({ input: webinarInput() }),
    owner: asOscar,
    expect: { anonymous: 'UNAUTHENTICATED', other: 'FORBIDDEN', owner: 'ok' },
  },
  'Mutation.updateWebinar': { variables: async (w) => ({ id: await freshWebinar(w), input: { title: 'A new title' } }), owner: asOscar, peer: asOtto, expect: ORGANISER_OF_IT },
  'Mutation.updateWebinarSeries': {
    variables: async (w) => ({ seriesId: (await createWebinar(w.t, w.oscar, { recurrence: 'FREQ=WEEKLY;COUNT=2' })).series!.id, input: { title: 'Series title' } }),
    owner: asOscar,
    peer: asOtto,
    expect: ORGANISER_OF_IT,
  },
  // Someone else's draft does not exist as far as another organiser can tell.
  'Mutation.publishWebinar': {
    variables: async (w) => ({ id: await freshWebinar(w, { publish: false }) }),
    owner: asOscar,
    peer: asOtto,
    expect: { ...ORGANISER_OF_IT, peer: 'NOT_FOUND' },
  },
  'Mutation.cancelWebinar': { variables: async (w) => ({ id: await freshWebinar(w) }), owner: asOscar, peer: asOtto, expect: ORGANISER_OF_IT },
  'Mutation.finishWebinar': {
    variables: async (w) => {
      const id = await freshWebinar(w);
      await moveWebinar(w.t, id, minutesFromNow(-5));
      return { id };
    },
    owner: asOscar,
    peer: asOtto,
    expect: ORGANISER_OF_IT,
  },
  'Mutation.addWebinarResource': {
    variables: async (w) => ({ webinarId: await freshWebinar(w), input: { kind: 'link', title: 'Reading', url: 'https://example.org/reading' } }),
    owner: asOscar,
    peer: asOtto,
    expect: ORGANISER_OF_IT,
  },
  'Mutation.removeWebinarResource': { variables: async (w) => ({ resourceId: await webinarResource(w) }), owner: asOscar, peer: asOtto, expect: ORGANISER_OF_IT },
  'Mutation.closeWebinarThread': { variables: async (w) => ({ webinarId: await freshWebinar(w) }), owner: asOscar, peer: asOtto, expect: ORGANISER_OF_IT },
  'Mutation.reopenWebinarThread': {
    variables: async (w) => {
      const webinarId = await freshWebinar(w);
      await w.t.gql(`mutation($id: ID!) { closeWebinarThread(webinarId: $id) { id } }`, { id: webinarId }, w.oscar.token);
      return { webinarId };
    },
    owner: asOscar,
    peer: asOtto,
    expect: ORGANISER_OF_IT,
  },
  'Mutation.pinWebinarMessage': { variables: async (w) => ({ webinarId: await freshWebinar(w), messageId: null }), owner: asOscar, peer: asOtto, expect: ORGANISER_OF_IT },
  'Mutation.markWebinarAttendance': {
    variables: async (w) => ({ webinarId: await liveWebinarWith(w, w.bella), userIds: [w.bella.id], attended: true }),
    owner: asOscar,
    peer: asOtto,
    expect: ORGANISER_OF_IT,
  },
  'Mutation.registerForWebinar': { variables: async (w) => ({ webinarId: await freshWebinar(w) }), expect: SIGNED_IN },
  // Only your own registration: someone who is not registered has nothing to cancel or check in.
  'Mutation.cancelWebinarRegistration': {
    variables: async (w) => {
      const webinarId = await freshWebinar(w);
      await register(w.t, w.olivia, webinarId);
      return { webinarId };
    },
    expect: { anonymous: 'UNAUTHENTICATED', other: 'NOT_REGISTERED', owner: 'ok' },
  },
  'Mutation.checkInToWebinar': {
    variables: async (w) => ({ webinarId: await liveWebinarWith(w, w.olivia) }),
    expect: { anonymous: 'UNAUTHENTICATED', other: 'NOT_REGISTERED', owner: 'ok' },
  },
};


async function signIn(w: World, user: SignedUpUser): Promise<{ refreshToken: string }> {
  const res = await w.t.gql<{ signIn: { refreshToken: string } }>(
    `mutation($input: SignInInput!) { signIn(input: $input) { refreshToken } }`,
    { input: { email: user.email, password: user.password } },
  );
  return res.data!.signIn;
}

/** `mutation($a: T!) { field(a: $a) { __typename } }` for one root field, from the schema. */
function documentFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  // An argument with a default takes a nullable variable, so leaving the variable out means the default.
  const typeOf = (a: GraphQLArgument) => (a.defaultValue !== undefined ? getNullableType(a.type) : a.type).toString();
  const defs = field.args.map((a) => `$${a.name}: ${typeOf(a)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind}${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

describe('authorization of every operation (integration)', () => {
  let t: TestApp;
  let w: World;
  let fields: Map<string, { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }>;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    stopReminderJob(t);
    const schema = t.app.get(GraphQLSchemaHost).schema;
    fields = new Map();
    for (const [kind, type] of [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ] as Array<['query' | 'mutation', GraphQLObjectType | null | undefined]>) {
      for (const field of Object.values(type?.getFields() ?? {})) fields.set(`${type!.name}.${field.name}`, { kind, field });
    }
    const admin = await signUp(t);
    const olivia = await signUp(t, { displayName: 'Dr Olivia Owner' });
    const bella = await signUp(t, { displayName: 'Dr Bella Member' });
    const mallory = await signUp(t, { displayName: 'Dr Mallory Other' });
    const oscar = await signUpOrganiser(t, { displayName: 'Oscar Organiser' });
    const otto = await signUpOrganiser(t, { displayName: 'Otto Organiser' });
    w = { t, admin, olivia, bella, mallory, oscar, otto, projectId: '', directId: '', indicatorId: '', webinarId: '' };
    w.projectId = (await registerProject(t, olivia.token)).id;
    w.directId = await openDirect(t, olivia, bella);
    w.indicatorId = await freshIndicator(w);
    w.webinarId = await freshWebinar(w);
  });
  afterAll(async () => t?.close());

  it('has an entry for every query and mutation in the live schema, and none for fields that are gone', () => {
    const live = [...fields.keys()].sort();
    const table = Object.keys(CASES).sort();
    expect({ missingFromTable: live.filter((k) => !CASES[k]), notInSchema: table.filter((k) => !fields.has(k)) }).toEqual({
      missingFromTable: [],
      notInSchema: [],
    });
  });

  it.each(Object.keys(CASES))('%s', async (key) => {
    const entry = fields.get(key);
    if (!entry) return; // reported by the coverage test above
    const spec = CASES[key]!;
    const document = documentFor(entry.kind, entry.field);
    const callers: Caller[] = ['anonymous', 'other', ...(spec.peer ? (['peer'] as const) : []), 'owner'];
    const actual: Partial<Record<Caller, string>> = {};
    for (const caller of callers) {
      // Variables first: they may create the owner (deleteAccount's throwaway account).
      const variables = await (spec.variables?.(w, caller) ?? {});
      const user = caller === 'anonymous' ? null : caller === 'other' ? w.mallory : caller === 'peer' ? spec.peer!(w) : (spec.owner ?? ((x: World) => x.olivia))(w);
      const res = await t.gql<Record<string, unknown>>(document, variables, user?.token);
      const code = res.errors?.[0]?.extensions?.code;
      actual[caller] = code ?? (res.data?.[entry.field.name] === false ? 'false' : 'ok');
      if (code && !['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_A_MEMBER', 'NOT_FOUND', 'NOT_REGISTERED', 'INVALID_CREDENTIALS', 'BAD_USER_INPUT'].includes(code)) {
        actual[caller] = `${code}: ${res.errors?.[0]?.message}`;
      }
    }
    expect(actual).toEqual(spec.expect);
  });
});
