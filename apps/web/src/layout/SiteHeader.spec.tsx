import '../testing/jsdom-polyfills';
import { fireEvent, screen, within } from '@testing-library/react';
import { UNREAD_MESSAGE_COUNT, UNREAD_NOTIFICATION_COUNT } from '@kindred/api-client';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { AppLayout } from './AppLayout';

const names = () =>
  Array.from(screen.getByRole('navigation', { name: 'Main' }).querySelectorAll('a, button')).map(
    (el) => el.getAttribute('aria-label') ?? el.textContent,
  );
/** Members' headers ask for the unread notification and message counts. */
const unread = (count: number, messages = 0) => [
  { request: { query: UNREAD_NOTIFICATION_COUNT }, result: { data: { unreadNotificationCount: count } }, maxUsageCount: 10 },
  { request: { query: UNREAD_MESSAGE_COUNT }, result: { data: { unreadMessageCount: messages } }, maxUsageCount: 10 },
];

describe('site header and layout', () => {
  it('offers sign in and sign up to visitors', () => {
    renderWithProviders(<AppLayout />, { auth: fakeAuth({ status: 'signed-out', account: null }) });
    expect(names()).toEqual(['Map', 'Explore projects', 'WHAMinars', 'Sign in', 'Sign up']);
  });

  it('offers my projects, alerts, account, messages, notifications and sign out to members', async () => {
    const auth = fakeAuth();
    renderWithProviders(<AppLayout />, { auth, mocks: unread(3, 2) });
    await screen.findByRole('link', { name: 'Notifications, 3 unread' });
    await screen.findByRole('link', { name: 'Messages, 2 unread' });
    expect(names()).toEqual(['Map', 'Explore projects', 'WHAMinars', 'My projects', 'Alerts', 'Account', 'Messages, 2 unread', 'Notifications, 3 unread', 'Sign out']);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(auth.signOut).toHaveBeenCalled();
  });

  it('has a skip link to the main landmark', async () => {
    renderWithProviders(<AppLayout />, { mocks: unread(1) });
    await screen.findByRole('link', { name: 'Notifications, 1 unread' });
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip.getAttribute('href')).toBe('#main-content');
    expect(screen.getByRole('main').id).toBe('main-content');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
  });

  it('puts the map first and links to what Kindred is from the footer', () => {
    renderWithProviders(<AppLayout />, { auth: fakeAuth({ status: 'signed-out', account: null }) });
    expect(screen.getByRole('navigation', { name: 'Main' }).querySelector('a')?.getAttribute('href')).toBe('/');
    expect(screen.getByRole('link', { name: 'Map' }).getAttribute('aria-current')).toBe('page');
    expect(within(screen.getByRole('contentinfo')).getByRole('link', { name: 'About Kindred' }).getAttribute('href')).toBe('/about');
  });
});
