import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { DELETE_ACCOUNT, EXPORT_MY_DATA, ME, UPDATE_PROFILE } from '@kindred/api-client';
import { accountFixture, apiError } from '../testing/fixtures';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { AccountPage } from './AccountPage';

const me = accountFixture();
const meMock = { request: { query: ME }, result: { data: { me } } };

describe('AccountPage', () => {
  it('saves the profile and tells the session about the new name', async () => {
    const updated = accountFixture({ displayName: 'Asha Patel', bio: 'Paediatrician in Leeds.' });
    const auth = fakeAuth();
    renderWithProviders(<AccountPage />, {
      auth,
      mocks: [
        meMock,
        {
          request: {
            query: UPDATE_PROFILE,
            variables: {
              input: {
                displayName: 'Asha Patel',
                profession: 'doctor',
                specialty: 'Paediatrics',
                organisation: 'Leeds Children’s Hospital',
                bio: 'Paediatrician in Leeds.',
              },
            },
          },
          result: { data: { updateProfile: updated } },
        },
      ],
    });
    const name = await screen.findByLabelText('Display name');
    expect((name as HTMLInputElement).value).toBe('Dr Asha Patel');
    fireEvent.change(name, { target: { value: 'Asha Patel' } });
    fireEvent.change(screen.getByLabelText('About you (optional)'), { target: { value: 'Paediatrician in Leeds.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Your profile is saved.')).toBeTruthy();
    expect(auth.accountChanged).toHaveBeenCalledWith(updated);
  });

  it('checks the display name length on the client', async () => {
    renderWithProviders(<AccountPage />, { mocks: [meMock] });
    fireEvent.change(await screen.findByLabelText('Display name'), { target: { value: 'A' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Display name must be at least 2 characters.')).toBeTruthy();
  });

  it('downloads my data as a JSON file', async () => {
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:kindred-export');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderWithProviders(<AccountPage />, {
      mocks: [meMock, { request: { query: EXPORT_MY_DATA }, result: { data: { exportMyData: '{"account":{"email":"asha.patel@nhs.net"}}' } } }],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Download my data' }));
    expect(await screen.findByText(/^Downloaded kindred-my-data-\d{4}-\d{2}-\d{2}\.json\.$/)).toBeTruthy();
    expect(clicked).toEqual([expect.stringMatching(/^kindred-my-data-.*\.json$/)]);
    const blob = createObjectURL.mock.calls[0]?.[0];
    expect(blob?.type).toBe('application/json');
    click.mockRestore();
  });

  it('refuses to delete the account with the wrong password, beside the password field', async () => {
    const auth = fakeAuth();
    renderWithProviders(<AccountPage />, {
      auth,
      mocks: [
        meMock,
        {
          request: { query: DELETE_ACCOUNT, variables: { password: 'not my password' } },
          result: { data: null, errors: [apiError('Wrong password.', 'INVALID_CREDENTIALS')] },
        },
      ],
    });
    const password = await screen.findByLabelText('Password');
    fireEvent.change(password, { target: { value: 'not my password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete account' }));
    expect(await screen.findByText('That password is not right.')).toBeTruthy();
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(auth.accountDeleted).not.toHaveBeenCalled();
  });

  it('deletes the account with the right password', async () => {
    const auth = fakeAuth();
    renderWithProviders(<AccountPage />, {
      auth,
      mocks: [meMock, { request: { query: DELETE_ACCOUNT, variables: { password: 'correct horse battery staple' } }, result: { data: { deleteAccount: true } } }],
    });
    fireEvent.change(await screen.findByLabelText('Password'), { target: { value: 'correct horse battery staple' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete account' }));
    await waitFor(() => expect(auth.accountDeleted).toHaveBeenCalled());
  });
});
