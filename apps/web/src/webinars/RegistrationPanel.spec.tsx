import '../testing/jsdom-polyfills';
import { fireEvent, screen } from '@testing-library/react';
import { CANCEL_WEBINAR_REGISTRATION, CHECK_IN_TO_WEBINAR, REGISTER_FOR_WEBINAR } from '@kindred/api-client';
import { accountFixture, apiError } from '../testing/fixtures';
import { fakeAuth, renderWithProviders } from '../testing/render-with-providers';
import { RegistrationPanel } from './RegistrationPanel';
import { myRegistration, webinarFixture } from './webinars-fixtures.testing';

const SLOW = { timeout: 10_000 };
jest.setTimeout(30_000);
const ZONE = 'Europe/London';

describe('registration panel', () => {
  it('offers a place while there are places, with reminders by email on by default', () => {
    renderWithProviders(<RegistrationPanel webinar={webinarFixture()} viewerZone={ZONE} />);
    expect(screen.getByText('28 places left of 40')).toBeTruthy();
    const register = screen.getByRole('button', { name: 'Register' });
    expect(register.hasAttribute('disabled')).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'Also email me the reminders (a day and an hour before)' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('link', { name: /Join the WHAMinar/ })).toBeNull();
  });

  it('offers the waiting list when full, and says where I am on it after joining', async () => {
    const full = webinarFixture({ capacity: 10, registeredCount: 10, placesLeft: 0, waitingCount: 2 });
    const after = { ...full, waitingCount: 3, myRegistration: myRegistration('waiting', 3) };
    renderWithProviders(<RegistrationPanel webinar={full} viewerZone={ZONE} />, {
      mocks: [{ request: { query: REGISTER_FOR_WEBINAR, variables: { webinarId: 'web-1', emailReminders: true } }, result: { data: { registerForWebinar: after } } }],
    });
    expect(screen.getByText('Full: 2 on the waiting list')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Join the waiting list' }));
    expect(await screen.findByText('The WHAMinar is full: you are 3rd on the waiting list. You will be told if a place frees up.', {}, SLOW)).toBeTruthy();
  });

  it('shows my place with a cancel button that asks first, and tells me when the join link appears', async () => {
    const mine = webinarFixture({ myRegistration: myRegistration('registered') });
    renderWithProviders(<RegistrationPanel webinar={mine} viewerZone={ZONE} />, {
      mocks: [
        {
          request: { query: CANCEL_WEBINAR_REGISTRATION, variables: { webinarId: 'web-1' } },
          result: { data: { cancelWebinarRegistration: { ...mine, myRegistration: myRegistration('cancelled') } } },
        },
      ],
    });
    expect(screen.getByText('You have a place.')).toBeTruthy();
    expect(screen.getByText('The join link appears at Tuesday 9 March 2027, 09:30 GMT, 30 minutes before the start.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Register' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel my registration' }));
    expect(screen.getByText(/Cancel your place\? If anyone is waiting/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel my place' }));
    expect(await screen.findByText('Your registration is cancelled.', {}, SLOW)).toBeTruthy();
  });

  it('shows my position on the waiting list and lets me leave it', () => {
    renderWithProviders(<RegistrationPanel webinar={webinarFixture({ placesLeft: 0, myRegistration: myRegistration('waiting', 2) })} viewerZone={ZONE} />);
    expect(screen.getByText('You are on the waiting list: 2nd in line.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Leave the waiting list' })).toBeTruthy();
    expect(screen.getByText('If you get a place, the join link will appear here 30 minutes before the start.')).toBeTruthy();
  });

  it('shows the join link once it is there, and check-in while it is on', async () => {
    const live = webinarFixture({ isLive: true, joinUrl: 'https://meet.example.org/abc', myRegistration: myRegistration('registered') });
    renderWithProviders(<RegistrationPanel webinar={live} viewerZone={ZONE} />, {
      mocks: [{ request: { query: CHECK_IN_TO_WEBINAR, variables: { webinarId: 'web-1' } }, result: { data: { checkInToWebinar: live } } }],
    });
    expect(screen.getByRole('link', { name: 'Join the WHAMinar (opens in a new tab)' }).getAttribute('href')).toBe('https://meet.example.org/abc');
    fireEvent.click(screen.getByRole('button', { name: 'Check in' }));
    expect(await screen.findByText('You are checked in. Welcome!', {}, SLOW)).toBeTruthy();
  });

  it('tells the organiser they organise it instead of offering a place', () => {
    renderWithProviders(<RegistrationPanel webinar={webinarFixture({ canManage: true, joinUrl: 'https://meet.example.org/abc' })} viewerZone={ZONE} />, {
      auth: fakeAuth({ account: accountFixture({ id: 'org-1', role: 'organiser' }) }),
    });
    expect(screen.getByText('You organise this WHAMinar.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Register' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Join the WHAMinar (opens in a new tab)' })).toBeTruthy();
  });

  it.each([
    ['cancelled', { status: 'cancelled' as const }, 'Registration is closed: this WHAMinar was cancelled.'],
    ['finished', { status: 'finished' as const, isPast: true }, 'Registration is closed: this WHAMinar has finished.'],
  ])('disables registering for a %s WHAMinar and says why', (_name, overrides, reason) => {
    renderWithProviders(<RegistrationPanel webinar={webinarFixture(overrides)} viewerZone={ZONE} />);
    const register = screen.getByRole('button', { name: 'Register' });
    expect(register.hasAttribute('disabled')).toBe(true);
    expect(register.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(register.getAttribute('aria-describedby')!)?.textContent).toBe(reason);
  });

  it('explains a refusal in words, and asks visitors to sign in', async () => {
    const { unmount } = renderWithProviders(<RegistrationPanel webinar={webinarFixture()} viewerZone={ZONE} />, {
      mocks: [
        {
          request: { query: REGISTER_FOR_WEBINAR, variables: { webinarId: 'web-1', emailReminders: false } },
          result: { errors: [apiError('Registration is closed.', 'REGISTRATION_CLOSED', 'webinarId')] },
        },
      ],
    });
    fireEvent.click(screen.getByRole('checkbox', { name: /Also email me the reminders/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toBe('Registration for this WHAMinar has closed.');
    unmount();

    renderWithProviders(<RegistrationPanel webinar={webinarFixture({ thread: null })} viewerZone={ZONE} />, { auth: fakeAuth({ status: 'signed-out', account: null }) });
    expect(screen.getByRole('link', { name: 'Sign in to register' }).getAttribute('href')).toBe('/sign-in?next=%2Fwebinars%2Fweb-1');
  });
});
