import { randomUUID } from 'node:crypto';
import { MessageNotificationsService } from '../src/conversations/message-notifications.service';
import {
  CONVERSATION_FIELDS,
  type ConversationSummary,
  createGroup,
  MESSAGE_FIELDS,
  openDirect,
  send,
  sendGql,
} from './conversation-fixtures';
import { registerProject, signUp, type SignedUpUser } from './fixtures';
import { connect } from './socket-fixtures';
import { countRows, createTestApp, type GqlResult, type TestApp } from './test-app';

const START = `mutation($input: StartDirectConversationInput!) { startDirectConversation(input: $input) { ${CONVERSATION_FIELDS} } }`;
const ACCEPT = `mutation($id: ID!) { acceptMessageRequest(conversationId: $id) { ${CONVERSATION_FIELDS} } }`;
const DECLINE = `mutation($id: ID!) { declineMessageRequest(conversationId: $id) { ${CONVERSATION_FIELDS} } }`;
const INBOX = `query($requests: Boolean, $first: Int, $after: String) {
  myConversations(requests: $requests, first: $first, after: $after) {
    nodes { ${CONVERSATION_FIELDS} lastMessage { body } otherMember { id } members { user { id } role } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const HISTORY = `query($id: ID!, $first: Int, $before: String) {
  conversationMessages(conversationId: $id, first: $first, before: $before) { nodes { ${MESSAGE_FIELDS} parent { id body } } pageInfo { hasNextPage endCursor } }
}`;
const UNREAD = `{ unreadMessageCount }`;
const MARK_READ = `mutation($id: ID!, $m: ID) { markConversationRead(conversationId: $id, messageId: $m) { unreadCount } }`;
const SETTINGS = `mutation($input: MessagingSettingsInput!) { updateMessagingSettings(input: $input) { messagePolicy emailDigest } }`;

function errorOf(res: GqlResult): { code?: string; field?: string } {
  return { code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field };
}

describe('conversations over GraphQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    await signUp(t); // the first account is admin; the rest are plain clinicians
  });

  afterAll(async () => {
    await t.close();
  });

  describe('direct conversations and message requests', () => {
    let a: SignedUpUser;
    let b: SignedUpUser;

    beforeAll(async () => {
      a = await signUp(t, { displayName: 'Asha Paediatrician' });
      b = await signUp(t, { displayName: 'Ben Health Visitor' });
    });

    it('starts as a request the recipient sees, one per pair, and only the starter may write until accepted', async () => {
      const first = await t.gql<{ startDirectConversation: ConversationSummary }>(START, { input: { userId: b.id } }, a.token);
      expect(first.errors).toBeUndefined();
      const conv = first.data!.startDirectConversation;
      expect(conv).toMatchObject({ kind: 'direct', status: 'request', isIncomingRequest: false, memberCount: 2, displayTitle: 'Ben Health Visitor' });

      const again = await t.gql<{ startDirectConversation: ConversationSummary }>(START, { input: { userId: b.id } }, a.token);
      const reverse = await t.gql<{ startDirectConversation: ConversationSummary }>(START, { input: { userId: a.id } }, b.token);
      expect(again.data!.startDirectConversation.id).toBe(conv.id);
      expect(reverse.data!.startDirectConversation.id).toBe(conv.id);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM conversations WHERE kind = 'direct' AND direct_key LIKE '%' || $1 || '%'`, [a.id]);
      expect(n).toBe(1);

      await send(t, a, conv.id, 'Hello, I saw your screening project');
      const requests = await t.gql<{ myConversations: { nodes: Array<ConversationSummary & { lastMessage: { body: string } }> } }>(INBOX, { requests: true }, b.token);
      expect(requests.data!.myConversations.nodes).toMatchObject([
        { id: conv.id, isIncomingRequest: true, unreadCount: 1, lastMessage: { body: 'Hello, I saw your screening project' } },
      ]);
      const bInbox = await t.gql<{ myConversations: { nodes: ConversationSummary[] } }>(INBOX, {}, b.token);
      expect(bInbox.data!.myConversations.nodes.map((c) => c.id)).not.toContain(conv.id);

      const early = await sendGql(t, b, conv.id, 'Replying before accepting');
      expect(errorOf(early).code).toBe('REQUEST_PENDING');
      const notYours = await t.gql(ACCEPT, { id: conv.id }, a.token);
      expect(errorOf(notYours).code).toBe('FORBIDDEN');

      const accepted = await t.gql<{ acceptMessageRequest: ConversationSummary }>(ACCEPT, { id: conv.id }, b.token);
      expect(accepted.data!.acceptMessageRequest.status).toBe('open');
      await send(t, b, conv.id, 'Happy to talk');
      const twice = await t.gql(ACCEPT, { id: conv.id }, b.token);
      expect(errorOf(twice)).toEqual({ code: 'BAD_USER_INPUT', field: 'conversationId' });
    });

    it('shows the recipient of a request the requester’s public projects (and the ownerId filter refuses junk)', async () => {
      const asker = await signUp(t, { displayName: 'Asker' });
      const askee = await signUp(t);
      const p1 = await registerProject(t, asker.token, { title: 'Asker first project' });
      const p2 = await registerProject(t, asker.token, { title: 'Asker second project', locationPrecision: 'region' });
      const res = await t.gql<{ startDirectConversation: ConversationSummary }>(START, { input: { userId: askee.id } }, asker.token);
      const seen = await t.gql<{ conversation: { otherMember: { projects: Array<{ id: string; exactLocation: unknown }> } } }>(
        `query($id: ID!) { conversation(id: $id) { otherMember { projects(first: 5) { id exactLocation { lat } } } } }`,
        { id: res.data!.startDirectConversation.id },
        askee.token,
      );
      expect(seen.data!.conversation.otherMember.projects).toEqual([
        { id: p2.id, exactLocation: null },
        { id: p1.id, exactLocation: null },
      ]);
      const junk = await t.gql(`{ projects(filter: { ownerId: "nope" }) { totalCount } }`);
      expect(errorOf(junk)).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.ownerId' });
      const tooMany = await t.gql(`query($id: ID!) { conversation(id: $id) { otherMember { projects(first: 21) { id } } } }`, { id: res.data!.startDirectConversation.id }, askee.token);
      expect(errorOf(tooMany)).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    });

    it('a declined request takes no more messages and cannot be asked again by its starter', async () => {
      const x = await signUp(t);
      const y = await signUp(t);
      const res = await t.gql<{ startDirectConversation: ConversationSummary }>(START, { input: { userId: y.id } }, x.token);
      const id = res.data!.startDirectConversation.id;
      await send(t, x, id, 'Can we talk?');
      const declined = await t.gql<{ declineMessageRequest: ConversationSummary }>(DECLINE, { id }, y.token);
      expect(declined.data!.declineMessageRequest.status).toBe('declined');
      expect(errorOf(await sendGql(t, x, id, 'Please?')).code).toBe('MESSAGING_CLOSED');
      expect(errorOf(await t.gql(START, { input: { userId: y.id } }, x.token))).toEqual({ code: 'MESSAGING_CLOSED', field: 'input.userId' });
    });

    it('respects who may message me: nobody, or only people sharing a theme', async () => {
      const picky = await signUp(t, { displayName: 'Picky' });
      const stranger = await signUp(t);
      const sameTheme = await signUp(t);
      await registerProject(t, picky.token, { themes: ['housing'] });
      await registerProject(t, stranger.token, { themes: ['food-insecurity'] });
      await registerProject(t, sameTheme.token, { themes: ['housing', 'food-insecurity'] });

      expect((await t.gql(SETTINGS, { input: { messagePolicy: 'sometimes' } }, picky.token)).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.messagePolicy',
      });
      const set = await t.gql(SETTINGS, { input: { messagePolicy: 'nobody' } }, picky.token);
      expect(set.data).toEqual({ updateMessagingSettings: { messagePolicy: 'nobody', emailDigest: false } });
      const before = await countRows(t.db, 'conversations');
      expect(errorOf(await t.gql(START, { input: { userId: picky.id } }, stranger.token))).toEqual({ code: 'MESSAGING_CLOSED', field: 'input.userId' });

      await t.gql(SETTINGS, { input: { messagePolicy: 'shared-theme' } }, picky.token);
      expect(errorOf(await t.gql(START, { input: { userId: picky.id } }, stranger.token)).code).toBe('MESSAGING_CLOSED');
      expect(await countRows(t.db, 'conversations')).toBe(before);
      const ok = await t.gql<{ startDirectConversation: ConversationSummary }>(START, { input: { userId: picky.id } }, sameTheme.token);
      expect(ok.data!.startDirectConversation.status).toBe('request');
    });

    it('refuses yourself, unknown people and blocked pairs, writing nothing', async () => {
      const before = await countRows(t.db, 'conversations');
      expect(errorOf(await t.gql(START, { input: { userId: a.id } }, a.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.userId' });
      expect(errorOf(await t.gql(START, { input: { userId: randomUUID() } }, a.token))).toEqual({ code: 'NOT_FOUND', field: 'input.userId' });
      expect(errorOf(await t.gql(START, { input: { userId: 'not-an-id' } }, a.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.userId' });
      const blocker = await signUp(t);
      await t.gql(`mutation($id: ID!) { blockUser(userId: $id) }`, { id: a.id }, blocker.token);
      expect(errorOf(await t.gql(START, { input: { userId: blocker.id } }, a.token)).code).toBe('BLOCKED');
      expect(errorOf(await t.gql(START, { input: { userId: a.id } }, blocker.token)).code).toBe('BLOCKED');
      expect(await countRows(t.db, 'conversations')).toBe(before);
      expect(errorOf(await t.gql(START, { input: { userId: b.id } })).code).toBe('UNAUTHENTICATED');
    });
  });

  describe('messages', () => {
    let a: SignedUpUser;
    let b: SignedUpUser;
    let outsider: SignedUpUser;
    let conv: string;

    beforeAll(async () => {
      a = await signUp(t, { displayName: 'Amira GP' });
      b = await signUp(t, { displayName: 'Bola Midwife' });
      outsider = await signUp(t);
      conv = await openDirect(t, a, b);
    });

    it('refuses bad input with a code and field and stores nothing', async () => {
      const before = await countRows(t.db, 'messages');
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ body: '   ' }, 'BAD_USER_INPUT', 'input.body'],
        [{ body: 'x'.repeat(4001) }, 'BAD_USER_INPUT', 'input.body'],
        [{ clientId: 'bad id!' }, 'BAD_USER_INPUT', 'input.clientId'],
        [{ conversationId: randomUUID() }, 'NOT_FOUND', 'input.conversationId'],
        [{ parentId: randomUUID() }, 'BAD_USER_INPUT', 'input.parentId'],
        [{ mentionIds: [outsider.id] }, 'BAD_USER_INPUT', 'input.mentionIds'],
      ];
      for (const [override, code, field] of cases) {
        const res = await t.gql(
          `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
          { input: { conversationId: conv, clientId: randomUUID(), body: 'A fine message', ...override } },
          a.token,
        );
        expect({ override: Object.keys(override)[0], ...errorOf(res) }).toEqual({ override: Object.keys(override)[0], code, field });
      }
      expect(errorOf(await sendGql(t, outsider, conv, 'Let me in')).code).toBe('NOT_A_MEMBER');
      expect(await countRows(t.db, 'messages')).toBe(before);
      // 4,000 characters is fine.
      expect((await sendGql(t, a, conv, 'y'.repeat(4000))).errors).toBeUndefined();
    });

    it('keeps a retry idempotent over GraphQL too', async () => {
      const clientId = randomUUID();
      const first = await sendGql(t, a, conv, 'Once only', { clientId });
      const second = await sendGql(t, a, conv, 'Once only', { clientId });
      expect(second.data!.sendMessage.id).toBe(first.data!.sendMessage.id);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM messages WHERE client_id = $1`, [clientId]);
      expect(n).toBe(1);
    });

    it('threads replies one level deep and pages history newest first', async () => {
      const root = await send(t, a, conv, 'Root question');
      const reply = await send(t, b, conv, 'An answer', { parentId: root.id });
      const replyToReply = await send(t, a, conv, 'A follow-up', { parentId: reply.id });
      expect(reply.parentId).toBe(root.id);
      expect(replyToReply.parentId).toBe(root.id);

      const page1 = await t.gql<{ conversationMessages: { nodes: Array<{ id: string; seq: number; parent: { id: string } | null }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        HISTORY,
        { id: conv, first: 2 },
        b.token,
      );
      const nodes1 = page1.data!.conversationMessages.nodes;
      expect(nodes1.map((n) => n.id)).toEqual([replyToReply.id, reply.id]);
      expect(nodes1[0]!.parent?.id).toBe(root.id);
      expect(page1.data!.conversationMessages.pageInfo.hasNextPage).toBe(true);
      const page2 = await t.gql<{ conversationMessages: { nodes: Array<{ id: string; seq: number }> } }>(
        HISTORY,
        { id: conv, first: 2, before: page1.data!.conversationMessages.pageInfo.endCursor },
        b.token,
      );
      expect(page2.data!.conversationMessages.nodes[0]!.id).toBe(root.id);
      const seqs = [...nodes1, ...page2.data!.conversationMessages.nodes].map((n) => n.seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => y - x));

      expect(errorOf(await t.gql(HISTORY, { id: conv }, outsider.token)).code).toBe('NOT_A_MEMBER');
      expect(errorOf(await t.gql(HISTORY, { id: conv, first: 101 }, a.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(errorOf(await t.gql(HISTORY, { id: conv, before: 'abc' }, a.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'before' });
    });

    it('lets only the author edit or delete, and shows a deleted message as such', async () => {
      const m = await send(t, a, conv, 'Typo in here');
      const EDIT = `mutation($id: ID!, $body: String!) { editMessage(messageId: $id, body: $body) { body editedAt } }`;
      const DELETE = `mutation($id: ID!) { deleteMessage(messageId: $id) { body deletedAt } }`;
      expect(errorOf(await t.gql(EDIT, { id: m.id, body: 'Hijack' }, b.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(EDIT, { id: m.id, body: 'Hijack' }, outsider.token)).code).toBe('NOT_A_MEMBER');
      expect(errorOf(await t.gql(EDIT, { id: m.id, body: '' }, a.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'body' });
      const edited = await t.gql<{ editMessage: { body: string; editedAt: string } }>(EDIT, { id: m.id, body: 'No typo here' }, a.token);
      expect(edited.data!.editMessage.body).toBe('No typo here');
      expect(edited.data!.editMessage.editedAt).toBeTruthy();
      expect(errorOf(await t.gql(DELETE, { id: m.id }, b.token)).code).toBe('FORBIDDEN');
      const deleted = await t.gql<{ deleteMessage: { body: string | null; deletedAt: string } }>(DELETE, { id: m.id }, a.token);
      expect(deleted.data!.deleteMessage).toMatchObject({ body: null });
      const [row] = await t.db.query(`SELECT body FROM messages WHERE id = $1`, [m.id]);
      expect(row.body).not.toContain('typo');
      expect(errorOf(await t.gql(EDIT, { id: m.id, body: 'Back again' }, a.token)).code).toBe('BAD_USER_INPUT');
    });

    it('counts reactions per emoji and who added them', async () => {
      const m = await send(t, a, conv, 'React to me');
      const REACT = `mutation($id: ID!, $e: String!, $on: Boolean!) { reactToMessage(messageId: $id, emoji: $e, on: $on) { reactions { emoji count reactedByMe userIds } } }`;
      await t.gql(REACT, { id: m.id, e: '👍', on: true }, a.token);
      const both = await t.gql<{ reactToMessage: { reactions: unknown[] } }>(REACT, { id: m.id, e: '👍', on: true }, b.token);
      expect(both.data!.reactToMessage.reactions).toEqual([{ emoji: '👍', count: 2, reactedByMe: true, userIds: [a.id, b.id] }]);
      const off = await t.gql<{ reactToMessage: { reactions: unknown[] } }>(REACT, { id: m.id, e: '👍', on: false }, a.token);
      expect(off.data!.reactToMessage.reactions).toEqual([{ emoji: '👍', count: 1, reactedByMe: false, userIds: [b.id] }]);
      expect(errorOf(await t.gql(REACT, { id: m.id, e: 'lol', on: true }, a.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'emoji' });
      expect(errorOf(await t.gql(REACT, { id: m.id, e: '👍', on: true }, outsider.token)).code).toBe('NOT_A_MEMBER');
    });

    it('counts unread messages from others and clears them on read, never moving the mark back', async () => {
      const x = await signUp(t);
      const y = await signUp(t);
      const id = await openDirect(t, x, y);
      const m1 = await send(t, x, id, 'one');
      await send(t, x, id, 'two');
      expect((await t.gql<{ unreadMessageCount: number }>(UNREAD, {}, y.token)).data!.unreadMessageCount).toBe(2);
      await send(t, y, id, 'mine does not count');
      await send(t, x, id, 'three');
      expect((await t.gql<{ unreadMessageCount: number }>(UNREAD, {}, x.token)).data!.unreadMessageCount).toBe(0);
      // Sending moved y's mark to its own message: only 'three' is unread in the inbox now.
      const inbox = await t.gql<{ myConversations: { nodes: ConversationSummary[] } }>(INBOX, {}, y.token);
      expect(inbox.data!.myConversations.nodes.find((c) => c.id === id)!.unreadCount).toBe(1);
      const cleared = await t.gql<{ markConversationRead: { unreadCount: number } }>(MARK_READ, { id }, y.token);
      expect(cleared.data!.markConversationRead.unreadCount).toBe(0);
      const back = await t.gql<{ markConversationRead: { unreadCount: number } }>(MARK_READ, { id, m: m1.id }, y.token);
      expect(back.data!.markConversationRead.unreadCount).toBe(0);
      expect(errorOf(await t.gql(MARK_READ, { id }, a.token)).code).toBe('NOT_A_MEMBER');
    });

    it('lists the inbox by latest activity with a cursor', async () => {
      const me = await signUp(t);
      const others = await Promise.all([signUp(t), signUp(t), signUp(t)]);
      const ids: string[] = [];
      for (const o of others) ids.push(await openDirect(t, me, o));
      await send(t, me, ids[0]!, 'bump the first');
      const page1 = await t.gql<{ myConversations: { nodes: ConversationSummary[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        INBOX,
        { first: 2 },
        me.token,
      );
      expect(page1.data!.myConversations.nodes.map((c) => c.id)).toEqual([ids[0], ids[2]]);
      const page2 = await t.gql<{ myConversations: { nodes: ConversationSummary[]; pageInfo: { hasNextPage: boolean } } }>(
        INBOX,
        { first: 2, after: page1.data!.myConversations.pageInfo.endCursor },
        me.token,
      );
      expect(page2.data!.myConversations.nodes.map((c) => c.id)).toEqual([ids[1]]);
      expect(page2.data!.myConversations.pageInfo.hasNextPage).toBe(false);
      expect(errorOf(await t.gql(INBOX, { after: 'garbage' }, me.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
      expect(errorOf(await t.gql(`query($id: ID!) { conversation(id: $id) { id } }`, { id: ids[0] }, a.token)).code).toBe('NOT_A_MEMBER');
    });
  });

  describe('groups', () => {
    it('lets the owner manage members up to 50, and anyone leave', async () => {
      const owner = await signUp(t, { displayName: 'Owner' });
      const [m1, m2, m3] = await Promise.all([signUp(t), signUp(t), signUp(t)]);
      const id = await createGroup(t, owner, [m1!, m2!], 'WHAM North');
      const ADD = `mutation($c: ID!, $u: [ID!]!) { addConversationMembers(conversationId: $c, userIds: $u) { memberCount } }`;
      const RENAME = `mutation($c: ID!, $t: String!) { renameConversation(conversationId: $c, title: $t) { title displayTitle } }`;
      expect(errorOf(await t.gql(ADD, { c: id, u: [m3!.id] }, m1!.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(RENAME, { c: id, t: 'Mine now' }, m1!.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(RENAME, { c: id, t: '' }, owner.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
      expect((await t.gql(RENAME, { c: id, t: 'WHAM North East' }, owner.token)).data).toEqual({
        renameConversation: { title: 'WHAM North East', displayTitle: 'WHAM North East' },
      });

      // Fill to 50 with fake accounts inserted directly (sign-up hashing is slow), then one more is too many.
      const filler: Array<{ id: string }> = await t.db.query(
        `INSERT INTO users (email, password_hash, display_name, profession)
         SELECT 'filler-' || g || '-' || $1 || '@example.org', 'x', 'Filler ' || g, 'nurse' FROM generate_series(1, 47) g RETURNING id`,
        [randomUUID().slice(0, 8)],
      );
      const full = await t.gql<{ addConversationMembers: { memberCount: number } }>(ADD, { c: id, u: filler.map((f) => f.id) }, owner.token);
      expect(full.data!.addConversationMembers.memberCount).toBe(50);
      const before = await countRows(t.db, 'conversation_members');
      expect(errorOf(await t.gql(ADD, { c: id, u: [m3!.id] }, owner.token))).toEqual({ code: 'CONVERSATION_FULL', field: 'userIds' });
      expect(await countRows(t.db, 'conversation_members')).toBe(before);

      const LEAVE = `mutation($c: ID!) { leaveConversation(conversationId: $c) }`;
      expect((await t.gql(LEAVE, { c: id }, owner.token)).data).toEqual({ leaveConversation: true });
      // The longest-standing member becomes owner (m1 and m2 joined together: the smaller id wins the tie).
      const owners: Array<{ user_id: string }> = await t.db.query(`SELECT user_id FROM conversation_members WHERE conversation_id = $1 AND role = 'owner'`, [id]);
      expect(owners.map((o) => o.user_id)).toEqual([[m1!.id, m2!.id].sort()[0]]);
      expect(errorOf(await sendGql(t, owner, id, 'Am I still here?')).code).toBe('NOT_A_MEMBER');
    });

    it('refuses bad groups: no members, too many, yourself, a blocked person', async () => {
      const owner = await signUp(t);
      const other = await signUp(t);
      const GROUP = `mutation($input: CreateGroupConversationInput!) { createGroupConversation(input: $input) { id } }`;
      const before = await countRows(t.db, 'conversations');
      expect(errorOf(await t.gql(GROUP, { input: { title: 'Empty', memberIds: [] } }, owner.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.memberIds' });
      const many = Array.from({ length: 50 }, () => randomUUID());
      expect(errorOf(await t.gql(GROUP, { input: { title: 'Crowd', memberIds: many } }, owner.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.memberIds' });
      expect(errorOf(await t.gql(GROUP, { input: { title: 'Me', memberIds: [owner.id] } }, owner.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.memberIds' });
      expect(errorOf(await t.gql(GROUP, { input: { title: ' ', memberIds: [other.id] } }, owner.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.title' });
      await t.gql(`mutation($id: ID!) { blockUser(userId: $id) }`, { id: owner.id }, other.token);
      expect(errorOf(await t.gql(GROUP, { input: { title: 'Blocked', memberIds: [other.id] } }, owner.token))).toEqual({ code: 'BLOCKED', field: 'input.memberIds' });
      expect(await countRows(t.db, 'conversations')).toBe(before);
    });
  });

  describe('notifications', () => {
    it('notifies mentions and replies always, other messages only while away and once until read', async () => {
      const a = await signUp(t, { displayName: 'Aoife' });
      const b = await signUp(t, { displayName: 'Bram' });
      const c = await signUp(t, { displayName: 'Cleo' });
      const group = await createGroup(t, a, [b, c], 'Notify group');
      const settled = () => t.app.get(MessageNotificationsService).settled();
      const notes = async (user: SignedUpUser) =>
        (await t.db.query(`SELECT type, message, link FROM notifications WHERE user_id = $1 ORDER BY created_at, id`, [user.id])) as Array<{
          type: string;
          message: string;
          link: string;
        }>;

      const cOnline = await connect(t, c.token);
      try {
        const root = await send(t, a, group, 'First message');
        await send(t, a, group, 'Second message while away');
        await settled();
        // b is away: one notification for the unread stretch; c is online: none.
        expect(await notes(b)).toEqual([{ type: 'message', message: 'New message from Aoife in Notify group: “First message”', link: `/messages/${group}` }]);
        expect(await notes(c)).toEqual([]);

        await send(t, b, group, 'Replying to you', { parentId: root.id, mentionIds: [c.id] });
        await settled();
        expect((await notes(a)).map((n) => n.type)).toEqual(['reply']);
        expect((await notes(c)).map((n) => n.type)).toEqual(['mention']);
        expect((await notes(c))[0]!.message).toBe('Bram mentioned you in Notify group: “Replying to you”');

        // b reads, then a new stretch notifies again.
        await t.gql(MARK_READ, { id: group }, b.token);
        await send(t, a, group, 'Third message');
        await settled();
        expect((await notes(b)).map((n) => n.type)).toEqual(['message', 'message']);
      } finally {
        cOnline.close();
      }
    });
  });
});
