import '../testing/jsdom-polyfills';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SIGN_OUT } from '@kindred/api-client';
import { FlashMessage } from '../layout/FlashMessage';
import { RequireAuth } from './RequireAuth';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { AuthSession, REFRESH_TOKEN_KEY, RefreshRejectedError, type KeyValueStorage } from './auth-session';
import { AuthProvider, SESSION_ENDED_MESSAGE } from './AuthProvider';
import { SignInPage } from './SignInPage';
import { useAuth } from './useAuth';
import { authPayloadFixture } from '../testing/fixtures';

function storageWith(token?: string): KeyValueStorage {
  const data = new Map<string, string>(token ? [[REFRESH_TOKEN_KEY, token]] : []);
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function Status() {
  const { status, account } = useAuth();
  const location = useLocation();
  return (
    <p data-testid="status">
      {status}:{account?.displayName ?? 'nobody'}@{location.pathname}
    </p>
  );
}

function renderApp(session: AuthSession, route = '/my-projects') {
  return render(
    <MockedProvider>
      <MemoryRouter initialEntries={[route]}>
        <AuthProvider session={session}>
          <Status />
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="*" element={null} />
          </Routes>
        </AuthProvider>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('AuthProvider', () => {
  it('restores the session from a stored refresh token on start', async () => {
    const request = jest.fn(async () => authPayloadFixture());
    const session = new AuthSession(storageWith('stored'), request);
    renderApp(session);
    expect(screen.getByTestId('status').textContent).toBe('restoring:nobody@/my-projects');
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('signed-in:Dr Asha Patel@/my-projects'));
    expect(request).toHaveBeenCalledWith('stored');
    expect(session.getAccessToken()).toBe('access-token');
  });

  it('is signed out straight away with no stored token', () => {
    const request = jest.fn();
    renderApp(new AuthSession(storageWith(), request));
    expect(screen.getByTestId('status').textContent).toBe('signed-out:nobody@/my-projects');
    expect(request).not.toHaveBeenCalled();
  });

  it('is signed out when the stored token is refused', async () => {
    const session = new AuthSession(storageWith('old'), async () => Promise.reject(new RefreshRejectedError('Expired', 'INVALID_TOKEN')));
    renderApp(session);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('signed-out:nobody@/my-projects'));
  });

  it('sends the user to sign in, with a message, when the session expires', async () => {
    const session = new AuthSession(storageWith(), jest.fn());
    renderApp(session, '/account');
    act(() => session.start(authPayloadFixture()));
    expect(screen.getByTestId('status').textContent).toBe('signed-in:Dr Asha Patel@/account');
    act(() => session.end('expired'));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('signed-out:nobody@/sign-in'));
    expect(screen.getByText(SESSION_ENDED_MESSAGE)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Create an account' }).getAttribute('href')).toBe('/sign-up?next=%2Faccount');
  });

  it('signs out from a protected page to the home page, revoking the refresh token', async () => {
    const storage = storageWith();
    const session = new AuthSession(storage, jest.fn());
    session.start(authPayloadFixture());
    const revoked = jest.fn(() => ({ data: { signOut: true } }));
    function SignOutButton() {
      const { signOut } = useAuth();
      return (
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      );
    }
    render(
      <MockedProvider mocks={[{ request: { query: SIGN_OUT, variables: { refreshToken: 'refresh-token' } }, result: revoked }]}>
        <MemoryRouter initialEntries={['/account']}>
          <AuthProvider session={session}>
            <Status />
            <Routes>
              <Route path="/" element={<FlashMessage />} />
              <Route path="/sign-in" element={<p>Sign-in page</p>} />
              <Route
                path="/account"
                element={
                  <RequireAuth>
                    <SignOutButton />
                  </RequireAuth>
                }
              />
            </Routes>
          </AuthProvider>
        </MemoryRouter>
      </MockedProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('signed-out:nobody@/'));
    expect(screen.getByRole('status').textContent).toBe('You have signed out.');
    expect(revoked).toHaveBeenCalledTimes(1);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });
});
