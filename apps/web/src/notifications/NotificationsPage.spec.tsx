import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  MARK_ALL_NOTIFICATIONS_READ,
  MARK_NOTIFICATIONS_READ,
  MY_NOTIFICATIONS,
  UNREAD_NOTIFICATION_COUNT,
  type Notification,
} from '@kindred/api-client';
import { renderWithProviders } from '../testing/render-with-providers';
import { NotificationsPage } from './NotificationsPage';

function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    __typename: 'Notification',
    id: 'n-1',
    type: 'alert-match',
    message: 'New project near Leeds matching your alert ‘Child poverty near me’: ‘Warm spaces for families’ (about 6 km from the centre)',
    link: '/projects/p-1',
    payload: '{}',
    readAt: null,
    createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    ...overrides,
  };
}

const page = (nodes: Notification[], hasNextPage = false, endCursor: string | null = null, after?: string) => ({
  request: { query: MY_NOTIFICATIONS, variables: after ? { first: 20, after } : { first: 20 } },
  result: { data: { myNotifications: { __typename: 'NotificationConnection', nodes, pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor } } } },
});
const unread = (n: number) => ({ request: { query: UNREAD_NOTIFICATION_COUNT }, result: { data: { unreadNotificationCount: n } } });

describe('notifications page', () => {
  it('lists notifications newest first, each linking to its project, unread ones marked for screen readers', async () => {
    renderWithProviders(<NotificationsPage />, {
      mocks: [page([notification(), notification({ id: 'n-2', message: 'Older and read', link: '/projects/p-2', readAt: '2026-03-01T10:00:00Z', createdAt: '2026-02-27T10:00:00Z' })]), unread(1)],
    });
    const link = await screen.findByRole('link', { name: /^Unread: New project near Leeds/ });
    expect(link.getAttribute('href')).toBe('/projects/p-1');
    const list = screen.getByRole('list', { name: 'Notifications, newest first' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByRole('link', { name: 'Older and read' })).toBeTruthy();
    expect(screen.getByText('5 minutes ago')).toBeTruthy();
    expect(screen.getByText('27 Feb 2026').getAttribute('datetime')).toBe('2026-02-27T10:00:00Z');
    expect(await screen.findByText('1 unread.')).toBeTruthy();
  });

  it('marks one read when it is opened', async () => {
    const mark = jest.fn(() => ({ data: { markNotificationsRead: [notification({ readAt: new Date().toISOString() })] } }));
    renderWithProviders(<NotificationsPage />, {
      mocks: [
        page([notification()]),
        unread(1),
        { request: { query: MARK_NOTIFICATIONS_READ, variables: { ids: ['n-1'] } }, result: mark },
        { ...unread(0), maxUsageCount: 3 },
      ],
    });
    fireEvent.click(await screen.findByRole('link', { name: /New project near Leeds/ }));
    await waitFor(() => expect(mark).toHaveBeenCalled());
  });

  it('marks all as read', async () => {
    const markAll = jest.fn(() => ({ data: { markAllNotificationsRead: 1 } }));
    renderWithProviders(<NotificationsPage />, {
      mocks: [
        page([notification()]),
        unread(1),
        { request: { query: MARK_ALL_NOTIFICATIONS_READ }, result: markAll },
        page([notification({ readAt: new Date().toISOString() })]),
        { ...unread(0), maxUsageCount: 3 },
      ],
    });
    await screen.findByText('1 unread.');
    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(await screen.findByText('All notifications are marked as read.')).toBeTruthy();
    expect(markAll).toHaveBeenCalled();
    expect(await screen.findByText('All read.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mark all as read' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('shows older notifications on request', async () => {
    renderWithProviders(<NotificationsPage />, {
      mocks: [
        page([notification()], true, 'cursor-1'),
        unread(1),
        page([notification({ id: 'n-9', message: 'From last month', readAt: '2026-02-01T10:00:00Z' })], false, 'cursor-2', 'cursor-1'),
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Show older notifications' }));
    expect(await screen.findByRole('link', { name: 'From last month' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Show older notifications' })).toBeNull());
  });

  it('says when there are none yet and where to start', async () => {
    renderWithProviders(<NotificationsPage />, { mocks: [page([]), unread(0)] });
    expect(await screen.findByRole('heading', { name: 'No notifications yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Save an area on the Alerts page.' }).getAttribute('href')).toBe('/alerts');
  });

  it('says when they could not be loaded', async () => {
    renderWithProviders(<NotificationsPage />, {
      mocks: [{ request: { query: MY_NOTIFICATIONS, variables: { first: 20 } }, error: new TypeError('Failed to fetch') }, unread(0)],
    });
    expect(await screen.findByRole('heading', { name: 'Your notifications could not be loaded' })).toBeTruthy();
  });
});
