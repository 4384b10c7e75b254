import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SIGN_IN } from '@kindred/api-client';
import { apiError, authPayloadFixture } from '../testing/fixtures';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { SignInPage } from './SignInPage';

const signedOut = () => fakeAuth({ status: 'signed-out', account: null });
const credentials = { email: 'asha.patel@nhs.net', password: 'correct horse battery staple' };

function fill() {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: credentials.email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: credentials.password } });
}

describe('SignInPage', () => {
  it('shows a wrong-password refusal for the whole form, not one field', async () => {
    renderWithProviders(<SignInPage />, {
      auth: signedOut(),
      mocks: [
        {
          request: { query: SIGN_IN, variables: { input: credentials } },
          result: { data: null, errors: [apiError('Wrong email or password.', 'INVALID_CREDENTIALS')] },
        },
      ],
    });
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Wrong email or password.');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBeNull();
  });

  it('returns to the page that asked for sign-in', async () => {
    const auth = signedOut();
    const view = renderWithProviders(<SignInPage />, {
      auth,
      route: '/sign-in?next=%2Fprojects%2Fnew',
      mocks: [{ request: { query: SIGN_IN, variables: { input: credentials } }, result: { data: { signIn: authPayloadFixture() } } }],
    });
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(view.location().pathname).toBe('/projects/new'));
    expect(auth.signedIn).toHaveBeenCalled();
  });

  it('never follows a next address off the site', async () => {
    const view = renderWithProviders(<SignInPage />, {
      auth: signedOut(),
      route: '/sign-in?next=%2F%2Fevil.example',
      mocks: [{ request: { query: SIGN_IN, variables: { input: credentials } }, result: { data: { signIn: authPayloadFixture() } } }],
    });
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(view.location().pathname).toBe('/my-projects'));
  });

  it('says why the user was sent here', () => {
    renderWithProviders(<SignInPage />, {
      auth: signedOut(),
      route: { pathname: '/sign-in', state: { message: 'Please sign in to continue.' } },
    });
    expect(screen.getByText('Please sign in to continue.').getAttribute('role')).toBe('status');
    expect(document.title).toBe('Sign in – Kindred');
  });
});
