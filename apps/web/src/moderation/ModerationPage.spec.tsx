import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  MODERATION_QUEUE,
  RESOLVE_REPORT,
  UNREAD_MESSAGE_COUNT,
  UNREAD_NOTIFICATION_COUNT,
  type Report,
  type ResolveReportInput,
} from '@kindred/api-client';
import { AppLayout } from '../layout/AppLayout';
import { accountFixture, apiError } from '../testing/fixtures';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { EMPTY_QUEUE_TITLE, ModerationPage } from './ModerationPage';

const admin = () => fakeAuth({ account: accountFixture({ id: 'admin-1', role: 'admin' }) });
const person = (id: string, displayName: string, role: 'clinician' | 'admin' = 'clinician') => ({
  __typename: 'Clinician' as const,
  id,
  displayName,
  professionLabel: 'Nurse',
  role,
});

function reportFixture(overrides: Partial<Report> = {}): Report {
  return {
    __typename: 'Report',
    id: 'report-1',
    reason: 'misinformation',
    details: 'Says vitamin C cures asthma.',
    status: 'open',
    resolution: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    resolvedAt: null,
    reporter: person('user-2', 'Alice Reporter'),
    targetAuthor: person('user-3', 'Bob Author'),
    message: null,
    project: { __typename: 'Project', id: 'project-7', title: 'Miracle cures', summary: 'Vitamins for everything.', hiddenAt: null },
    ...overrides,
  };
}

const messageReport = reportFixture({
  id: 'report-2',
  reason: 'harassment',
  details: null,
  project: null,
  message: {
    __typename: 'Message',
    id: 'message-4',
    conversationId: 'conv-1',
    body: 'You are useless at your job.',
    createdAt: '2026-03-01T08:00:00.000Z',
    deletedAt: null,
    hiddenAt: '2026-03-01T10:00:00.000Z',
  },
  targetAuthor: person('admin-9', 'Ada Admin', 'admin'),
});

const queue = (nodes: Report[], hasNextPage = false) => ({
  request: { query: MODERATION_QUEUE, variables: { status: 'open', first: 20 } },
  result: { data: { moderationQueue: { __typename: 'ReportConnection', nodes, pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: null } } } },
});

