import '../testing/jsdom-polyfills';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CONVERSATION, CONVERSATION_MESSAGES, MY_PROJECTS, type Conversation, type Message } from '@kindred/api-client';
import { SOCKET_EVENTS, type SendMessagePayload, type SocketMessage } from '@kindred/domain';
import { renderWithProviders } from '../testing/render-with-providers';
import { ConversationView } from './ConversationView';
import { FakeTransport } from './fake-transport.testing';
import {
  conversationFixture,
  ME_ID,
  ME_PERSON,
  memberFixture,
  messageFixture,
  OTHER_ID,
  OTHER_PERSON,
  socketMessageFixture,
} from './messages-fixtures.testing';
import { MessagingProvider } from './MessagingProvider';
import type { SocketSession } from './messaging-connection';

const MY_AUTHOR = { id: ME_ID, displayName: 'Dr Asha Patel', profession: 'doctor' };

function setup({ conversation = conversationFixture(), messages = [] as Message[] } = {}) {
  const transport = new FakeTransport();
  const session: SocketSession = { getAccessToken: () => 'access-token', refresh: jest.fn(async () => true), subscribe: () => () => undefined };
  const createTransport = () => transport;
  const mocks = [
    { request: { query: CONVERSATION, variables: { id: conversation.id } }, result: { data: { conversation } }, maxUsageCount: 10 },
    {
      request: { query: CONVERSATION_MESSAGES, variables: { conversationId: conversation.id, first: 50 } },
      result: {
        data: {
          conversationMessages: {
            __typename: 'MessageConnection' as const,
            nodes: [...messages].reverse(),
            pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
          },
        },
      },
    },
    { request: { query: MY_PROJECTS }, result: { data: { myProjects: [] } }, maxUsageCount: 5 },
  ];
  const view = renderWithProviders(
    <MessagingProvider session={session} createTransport={createTransport}>
      <ConversationView conversationId={conversation.id} />
    </MessagingProvider>,
    { mocks, route: `/messages/${conversation.id}` },
  );
  const server = (event: string, payload?: unknown) => act(() => transport.serverEmit(event, payload));
  return { ...view, transport, server };
}

/** The conversation with me having read everything so far (nothing to mark read). */
const readUpTo = (mine: number, theirs: number): Conversation =>
  conversationFixture({ members: [memberFixture(ME_PERSON, { lastReadSeq: mine }), memberFixture(OTHER_PERSON, { lastReadSeq: theirs })] });

/** The machine is shared: allow renders some time. */
const SLOW = { timeout: 10_000 };
jest.setTimeout(30_000);

const log = () => screen.getByRole('log');
const bodies = () => Array.from(log().querySelectorAll('.message__body')).map((p) => p.textContent);

async function loaded(transport: FakeTransport) {
  act(() => transport.open());
  await screen.findByRole('heading', { level: 1, name: 'Sam Okafor' }, SLOW);
  await waitFor(() => expect(screen.queryByText('Loading messages…')).toBeNull(), SLOW);
}

