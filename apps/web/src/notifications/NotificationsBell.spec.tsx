import '../testing/jsdom-polyfills';
import { act, fireEvent, screen } from '@testing-library/react';
import { UNREAD_NOTIFICATION_COUNT } from '@kindred/api-client';
import { renderWithProviders } from '../testing/render-with-providers';
import { NotificationsBell } from './NotificationsBell';
import { UNREAD_POLL_MS } from './useUnreadNotificationCount';

const count = (n: number) => ({ request: { query: UNREAD_NOTIFICATION_COUNT }, result: { data: { unreadNotificationCount: n } } });

describe('notifications bell', () => {
  it('says how many are unread in its accessible name, and shows the count', async () => {
    renderWithProviders(<NotificationsBell />, { mocks: [count(3)] });
    const bell = await screen.findByRole('link', { name: 'Notifications, 3 unread' });
    expect(bell.getAttribute('href')).toBe('/notifications');
    expect(bell.textContent).toBe('Notifications3');
    // The badge is for the eye; the name already says it.
    expect(bell.querySelector('[aria-hidden="true"].notifications-bell__badge')?.textContent).toBe('3');
  });

  it('is just "Notifications" with nothing unread, and shows no badge', async () => {
    const result = jest.fn(() => ({ data: { unreadNotificationCount: 0 } }));
    renderWithProviders(<NotificationsBell />, { mocks: [{ request: { query: UNREAD_NOTIFICATION_COUNT }, result }] });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(result).toHaveBeenCalled();
    const bell = screen.getByRole('link', { name: 'Notifications' });
    expect(bell.querySelector('.notifications-bell__badge')).toBeNull();
  });

  it('asks again when the window regains focus, and announces new notifications', async () => {
    renderWithProviders(<NotificationsBell />, { mocks: [count(1), count(3)] });
    await screen.findByRole('link', { name: 'Notifications, 1 unread' });
    act(() => {
      fireEvent.focus(window);
    });
    await screen.findByRole('link', { name: 'Notifications, 3 unread' });
    expect(screen.getByRole('status').textContent).toBe('You have 2 new notifications.');
  });

  it('caps the badge at 99+ but gives the full count to screen readers', async () => {
    renderWithProviders(<NotificationsBell />, { mocks: [count(120)] });
    const bell = await screen.findByRole('link', { name: 'Notifications, 120 unread' });
    expect(bell.querySelector('.notifications-bell__badge')?.textContent).toBe('99+');
  });

  it('asks again every minute', async () => {
    jest.useFakeTimers();
    try {
      renderWithProviders(<NotificationsBell />, { mocks: [count(1), count(2)] });
      await act(async () => {
        await jest.advanceTimersByTimeAsync(10);
      });
      expect(screen.getByRole('link', { name: 'Notifications, 1 unread' })).toBeTruthy();
      await act(async () => {
        await jest.advanceTimersByTimeAsync(UNREAD_POLL_MS - 100);
      });
      expect(screen.getByRole('link', { name: 'Notifications, 1 unread' })).toBeTruthy();
      await act(async () => {
        await jest.advanceTimersByTimeAsync(200);
      });
      expect(screen.getByRole('link', { name: 'Notifications, 2 unread' })).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });
});
