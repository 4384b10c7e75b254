import '../testing/jsdom-polyfills';
import { screen, within } from '@testing-library/react';
import { CONVERSATION, CONVERSATION_MESSAGES, MARK_CONVERSATION_READ, WEBINAR, type Message, type Webinar } from '@kindred/api-client';
import { conversationFixture, messageFixture } from '../messages/messages-fixtures.testing';
import { accountFixture } from '../testing/fixtures';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { WebinarDetailPage } from './WebinarDetailPage';
import { myRegistration, webinarFixture } from './webinars-fixtures.testing';

const SLOW = { timeout: 10_000 };
jest.setTimeout(30_000);

function setup(webinar: Webinar, { messages = [] as Message[], auth = fakeAuth() } = {}) {
  const conversation = conversationFixture({ id: 'conv-w1', kind: 'webinar', title: webinar.title, displayTitle: webinar.title, otherMember: null });
  return renderWithProviders(<WebinarDetailPage viewerZone="Europe/London" />, {
    auth,
    route: `/webinars/${webinar.id}`,
    path: '/webinars/:id',
    mocks: [
      { request: { query: WEBINAR, variables: { id: webinar.id } }, result: { data: { webinar } }, maxUsageCount: 5 },
      { request: { query: CONVERSATION, variables: { id: 'conv-w1' } }, result: { data: { conversation } }, maxUsageCount: 5 },
      {
        request: { query: CONVERSATION_MESSAGES, variables: { conversationId: 'conv-w1', first: 50 } },
        result: {
          data: {
            conversationMessages: {
              __typename: 'MessageConnection' as const,
              nodes: [...messages].reverse(),
              pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
            },
          },
        },
        maxUsageCount: 5,
      },
      {
        request: { query: MARK_CONVERSATION_READ, variables: () => true },
        result: { data: { markConversationRead: { __typename: 'Conversation' as const, id: 'conv-w1', unreadCount: 0 } } },
        maxUsageCount: 5,
      },
    ],
  });
}

const member = (overrides: Partial<NonNullable<Webinar['thread']>> = {}): Webinar['thread'] => ({
  ...webinarFixture().thread!,
  isMember: true,
  ...overrides,
});

describe('a WHAMinar’s page', () => {
  it('shows the details, the safe description, speakers, calendar links, and the discussion closed to non-members', async () => {
    setup(webinarFixture());
    expect(await screen.findByRole('heading', { level: 1, name: 'Asking about money in a 10-minute consultation' }, SLOW)).toBeTruthy();
    expect(screen.getByText('money', { selector: 'strong' })).toBeTruthy();
    expect(screen.getByText('Tuesday 9 March 2027, 10:00–11:00 GMT')).toBeTruthy();
    expect(screen.getByText('Aisha Rahman (Citizens Advice, Bradford)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download calendar file (.ics)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Add to Google Calendar (opens in a new tab)' })).toBeTruthy();
    const discussion = screen.getByRole('heading', { name: 'Discussion' }).closest('section')!;
    expect(within(discussion).getByText(/The discussion is for the people with a place/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Organiser tools' })).toBeNull();
  });

  it('tells a registrant the discussion opens at the start, with no box to write in yet', async () => {
    setup(webinarFixture({ myRegistration: myRegistration('registered'), thread: member() }));
    expect(
      await screen.findByText('The discussion opens when the WHAMinar starts, at Tuesday 9 March 2027, 10:00 GMT. Until then you can read it here.', {}, SLOW),
    ).toBeTruthy();
    expect(await screen.findByText('No messages yet.', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Write a message' })).toBeNull();
  });

  it('shows the live discussion with its pinned message once open, and the closed state', async () => {
    const pinned = { __typename: 'Message' as const, id: 'm-pin', body: 'Slides are attached above.', createdAt: '2027-03-09T10:05:00.000Z', deletedAt: null, hiddenAt: null, author: { __typename: 'Clinician' as const, id: 'org-1', displayName: 'Dr Demo Organiser' } };
    const { unmount } = setup(
      webinarFixture({ isLive: true, myRegistration: myRegistration('registered'), thread: member({ isOpenForPosting: true, pinnedMessage: pinned }) }),
      { messages: [messageFixture(1, { conversationId: 'conv-w1', body: 'Hello from Leeds' })] },
    );
    expect(await screen.findByRole('textbox', { name: 'Write a message' }, SLOW)).toBeTruthy();
    expect(await within(screen.getByRole('log', { name: /Discussion of/ })).findByText('Hello from Leeds', {}, SLOW)).toBeTruthy();
    const aside = screen.getByRole('complementary', { name: 'Pinned message' });
    expect(within(aside).getByText('Slides are attached above.')).toBeTruthy();
    unmount();

    setup(webinarFixture({ isPast: true, status: 'finished', myRegistration: myRegistration('registered'), thread: member({ status: 'closed' }) }));
    expect(await screen.findByText('The organiser closed this discussion. You can still read it.', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Write a message' })).toBeNull();
  });

  it('gives the organiser their tools, and says when a WHAMinar was cancelled', async () => {
    const { unmount } = setup(webinarFixture({ canManage: true, status: 'draft' }), { auth: fakeAuth({ account: accountFixture({ id: 'org-1', role: 'organiser' }) }) });
    const tools = (await screen.findByRole('heading', { name: 'Organiser tools' }, SLOW)).closest('section')!;
    expect(within(tools).getByRole('link', { name: 'Edit the details' }).getAttribute('href')).toBe('/webinars/web-1/edit');
    expect(within(tools).getByRole('link', { name: 'Registrants and attendance' }).getAttribute('href')).toBe('/webinars/web-1/registrations');
    expect(within(tools).getByRole('button', { name: 'Publish' })).toBeTruthy();
    expect(within(tools).getByRole('button', { name: 'Cancel this WHAMinar…' })).toBeTruthy();
    expect(screen.getByText(/This is a draft/)).toBeTruthy();
    unmount();

    setup(webinarFixture({ status: 'cancelled', cancelReason: 'The speaker is unwell.' }));
    expect(await screen.findByText('This WHAMinar was cancelled. The organiser said: “The speaker is unwell.”', {}, SLOW)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Register' }).hasAttribute('disabled')).toBe(true);
  });
});
