import '../testing/jsdom-polyfills';
import { fireEvent, screen, within } from '@testing-library/react';
import { MY_CONVERSATIONS, type Conversation } from '@kindred/api-client';
import { renderWithProviders } from '../testing/render-with-providers';
import { conversationFixture, ME_PERSON, OTHER_PERSON, personFixture } from './messages-fixtures.testing';
import { MessagesPage } from './MessagesPage';

const connection = (nodes: Conversation[]) => ({
  myConversations: {
    __typename: 'ConversationConnection' as const,
    nodes,
    pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
  },
});

function mocks(all: Conversation[], requests: Conversation[] = []) {
  return [
    { request: { query: MY_CONVERSATIONS, variables: { first: 50 } }, result: { data: connection(all) }, maxUsageCount: 5 },
    { request: { query: MY_CONVERSATIONS, variables: { first: 50, requests: true } }, result: { data: connection(requests) }, maxUsageCount: 5 },
  ];
}

const lastMessage = (body: string, mine = false) => ({
  __typename: 'Message' as const,
  id: `last-${body}`,
  seq: 3,
  author: mine ? { __typename: 'Clinician' as const, id: ME_PERSON.id, displayName: ME_PERSON.displayName } : { __typename: 'Clinician' as const, id: OTHER_PERSON.id, displayName: OTHER_PERSON.displayName },
  body,
  createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  deletedAt: null,
  hiddenAt: null,
  isMine: mine,
});

/** The machine is shared: allow renders some time. */
const SLOW = { timeout: 10_000 };
jest.setTimeout(30_000);

describe('messages inbox', () => {
  it('lists conversations by activity with an unread badge per row', async () => {
    const priya = personFixture({ id: 'user-3', displayName: 'Priya Shah' });
    const conversations = [
      conversationFixture({ id: 'conv-1', unreadCount: 3, lastMessage: lastMessage('See you at the clinic'), lastMessageAt: new Date().toISOString() }),
      conversationFixture({ id: 'conv-2', displayTitle: 'Priya Shah', otherMember: priya, lastMessage: lastMessage('Thanks!', true), lastMessageAt: new Date(Date.now() - 3_600_000).toISOString() }),
      conversationFixture({ id: 'conv-3', kind: 'group', title: 'Leeds food pantry', displayTitle: 'Leeds food pantry', otherMember: null, unreadCount: 120 }),
    ];
    renderWithProviders(<MessagesPage />, { route: '/messages', path: '/messages', mocks: mocks(conversations) });
    const list = await screen.findByRole('list', { name: 'Conversations, most recent first' }, SLOW);
    const rows = within(list).getAllByRole('link');
    expect(rows.map((r) => r.getAttribute('href'))).toEqual(['/messages/conv-1', '/messages/conv-2', '/messages/conv-3']);
    expect(rows[0]!.textContent).toContain('See you at the clinic');
    expect(rows[0]!.textContent).toContain('3 unread messages');
    expect(rows[0]!.querySelector('.unread-badge')?.textContent).toBe('3');
    expect(rows[1]!.textContent).toContain('You: Thanks!');
    expect(rows[1]!.querySelector('.unread-badge')).toBeNull();
    expect(rows[2]!.querySelector('.unread-badge')?.textContent).toBe('99+');
    expect(rows[2]!.textContent).toContain('120 unread messages');
    expect(screen.getByRole('heading', { level: 1, name: 'Messages' })).toBeTruthy();
    expect(document.title).toBe('Messages – Kindred');
  });

  it('says how to start when there are no conversations', async () => {
    renderWithProviders(<MessagesPage />, { route: '/messages', path: '/messages', mocks: mocks([]) });
    expect(await screen.findByRole('heading', { name: 'No conversations yet' }, SLOW)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Find peers on the map' }).getAttribute('href')).toBe('/');
  });

  it('keeps message requests in their own tab, with how many are waiting', async () => {
    const request = conversationFixture({ id: 'conv-9', status: 'request', isIncomingRequest: true, unreadCount: 1, lastMessage: lastMessage('Could we talk?') });
    renderWithProviders(<MessagesPage />, { route: '/messages', path: '/messages', mocks: mocks([], [request]) });
    const tab = await screen.findByRole('link', { name: 'Requests, 1 waiting' }, SLOW);
    expect(screen.getByRole('link', { name: 'Conversations' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(tab);
    const list = await screen.findByRole('list', { name: 'Message requests' }, SLOW);
    expect(within(list).getByRole('link').getAttribute('href')).toBe('/messages/conv-9?tab=requests');
    expect(screen.getByRole('link', { name: 'Requests, 1 waiting' }).getAttribute('aria-current')).toBe('page');
  });

  it('makes groups from people I already talk with', async () => {
    const conversations = [conversationFixture({ id: 'conv-1' })];
    renderWithProviders(<MessagesPage />, { route: '/messages', path: '/messages', mocks: mocks(conversations) });
    await screen.findByRole('list', { name: 'Conversations, most recent first' }, SLOW);
    fireEvent.click(screen.getByRole('button', { name: 'New group' }));
    expect(screen.getByRole('checkbox', { name: /Sam Okafor/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create group' }));
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Title' })).toBeTruthy();
    expect(within(summary).getByRole('link', { name: 'People' })).toBeTruthy();
  });
});
