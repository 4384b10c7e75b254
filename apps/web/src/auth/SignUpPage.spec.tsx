import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SIGN_UP } from '@kindred/api-client';
import { apiError, authPayloadFixture } from '../testing/fixtures';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { SignUpPage } from './SignUpPage';

const input = {
  email: 'asha.patel@nhs.net',
  password: 'correct horse battery staple',
  displayName: 'Dr Asha Patel',
  profession: 'doctor',
  specialty: 'Paediatrics',
  organisation: null,
};

function fill(values: Partial<Record<'Email' | 'Password' | 'Display name' | 'Specialty', string>> = {}) {
  const all = { Email: input.email, Password: input.password, 'Display name': input.displayName, Specialty: 'Paediatrics', ...values };
  for (const [label, value] of Object.entries(all)) fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
  fireEvent.change(screen.getByLabelText('Profession'), { target: { value: 'doctor' } });
}

describe('SignUpPage', () => {
  it('labels every field and names the button "Sign up"', () => {
    renderWithProviders(<SignUpPage />, { auth: fakeAuth({ status: 'signed-out', account: null }) });
    for (const label of ['Email', 'Password', 'Display name', 'Profession']) expect(screen.getByLabelText(label)).toBeTruthy();
    expect(screen.getByLabelText('Specialty (optional)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign up' })).toBeTruthy();
    expect(document.title).toBe('Sign up – Kindred');
  });

  it('explains a weak password with the shared rule before asking the server', async () => {
    renderWithProviders(<SignUpPage />, { auth: fakeAuth({ status: 'signed-out', account: null }) });
    fill({ Password: 'password123', Email: 'not-an-email' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(await screen.findByText(/too common/)).toBeTruthy();
    expect(screen.getByText('Enter an email address like name@nhs.net.')).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a taken email beside the email field', async () => {
    renderWithProviders(<SignUpPage />, {
      auth: fakeAuth({ status: 'signed-out', account: null }),
      mocks: [
        {
          request: { query: SIGN_UP, variables: { input } },
          result: { data: null, errors: [apiError('That email address is already registered.', 'EMAIL_TAKEN', 'input.email')] },
        },
      ],
    });
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    const message = await screen.findByText('That email address is already registered.');
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toContain(message.id);
  });

  it('starts the session and goes to my projects', async () => {
    const payload = authPayloadFixture();
    const auth = fakeAuth({ status: 'signed-out', account: null });
    const view = renderWithProviders(<SignUpPage />, {
      auth,
      mocks: [{ request: { query: SIGN_UP, variables: { input } }, result: { data: { signUp: payload } } }],
    });
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    await waitFor(() => expect(view.location().pathname).toBe('/my-projects'));
    expect(auth.signedIn).toHaveBeenCalledWith(payload);
  });
});