describe('moderation page', () => {
  it('is for admins only, and asks the API for nothing otherwise', () => {
    renderWithProviders(<ModerationPage />, { mocks: [] });
    expect(screen.getByRole('heading', { name: 'Only admins can moderate' })).toBeTruthy();
    expect(screen.queryByText('Loading the moderation queue…')).toBeNull();
  });

  it('shows a loading state, then says when nothing is waiting', async () => {
    renderWithProviders(<ModerationPage />, { auth: admin(), mocks: [queue([])] });
    expect(screen.getByText('Loading the moderation queue…')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: EMPTY_QUEUE_TITLE })).toBeTruthy();
  });

  it('says when the queue could not be loaded, with a retry', async () => {
    renderWithProviders(<ModerationPage />, { auth: admin(), mocks: [{ request: { query: MODERATION_QUEUE, variables: { status: 'open', first: 20 } }, error: new TypeError('Failed to fetch') }] });
    expect(await screen.findByRole('heading', { name: 'The moderation queue could not be loaded' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('lists each report with what was reported, why, by whom and about whom', async () => {
    renderWithProviders(<ModerationPage />, { auth: admin(), mocks: [queue([reportFixture(), messageReport], true)] });
    const project = (await screen.findByRole('article', { name: 'Project: Miracle cures' })) as HTMLElement;
    expect(within(project).getByRole('link', { name: 'Miracle cures' }).getAttribute('href')).toBe('/projects/project-7');
    expect(within(project).getByText('Unsafe or misleading clinical information')).toBeTruthy();
    expect(within(project).getByText('Vitamins for everything.')).toBeTruthy();
    expect(within(project).getByText('Bob Author (Nurse)')).toBeTruthy();
    expect(within(project).getByText('Alice Reporter (Nurse)')).toBeTruthy();
    expect(within(project).getByText('Says vitamin C cures asthma.')).toBeTruthy();
    expect(within(project).getAllByRole('button').map((b) => b.textContent)).toEqual(['Dismiss', 'Hide content', 'Suspend account']);

    const message = screen.getByRole('article', { name: 'A message in a conversation' });
    // Moderators read a hidden message's text.
    expect(within(message).getByText('You are useless at your job.')).toBeTruthy();
    expect(within(message).getByText('Already hidden')).toBeTruthy();
    expect(within(message).getByText('None given')).toBeTruthy();
    // Admins cannot be suspended, so it is not offered.
    expect(within(message).queryByRole('button', { name: 'Suspend account' })).toBeNull();
    expect(within(message).getByText('Admin accounts cannot be suspended here.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show more reports' })).toBeTruthy();
  });

  it('confirms before hiding, sends the note, and announces the outcome once the report has gone', async () => {
    const sent: ResolveReportInput[] = [];
    renderWithProviders(<ModerationPage />, {
      auth: admin(),
      mocks: [
        queue([reportFixture(), messageReport]),
        {
          request: { query: RESOLVE_REPORT, variables: () => true },
          result: (vars: { input: ResolveReportInput }) => {
            sent.push(vars.input);
            return { data: { resolveReport: reportFixture({ status: 'actioned', resolution: 'Advertising', resolvedAt: '2026-03-02T09:00:00.000Z' }) } };
          },
        },
        queue([messageReport]),
      ],
    });
    const card = (await screen.findByRole('article', { name: 'Project: Miracle cures' })) as HTMLElement;
    fireEvent.click(within(card).getByRole('button', { name: 'Hide content' }));
    const question = within(card).getByText(/^Hide the project “Miracle cures” from everyone\?/);
    await waitFor(() => expect(document.activeElement).toBe(question));
    expect(sent).toEqual([]);
    fireEvent.change(within(card).getByLabelText('Note for the record (optional)'), { target: { value: ' Advertising ' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Yes, hide project' }));

    const status = await screen.findByText('The project “Miracle cures” is now hidden.');
    expect(sent).toEqual([{ reportId: 'report-1', action: 'hide', note: 'Advertising' }]);
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Project: Miracle cures' })).toBeNull());
    expect(document.activeElement).toBe(status);
    expect(screen.getByRole('article', { name: 'A message in a conversation' })).toBeTruthy();
  });

  it('asks before suspending and gives focus back when I cancel', async () => {
    renderWithProviders(<ModerationPage />, { auth: admin(), mocks: [queue([reportFixture()])] });
    const card = (await screen.findByRole('article', { name: 'Project: Miracle cures' })) as HTMLElement;
    const suspend = within(card).getByRole('button', { name: 'Suspend account' });
    fireEvent.click(suspend);
    const group = within(card).getByRole('group', { name: /^Suspend Bob Author’s account\?/ });
    expect(within(group).getByRole('button', { name: 'Yes, suspend account' })).toBeTruthy();
    fireEvent.click(within(group).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Suspend account' })));
  });

  it('shows a refusal beside the decision and keeps the report', async () => {
    renderWithProviders(<ModerationPage />, {
      auth: admin(),
      mocks: [
        queue([reportFixture()]),
        {
          request: { query: RESOLVE_REPORT, variables: () => true },
          result: { data: null, errors: [apiError('This report has already been resolved.', 'BAD_USER_INPUT', 'input.reportId')] },
        },
      ],
    });
    const card = (await screen.findByRole('article', { name: 'Project: Miracle cures' })) as HTMLElement;
    fireEvent.click(within(card).getByRole('button', { name: 'Dismiss' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Yes, dismiss report' }));
    expect((await within(card).findByRole('alert')).textContent).toBe('This report has already been resolved.');
  });

  it('is in the header for admins only', async () => {
    const unread = [
      { request: { query: UNREAD_NOTIFICATION_COUNT }, result: { data: { unreadNotificationCount: 0 } }, maxUsageCount: 10 },
      { request: { query: UNREAD_MESSAGE_COUNT }, result: { data: { unreadMessageCount: 0 } }, maxUsageCount: 10 },
    ];
    const view = renderWithProviders(<AppLayout />, { auth: admin(), mocks: unread });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Moderation' }).getAttribute('href')).toBe('/moderation');
    await screen.findByRole('link', { name: /^Notifications/ });
    view.unmount();
    renderWithProviders(<AppLayout />, { mocks: unread });
    await screen.findByRole('link', { name: /^Notifications/ });
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Moderation' })).toBeNull();
  });
});
