import '../testing/jsdom-polyfills';
import { fireEvent, screen } from '@testing-library/react';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { AppLayout } from './AppLayout';

const names = () => Array.from(screen.getByRole('navigation', { name: 'Main' }).querySelectorAll('a, button')).map((el) => el.textContent);

describe('site header and layout', () => {
  it('offers sign in and sign up to visitors', () => {
    renderWithProviders(<AppLayout />, { auth: fakeAuth({ status: 'signed-out', account: null }) });
    expect(names()).toEqual(['Explore projects', 'Sign in', 'Sign up']);
  });

  it('offers my projects, account and sign out to members', () => {
    const auth = fakeAuth();
    renderWithProviders(<AppLayout />, { auth });
    expect(names()).toEqual(['Explore projects', 'My projects', 'Account', 'Sign out']);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(auth.signOut).toHaveBeenCalled();
  });

  it('has a skip link to the main landmark', () => {
    renderWithProviders(<AppLayout />);
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip.getAttribute('href')).toBe('#main-content');
    expect(screen.getByRole('main').id).toBe('main-content');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
  });
});
