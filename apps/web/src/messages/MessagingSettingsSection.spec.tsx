import '../testing/jsdom-polyfills';
import { fireEvent, screen } from '@testing-library/react';
import { MESSAGING_SETTINGS, UPDATE_MESSAGING_SETTINGS } from '@kindred/api-client';
import { renderWithProviders } from '../testing/render-with-providers';
import { MessagingSettingsSection } from './MessagingSettingsSection';

const SLOW = { timeout: 10_000 };
jest.setTimeout(30_000);

const settings = (messagePolicy: string, emailDigest: boolean) => ({ __typename: 'MessagingSettings' as const, messagePolicy, emailDigest });

describe('who may message me', () => {
  it('shows the current choice and saves a new one', async () => {
    const save = jest.fn(() => ({ data: { updateMessagingSettings: settings('nobody', true) } }));
    renderWithProviders(<MessagingSettingsSection />, {
      mocks: [
        { request: { query: MESSAGING_SETTINGS }, result: { data: { messagingSettings: settings('anyone', false) } } },
        { request: { query: UPDATE_MESSAGING_SETTINGS, variables: { input: { messagePolicy: 'nobody', emailDigest: true } } }, result: save },
      ],
    });
    const anyone = (await screen.findByRole('radio', { name: 'Anyone on Kindred' }, SLOW)) as HTMLInputElement;
    expect(anyone.checked).toBe(true);
    expect(screen.getByRole('group', { name: 'Who may send me a message request' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Nobody (people I already talk with can still message me)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include unread messages in my email digest' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save messaging settings' }));
    expect(await screen.findByText('Your messaging settings are saved.', {}, SLOW)).toBeTruthy();
    expect(save).toHaveBeenCalled();
  });
});
