import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MY_BLOCKS, UNBLOCK_USER, type BlockedUser } from '@kindred/api-client';
import { renderWithProviders } from '../testing/render-with-providers';
import { BlockedPeopleSection } from './BlockedPeopleSection';

function blocked(id: string, displayName: string): BlockedUser {
  return {
    __typename: 'BlockedUser',
    blockedAt: '2026-03-01T09:00:00.000Z',
    user: {
      __typename: 'Clinician',
      id,
      displayName,
      profession: 'nurse',
      professionLabel: 'Nurse',
      specialty: null,
      organisation: null,
      role: 'clinician',
    },
  };
}

const myBlocks = (list: BlockedUser[]) => ({ request: { query: MY_BLOCKS }, result: { data: { myBlocks: list } } });

describe('blocked people (account page)', () => {
  it('says when I have blocked no one', async () => {
    renderWithProviders(<BlockedPeopleSection />, { mocks: [myBlocks([])] });
    expect(screen.getByText('Loading the people you blocked…')).toBeTruthy();
    expect(await screen.findByText('You have not blocked anyone.')).toBeTruthy();
  });

  it('lists the people I blocked and unblocks one, saying so', async () => {
    const unblock = jest.fn(() => ({ data: { unblockUser: true } }));
    renderWithProviders(<BlockedPeopleSection />, {
      mocks: [
        myBlocks([blocked('user-5', 'Mallory'), blocked('user-6', 'Trent')]),
        { request: { query: UNBLOCK_USER, variables: { userId: 'user-5' } }, result: unblock },
        myBlocks([blocked('user-6', 'Trent')]),
      ],
    });
    const section = screen.getByRole('region', { name: 'Blocked people' });
    expect(await within(section).findByText('Mallory', { selector: 'strong' })).toBeTruthy();
    expect(within(section).getAllByText(/^Blocked on/)).toHaveLength(2);
    fireEvent.click(within(section).getByRole('button', { name: 'Unblock Mallory' }));
    const status = await within(section).findByText('You unblocked Mallory.');
    expect(unblock).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(within(section).queryByText('Mallory', { selector: 'strong' })).toBeNull());
    expect(document.activeElement).toBe(status);
    expect(within(section).getByText('Trent', { selector: 'strong' })).toBeTruthy();
  });

  it('says when the list could not be loaded, with a retry', async () => {
    renderWithProviders(<BlockedPeopleSection />, { mocks: [{ request: { query: MY_BLOCKS }, error: new TypeError('Failed to fetch') }] });
    expect(await screen.findByRole('heading', { name: 'The people you blocked could not be loaded' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
