import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { START_DIRECT_CONVERSATION } from '@kindred/api-client';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { MessageButton } from './MessageButton';
import { conversationFixture } from './messages-fixtures.testing';

const SLOW = { timeout: 10_000 };
jest.setTimeout(30_000);

const start = { query: START_DIRECT_CONVERSATION, variables: { input: { userId: 'user-2', projectId: 'project-7' } } };
const button = <MessageButton userId="user-2" personName="Sam Okafor" project={{ id: 'project-7', title: 'Warm homes' }} />;

describe('Message button', () => {
  it('opens (or reuses) the direct conversation and goes to it', async () => {
    const { location } = renderWithProviders(button, {
      route: '/projects/project-7',
      mocks: [{ request: start, result: { data: { startDirectConversation: conversationFixture({ id: 'conv-5', status: 'request' }) } } }],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Message Sam Okafor' }));
    await waitFor(() => expect(location().pathname).toBe('/messages/conv-5'), SLOW);
    expect(location().state).toEqual({ aboutProject: { id: 'project-7', title: 'Warm homes' } });
  });

  it('says why beside the button when the person takes no messages from me', async () => {
    renderWithProviders(button, {
      mocks: [
        {
          request: start,
          result: { errors: [{ message: 'This person is not taking message requests.', extensions: { code: 'MESSAGING_CLOSED' } }] },
        },
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Message Sam Okafor' }));
    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toBe('This person is not taking message requests.');
  });

  it('says so when either has blocked the other', async () => {
    renderWithProviders(button, {
      mocks: [{ request: start, result: { errors: [{ message: 'Blocked.', extensions: { code: 'BLOCKED' } }] } }],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Message Sam Okafor' }));
    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toBe('You cannot message Sam Okafor.');
  });

  it('asks visitors to sign in first, and comes back', () => {
    renderWithProviders(button, { route: '/projects/project-7', auth: fakeAuth({ status: 'signed-out', account: null }) });
    const link = screen.getByRole('link', { name: 'Sign in to message Sam Okafor' });
    expect(link.getAttribute('href')).toBe('/sign-in?next=%2Fprojects%2Fproject-7');
  });
});
