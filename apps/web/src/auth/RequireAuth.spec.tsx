import '../testing/jsdom-polyfills';
import { screen } from '@testing-library/react';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { RequireAuth } from './RequireAuth';

describe('RequireAuth', () => {
  it('sends a signed-out visitor to sign in, remembering where they were going', () => {
    const view = renderWithProviders(
      <RequireAuth>
        <p>Secret</p>
      </RequireAuth>,
      { route: '/projects/new?from=home', path: '/projects/new', auth: fakeAuth({ status: 'signed-out', account: null }) },
    );
    expect(screen.queryByText('Secret')).toBeNull();
    expect(view.location().pathname).toBe('/sign-in');
    expect(view.location().search).toBe(`?next=${encodeURIComponent('/projects/new?from=home')}`);
  });

  it('waits while the session is being restored', () => {
    renderWithProviders(
      <RequireAuth>
        <p>Secret</p>
      </RequireAuth>,
      { auth: fakeAuth({ status: 'restoring', account: null }) },
    );
    expect(screen.getByRole('status').textContent).toContain('Checking your session');
  });

  it('shows the page to a signed-in user', () => {
    renderWithProviders(
      <RequireAuth>
        <p>Secret</p>
      </RequireAuth>,
    );
    expect(screen.getByText('Secret')).toBeTruthy();
  });
});