describe('conversation view with live events', () => {
  it('shows the thread, then new messages, edits, deletions, typing and read receipts as they arrive', async () => {
    const { transport, server } = setup({
      conversation: readUpTo(2, 1),
      messages: [messageFixture(1), messageFixture(2, { author: ME_PERSON, body: 'My question' })],
    });
    await loaded(transport);
    expect(log().getAttribute('aria-live')).toBe('polite');
    expect(bodies()).toEqual(['Message 1', 'My question']);
    expect(screen.queryByText('Seen')).toBeNull();

    server(SOCKET_EVENTS.typingUpdate, { conversationId: 'conv-1', userId: OTHER_ID, displayName: 'Sam Okafor', typing: true });
    expect(screen.getByText('Sam Okafor is typing…')).toBeTruthy();

    server(SOCKET_EVENTS.messageNew, socketMessageFixture(3, { body: 'An answer' }));
    expect(bodies()).toEqual(['Message 1', 'My question', 'An answer']);
    expect(screen.queryByText('Sam Okafor is typing…')).toBeNull();
    // Visible and new from someone else: marked read over the socket.
    await waitFor(() => expect(transport.lastSent(SOCKET_EVENTS.read).payload).toEqual({ conversationId: 'conv-1', messageId: 'm3' }), SLOW);
    await act(async () => transport.lastSent(SOCKET_EVENTS.read).ack!({ ok: true, data: { unreadCount: 0 } }));

    // The same message again (another tab, a catch-up) is not shown twice; other conversations are ignored.
    server(SOCKET_EVENTS.messageNew, socketMessageFixture(3, { body: 'An answer' }));
    server(SOCKET_EVENTS.messageNew, socketMessageFixture(4, { conversationId: 'conv-other', body: 'Elsewhere' }));
    expect(bodies()).toEqual(['Message 1', 'My question', 'An answer']);

    server(SOCKET_EVENTS.readUpdate, { conversationId: 'conv-1', userId: OTHER_ID, messageId: 'm2', seq: 2 });
    const seen = screen.getByText('Seen');
    expect(seen.closest('li')?.id).toBe('message-m2');

    server(SOCKET_EVENTS.messageUpdated, socketMessageFixture(3, { body: 'An answer, corrected', editedAt: '2026-03-01T10:05:00.000Z' }));
    expect(bodies()).toContain('An answer, corrected');
    expect(within(document.getElementById('message-m3')!).getByText(/edited/)).toBeTruthy();

    server(SOCKET_EVENTS.messageUpdated, socketMessageFixture(1, { body: null, deletedAt: '2026-03-01T10:06:00.000Z' }));
    expect(within(document.getElementById('message-m1')!).getByText('This message was deleted')).toBeTruthy();
    server(SOCKET_EVENTS.messageUpdated, socketMessageFixture(3, { body: null, hiddenAt: '2026-03-01T10:07:00.000Z' }));
    expect(within(document.getElementById('message-m3')!).getByText('Hidden by a moderator')).toBeTruthy();
  });

  it('sends at once as "sending"; a refusal shows why, and "Try again" resends the same client id', async () => {
    const { transport, server } = setup({ conversation: readUpTo(1, 1), messages: [messageFixture(1)] });
    await loaded(transport);
    const box = screen.getByRole('textbox', { name: 'Write a message' });
    fireEvent.change(box, { target: { value: 'Hello there' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(screen.getByText('Sending…')).toBeTruthy();
    expect(document.activeElement).toBe(box);
    const first = transport.lastSent(SOCKET_EVENTS.send);
    const clientId = (first.payload as SendMessagePayload).clientId;
    expect(first.payload).toEqual({ conversationId: 'conv-1', clientId, body: 'Hello there' });

    await act(async () => first.ack!({ ok: false, error: { code: 'RATE_LIMITED', message: 'Too many messages.' } }));
    expect(screen.getByRole('alert').textContent).toBe('Not sent: You are sending messages too quickly. Wait a few seconds, then try again.');

    fireEvent.click(screen.getByRole('button', { name: /^Try again/ }));
    const second = transport.lastSent(SOCKET_EVENTS.send);
    expect(second).not.toBe(first);
    expect((second.payload as SendMessagePayload).clientId).toBe(clientId);

    const stored: SocketMessage = socketMessageFixture(2, { clientId, author: MY_AUTHOR, body: 'Hello there' });
    await act(async () => second.ack!({ ok: true, data: stored }));
    server(SOCKET_EVENTS.messageNew, stored); // the echo to every socket of the conversation
    expect(screen.queryByText('Sending…')).toBeNull();
    expect(bodies()).toEqual(['Message 1', 'Hello there']);
  });

  it('says "Reconnecting…", then catches up after the newest message held and merges by id', async () => {
    const { transport } = setup({ conversation: readUpTo(2, 2), messages: [messageFixture(1), messageFixture(2)] });
    await loaded(transport);
    act(() => transport.drop());
    expect(screen.getByText('Reconnecting…')).toBeTruthy();

    act(() => transport.open());
    expect(screen.queryByText('Reconnecting…')).toBeNull();
    const sync = transport.lastSent(SOCKET_EVENTS.sync);
    expect(sync.payload).toEqual({ conversations: [{ conversationId: 'conv-1', afterMessageId: 'm2' }] });
    await act(async () =>
      sync.ack!({
        ok: true,
        data: { conversations: [{ conversationId: 'conv-1', messages: [socketMessageFixture(4), socketMessageFixture(2), socketMessageFixture(3)], hasMore: false }] },
      }),
    );
    expect(bodies()).toEqual(['Message 1', 'Message 2', 'Message 3', 'Message 4']);
    await waitFor(() => expect(transport.lastSent(SOCKET_EVENTS.read).payload).toEqual({ conversationId: 'conv-1', messageId: 'm4' }), SLOW);
    await act(async () => transport.lastSent(SOCKET_EVENTS.read).ack!({ ok: true, data: { unreadCount: 0 } }));
  });

  it('replies to a reply answer its parent, quoting it', async () => {
    const parent = messageFixture(1, { body: 'Who runs the food bank referrals?' });
    const reply = messageFixture(2, {
      author: ME_PERSON,
      body: 'Good question',
      parentId: 'm1',
      parent: { __typename: 'Message', id: 'm1', seq: 1, author: OTHER_PERSON, body: parent.body, deletedAt: null, hiddenAt: null },
    });
    const { transport } = setup({ conversation: readUpTo(2, 2), messages: [parent, reply] });
    await loaded(transport);
    expect(within(document.getElementById('message-m2')!).getByText(/“Who runs the food bank referrals\?”/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Reply to your message' }));
    const box = screen.getByRole('textbox', { name: 'Reply to Sam Okafor' });
    expect(document.activeElement).toBe(box);
    expect(screen.getByText(/Replying to/).textContent).toContain('Who runs the food bank referrals?');
    fireEvent.change(box, { target: { value: 'The practice nurse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(transport.lastSent(SOCKET_EVENTS.send).payload).toMatchObject({ body: 'The practice nurse', parentId: 'm1' });
    expect(screen.getByRole('textbox', { name: 'Write a message' })).toBeTruthy();
  });

  it('toggles reactions with counts and accessible names, and edits my message inline', async () => {
    const { transport } = setup({ conversation: readUpTo(2, 2), messages: [messageFixture(1), messageFixture(2, { author: ME_PERSON, body: 'Draft plan' })] });
    await loaded(transport);

    fireEvent.click(screen.getByRole('button', { name: 'React to Sam Okafor’s message' }));
    const picker = screen.getByRole('group', { name: 'React to Sam Okafor’s message' });
    fireEvent.click(within(picker).getByRole('button', { name: 'thumbs up' }));
    const react = transport.lastSent(SOCKET_EVENTS.react);
    expect(react.payload).toEqual({ messageId: 'm1', emoji: '👍', on: true });
    await act(async () => react.ack!({ ok: true, data: socketMessageFixture(1, { reactions: [{ emoji: '👍', count: 2, userIds: [OTHER_ID, ME_ID] }] }) }));
    const counted = screen.getByRole('button', { name: 'thumbs up: 2 people, including you' });
    expect(counted.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(counted);
    const unreact = transport.lastSent(SOCKET_EVENTS.react);
    expect(unreact.payload).toEqual({ messageId: 'm1', emoji: '👍', on: false });
    await act(async () => unreact.ack!({ ok: true, data: socketMessageFixture(1, { reactions: [{ emoji: '👍', count: 1, userIds: [OTHER_ID] }] }) }));
    expect(screen.getByRole('button', { name: 'thumbs up: 1 person' }).getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(screen.getByRole('button', { name: 'Edit your message' }));
    const editor = screen.getByRole('textbox', { name: 'Edit your message' });
    expect(document.activeElement).toBe(editor);
    fireEvent.change(editor, { target: { value: 'Final plan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const edit = transport.lastSent(SOCKET_EVENTS.edit);
    expect(edit.payload).toEqual({ messageId: 'm2', body: 'Final plan' });
    await act(async () =>
      edit.ack!({ ok: true, data: socketMessageFixture(2, { author: MY_AUTHOR, body: 'Final plan', editedAt: '2026-03-01T10:09:00.000Z' }) }),
    );
    expect(bodies()).toEqual(['Message 1', 'Final plan']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit your message' }));

    fireEvent.click(screen.getByRole('button', { name: 'Delete your message' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    const del = transport.lastSent(SOCKET_EVENTS.delete);
    expect(del.payload).toEqual({ messageId: 'm2' });
    await act(async () => del.ack!({ ok: true, data: socketMessageFixture(2, { author: MY_AUTHOR, body: null, deletedAt: '2026-03-01T10:10:00.000Z' }) }));
    expect(within(document.getElementById('message-m2')!).getByText('This message was deleted')).toBeTruthy();
  });

  it('shows an incoming request with Accept and Decline and no way to reply yet', async () => {
    const conversation = conversationFixture({ status: 'request', isIncomingRequest: true, createdBy: OTHER_PERSON });
    const { transport } = setup({ conversation, messages: [messageFixture(1, { body: 'Could we compare notes?' })] });
    await loaded(transport);
    expect(screen.getByRole('heading', { name: 'Message request from Sam Okafor' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Accept the request from Sam Okafor' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Decline the request from Sam Okafor' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Write a message' })).toBeNull();
    expect(bodies()).toEqual(['Could we compare notes?']);
    await waitFor(() => expect(transport.sent(SOCKET_EVENTS.read)).toHaveLength(1), SLOW);
    await act(async () => transport.lastSent(SOCKET_EVENTS.read).ack!({ ok: true, data: { unreadCount: 0 } }));
  });
});
